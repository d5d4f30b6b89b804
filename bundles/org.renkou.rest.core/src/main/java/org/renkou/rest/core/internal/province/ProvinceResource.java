package org.renkou.rest.core.internal.province;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.benefit.BenefitScheme;
import org.renkou.core.api.province.Entitlement;
import org.renkou.core.api.province.FamilyFacts;
import org.renkou.core.api.province.FormDefinition;
import org.renkou.core.api.province.LeaveCalculator;
import org.renkou.core.api.province.LeaveEntitlement;
import org.renkou.core.api.province.PolicyRegistry;
import org.renkou.core.api.province.RegionalPolicy;
import org.renkou.core.api.province.WhatIfDTO;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;
import org.renkou.rest.core.internal.Dates;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.api.resident.ResidentService;

/**
 * {@code /api/provinces}: the active province policies, and per jurisdiction the leave entitlements and the
 * entitlements of a family as of a date ({@code ?date=}, default today in China). A jurisdiction whose province
 * module is not active answers 503 "province module not active".
 */
@Component(service = ProvinceResource.class)
@RestResource
@Path("provinces")
@Produces(MediaType.APPLICATION_JSON)
public class ProvinceResource {

    private final PolicyRegistry policies;
    private final ResidentService residents;

    @Activate
    public ProvinceResource(@Reference PolicyRegistry policies, @Reference ResidentService residents) {
        this.policies = policies;
        this.residents = residents;
    }

    /** An active province policy as listed to clients. */
    public record ProvinceDTO(String code, String nameZh, String nameEn, List<String> schemes, List<String> forms) {
        static ProvinceDTO of(RegionalPolicy p) {
            return new ProvinceDTO(p.provinceCode(), p.nameZh(), p.nameEn(),
                    p.benefitSchemes().stream().map(BenefitScheme::id).collect(Collectors.toList()),
                    p.forms().stream().map(FormDefinition::key).collect(Collectors.toList()));
        }
    }

    @GET
    public List<ProvinceDTO> list() {
        return policies.active().stream().map(ProvinceDTO::of).collect(Collectors.toList());
    }

    @GET
    @Path("{jurisdiction:[0-9]+}")
    public ProvinceDTO get(@PathParam("jurisdiction") String jurisdiction) {
        return ProvinceDTO.of(policies.require(jurisdiction));
    }

    @GET
    @Path("{jurisdiction:[0-9]+}/leave")
    public List<LeaveEntitlement> leave(@PathParam("jurisdiction") String jurisdiction,
            @QueryParam("date") String date) {
        return policies.require(jurisdiction).leaveEntitlements(dateOrToday(date));
    }

    /**
     * The leave calculator for one event (a birth: {@code babies}, {@code difficult}; a miscarriage or termination:
     * {@code months} of pregnancy completed): the days per parent with each addend and its source.
     */
    @GET
    @Path("{jurisdiction:[0-9]+}/leave/event")
    public LeaveCalculator.Result leaveForEvent(@PathParam("jurisdiction") String jurisdiction,
            @QueryParam("date") String date, @QueryParam("event") String event, @QueryParam("babies") String babies,
            @QueryParam("difficult") String difficult, @QueryParam("months") String months) {
        LeaveCalculator.Event kind;
        try {
            kind = LeaveCalculator.Event.valueOf(event == null ? "" : event.strip());
        } catch (IllegalArgumentException e) {
            throw RenkouException.invalid("event", "情形应为 BIRTH（分娩）或 MISCARRIAGE（流产）。",
                    "The event must be BIRTH or MISCARRIAGE.");
        }
        return LeaveCalculator.of(policies.require(jurisdiction).leaveEntitlements(dateOrToday(date)), kind,
                number(babies, "babies"), "true".equals(difficult), number(months, "months"));
    }

    private static Integer number(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw RenkouException.invalid(field, field + " 应为整数。", field + " must be a whole number.");
        }
    }

    /** Body: the family ({@link FamilyFacts}); answers every scheme's decision with its reason and amount. */
    @POST
    @Path("{jurisdiction:[0-9]+}/entitlements")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<Entitlement> entitlements(@PathParam("jurisdiction") String jurisdiction,
            @QueryParam("date") String date, FamilyFacts family) {
        if (family == null || family.birthDate() == null) {
            throw RenkouException.invalid("birthDate", "请填写出生日期。", "birthDate is required.");
        }
        LocalDate on = dateOrToday(date);
        Input.birthDate(family.birthDate(), on, "birthDate", "出生日期", "birth date");
        for (int i = 0; i < family.children().size(); i++) {
            FamilyFacts.Child c = family.children().get(i);
            String field = "children[" + i + "].birthDate";
            Input.birthDate(Input.present(c == null ? null : c.birthDate(), field, "子女出生日期", "child's birth date"),
                    on, field, "子女出生日期", "child's birth date");
        }
        return policies.require(jurisdiction).entitlements(family, on);
    }

    /**
     * What-if run for a policy change: the body is the new data file (JSON, {@code ?file=} its name); answers who
     * living in the jurisdiction gains or loses an entitlement on {@code ?date=} (default today). Nothing changes.
     */
    @POST
    @Path("{jurisdiction:[0-9]+}/what-if")
    @Consumes(MediaType.APPLICATION_JSON)
    public WhatIfDTO whatIf(@Context SecurityContext sc, @PathParam("jurisdiction") String jurisdiction,
            @QueryParam("file") String file, @QueryParam("date") String date, String content) {
        return policies.whatIf(RestCaller.of(sc), jurisdiction, file, content, dateOrToday(date));
    }

    /** A resident's entitlements from Renkou's records, under the policy of where they live. */
    @GET
    @Path("entitlements")
    public List<Entitlement> residentEntitlements(@Context SecurityContext sc, @QueryParam("resident") Long id,
            @QueryParam("date") String date) {
        if (id == null) {
            throw RenkouException.invalid("resident", "请指定居民。", "resident is required.");
        }
        ResidentDTO r = residents.find(RestCaller.of(sc), id).orElseThrow(() -> RenkouException.notFound(
                "resident", "居民 " + id + " 不存在或不在您的辖区内。",
                "Resident " + id + " does not exist or lies outside your jurisdiction."));
        return policies.require(r.residenceCode).entitlements(policies.familyFacts(id), dateOrToday(date));
    }

    private static LocalDate dateOrToday(String date) {
        LocalDate d = Dates.date(date, "date");
        return d == null ? LocalDate.now(ChinaTime.ZONE) : d;
    }
}
