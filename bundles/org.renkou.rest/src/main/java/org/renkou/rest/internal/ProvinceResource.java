package org.renkou.rest.internal;

import java.time.LocalDate;
import java.time.ZoneId;
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
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.ResidentDTO;
import org.renkou.core.api.ResidentService;
import org.renkou.core.api.benefit.BenefitScheme;
import org.renkou.core.api.province.Entitlement;
import org.renkou.core.api.province.FamilyFacts;
import org.renkou.core.api.province.FormDefinition;
import org.renkou.core.api.province.LeaveEntitlement;
import org.renkou.core.api.province.PolicyRegistry;
import org.renkou.core.api.province.RegionalPolicy;
import org.renkou.core.api.province.WhatIfDTO;

/**
 * {@code /api/provinces}: the active province policies, and per jurisdiction the leave entitlements and the
 * entitlements of a family as of a date ({@code ?date=}, default today in China). A jurisdiction whose province
 * module is not active answers 503 "province module not active".
 */
@Component(service = ProvinceResource.class, property = JerseyWhiteboard.RESOURCE + "=true")
@Path("provinces")
@Produces(MediaType.APPLICATION_JSON)
public class ProvinceResource {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

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

    /** Body: the family ({@link FamilyFacts}); answers every scheme's decision with its reason and amount. */
    @POST
    @Path("{jurisdiction:[0-9]+}/entitlements")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<Entitlement> entitlements(@PathParam("jurisdiction") String jurisdiction,
            @QueryParam("date") String date, FamilyFacts family) {
        if (family == null || family.birthDate() == null) {
            throw RenkouException.invalid("birthDate", "请填写出生日期。", "birthDate is required.");
        }
        return policies.require(jurisdiction).entitlements(family, dateOrToday(date));
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
        return policies.whatIf(CallerFilter.caller(sc), jurisdiction, file, content, dateOrToday(date));
    }

    /** A resident's entitlements from Renkou's records, under the policy of where they live. */
    @GET
    @Path("entitlements")
    public List<Entitlement> residentEntitlements(@Context SecurityContext sc, @QueryParam("resident") Long id,
            @QueryParam("date") String date) {
        if (id == null) {
            throw RenkouException.invalid("resident", "请指定居民。", "resident is required.");
        }
        ResidentDTO r = residents.find(CallerFilter.caller(sc), id).orElseThrow(() -> RenkouException.notFound(
                "resident", "居民 " + id + " 不存在或不在您的辖区内。",
                "Resident " + id + " does not exist or lies outside your jurisdiction."));
        return policies.require(r.residenceCode).entitlements(policies.familyFacts(id), dateOrToday(date));
    }

    private static LocalDate dateOrToday(String date) {
        LocalDate d = ExchangeResource.date(date, "date");
        return d == null ? LocalDate.now(CHINA) : d;
    }
}
