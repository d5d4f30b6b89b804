package org.renkou.association.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.renkou.association.internal.activities.ActivityService;
import org.renkou.association.internal.families.ContactService;
import org.renkou.association.internal.families.SpecialCaseService;
import org.renkou.association.internal.meetings.MeetingService;
import org.renkou.association.internal.notices.NoticeService;
import org.renkou.association.internal.organisation.OrganisationService;
import org.renkou.association.internal.surveys.SurveyService;
import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.Role;
import org.renkou.module.api.testing.TestModuleDatabase;

/**
 * The real {@code renkou.association} persistence unit on a real Derby database on disk (under target/), outside
 * OSGi, migrated by the bundle's own scripts ({@link TestModuleDatabase}); the core stands in through
 * {@link CoreLinks}: households 1–99 live in community 440606901001, 100+ in 440606901002; residents and benefit
 * applications likewise; staff are the callers below.
 */
final class TestAssociation implements AutoCloseable {
    static final String COMMUNITY = "440606901001";
    static final String OTHER_COMMUNITY = "440606901002";
    static final Caller SECRETARY = caller("secretary", Role.ASSOCIATION_SECRETARY, COMMUNITY);
    static final Caller OTHER_SECRETARY = caller("other-secretary", Role.ASSOCIATION_SECRETARY, OTHER_COMMUNITY);
    static final Caller OFFICER = caller("officer", Role.FAMILY_SERVICES, COMMUNITY);
    static final Caller CONTACT_A = caller("contact-a", Role.FAMILY_SERVICES, COMMUNITY);
    static final Caller CONTACT_B = caller("contact-b", Role.FAMILY_SERVICES, "440606901");
    static final Caller DIRECTOR = caller("director", Role.DIRECTOR, "440606");
    static final Caller STATISTICIAN = caller("stats", Role.STATISTICIAN, "440606");
    static final LocalDate TODAY = LocalDate.of(2026, 7, 15);
    static final Path MIGRATIONS = Path.of("target/classes/db/" + Association.ID);

    final EntityManagerFactory emf;
    final List<String> audit = Collections.synchronizedList(new ArrayList<>());
    final AssociationDatabase db;
    /** The unit under {@link #db}: its {@code reports()} tell the report reads from the others. */
    final TestModuleDatabase unit;
    final OrganisationService org;
    final ContactService contacts;
    final ActivityService activities;
    final SpecialCaseService cases;
    final NoticeService notices;
    final SurveyService surveys;
    final MeetingService meetings;

    TestAssociation() {
        Path folder = Path.of("target", "test-db", UUID.randomUUID().toString()).toAbsolutePath();
        emf = Persistence.createEntityManagerFactory("renkou.association",
                Map.of("javax.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver",
                        "javax.persistence.jdbc.url", "jdbc:derby:" + folder + ";create=true"));
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).atZone(ChinaTime.ZONE).toInstant(), ChinaTime.ZONE);
        unit = new TestModuleDatabase(emf, MIGRATIONS, audit);
        db = new AssociationDatabase(unit, clock);
        CoreLinks core = new FakeCore();
        org = new OrganisationService(db, core);
        contacts = new ContactService(db, core);
        activities = new ActivityService(db, core);
        cases = new SpecialCaseService(db, core);
        notices = new NoticeService(db, core);
        surveys = new SurveyService(db);
        meetings = new MeetingService(db, core);
    }

    static Caller caller(String name, Role role, String code) {
        return new Caller(name, Set.of(role), Set.of(code));
    }

    static String home(long id) {
        return (id < 100 ? COMMUNITY : OTHER_COMMUNITY) + "001";
    }

    /** The core as the module sees it: the same reach rule for households, residents and applications. */
    static final class FakeCore extends CoreLinks {
        @Override
        public Optional<String> household(Caller caller, long id) {
            return caller.covers(home(id)) ? Optional.of(home(id)) : Optional.empty();
        }

        @Override
        public boolean resident(Caller caller, long id) {
            return caller.covers(home(id));
        }

        @Override
        public boolean benefitApplication(Caller caller, long id) {
            return caller.covers(home(id));
        }

        @Override
        public Optional<Caller> staff(String username) {
            for (Caller c : List.of(SECRETARY, OTHER_SECRETARY, OFFICER, CONTACT_A, CONTACT_B, DIRECTOR)) {
                if (c.username().equals(username)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }

        /** Staff names: the username in capitals with a 姓名 mark, so that a test tells a name from an account. */
        @Override
        public String staffName(String username) {
            return username == null ? null : "姓名:" + username.toUpperCase(java.util.Locale.ROOT);
        }

        @Override
        public String jurisdictionName(String code) {
            return code.startsWith("440606") ? "示例" + code : null;
        }
    }

    @Override
    public void close() {
        emf.close();
    }
}
