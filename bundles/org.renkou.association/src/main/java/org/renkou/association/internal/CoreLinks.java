package org.renkou.association.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.benefit.BenefitApplicationService;
import org.renkou.core.api.household.HouseholdService;
import org.renkou.core.api.jurisdiction.JurisdictionDTO;
import org.renkou.core.api.jurisdiction.JurisdictionService;
import org.renkou.core.api.resident.ResidentService;
import org.renkou.core.api.staff.StaffService;

/**
 * What the association asks of the core, by id or code only: whether a household, resident or benefit application
 * exists within the caller's reach (the core's own scoping rule, so an id in a body passes the same rule as a direct
 * read), a staff member's caller and name, a jurisdiction's name. One class so that the unit tests can stand in for the core.
 */
@Component(service = CoreLinks.class, property = Association.CONDITION)
public class CoreLinks {
    private final HouseholdService households;
    private final ResidentService residents;
    private final BenefitApplicationService benefits;
    private final StaffService staff;
    private final JurisdictionService jurisdictions;

    @Activate
    public CoreLinks(@Reference HouseholdService households, @Reference ResidentService residents,
            @Reference BenefitApplicationService benefits, @Reference StaffService staff,
            @Reference JurisdictionService jurisdictions) {
        this.households = households;
        this.residents = residents;
        this.benefits = benefits;
        this.staff = staff;
        this.jurisdictions = jurisdictions;
    }

    /** For tests: a stand-in overrides every method. */
    CoreLinks() {
        this(null, null, null, null, null);
    }

    /** The household's residence code, if it exists and the caller reaches it. */
    public Optional<String> household(Caller caller, long id) {
        return households.find(caller, id).map(h -> h.residenceCode);
    }

    public boolean resident(Caller caller, long id) {
        return residents.find(caller, id).isPresent();
    }

    public boolean benefitApplication(Caller caller, long id) {
        return benefits.find(caller, id).isPresent();
    }

    /** The active staff member's caller (roles, jurisdictions), if there is one. */
    public Optional<Caller> staff(String username) {
        return staff.callerFor(username);
    }

    /**
     * The name (姓名) to show for a staff account the module has recorded (secretary, case contacts, who recorded a
     * visit …): the staff record's name, or the username when there is no such account or it has no name. Read as
     * the system: the account is already on a record the caller may see, and a colleague's name is no secret.
     */
    public String staffName(String username) {
        if (username == null) {
            return null;
        }
        return staff.find(Caller.SYSTEM, username).map(s -> s.name).filter(n -> !n.isBlank()).orElse(username);
    }

    /** {@link #staffName} remembered for one answer: a list names the same few accounts again and again. */
    public Function<String, String> staffNames() {
        Map<String, String> known = new HashMap<>();
        return u -> u == null ? null : known.computeIfAbsent(u, this::staffName);
    }

    /** The jurisdiction's official name, or null when there is no such jurisdiction. */
    public String jurisdictionName(String code) {
        return code == null ? null : jurisdictions.find(code).map((JurisdictionDTO j) -> j.name).orElse(null);
    }
}
