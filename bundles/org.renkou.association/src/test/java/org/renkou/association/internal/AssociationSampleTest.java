package org.renkou.association.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.renkou.association.internal.TestAssociation.COMMUNITY;
import static org.renkou.association.internal.TestAssociation.TODAY;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.association.internal.AssociationDTO.Activity;
import org.renkou.association.internal.AssociationDTO.Assoc;
import org.renkou.association.internal.AssociationDTO.Contact;
import org.renkou.association.internal.AssociationDTO.Member;
import org.renkou.association.internal.AssociationDTO.Notice;
import org.renkou.association.internal.AssociationDTO.Term;
import org.renkou.association.internal.sample.AssociationSample;
import org.renkou.core.api.Caller;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.api.resident.ResidentRef;
import org.renkou.core.api.resident.ResidentService;
import org.renkou.core.api.sample.SampleData;

/**
 * The association's part of the living sample on the real persistence unit: an association in the first sample
 * community with council, members from sample residents, contact households with a visit, the 5·29 member day and a
 * notice, loaded when the core's {@link SampleData} says {@code living}, and only once.
 */
class AssociationSampleTest {
    private TestAssociation t;
    private ResidentService residents;

    @BeforeEach
    void setUp() {
        t = new TestAssociation();
        // ten sample residents of the community, two to a household (households 11–15, in the community)
        List<ResidentRef> people = new ArrayList<>();
        String[] names = {"陈静", "张丽", "周敏", "李强", "王芳", "刘洋", "赵杰", "黄梅", "吴涛", "徐兰"};
        for (int i = 0; i < names.length; i++) {
            people.add(new ResidentRef(i + 1, names[i], COMMUNITY + "001"));
        }
        residents = (ResidentService) Proxy.newProxyInstance(ResidentService.class.getClassLoader(),
                new Class<?>[] {ResidentService.class}, (p, m, args) -> {
                    if (m.getName().equals("matches")) {
                        return people;
                    }
                    if (m.getName().equals("find")) {
                        ResidentDTO r = new ResidentDTO();
                        r.id = (Long) args[1];
                        r.residenceCode = COMMUNITY + "001";
                        r.householdId = 10 + (r.id + 1) / 2;
                        return Optional.of(r);
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private AssociationSample component() {
        return new AssociationSample(t.org, t.contacts, t.activities, t.notices, residents, t.db);
    }

    @Test
    void anAssociationWithCouncilMembersContactsMemberDayAndNoticeOnce() {
        SampleData living = new SampleData() {
            @Override
            public Mode mode() {
                return Mode.LIVING;
            }

            @Override
            public List<String> communities() {
                return List.of(COMMUNITY, TestAssociation.OTHER_COMMUNITY);
            }
        };
        component().setSample(living);

        List<Assoc> all = t.org.associations(Caller.SYSTEM);
        assertEquals(1, all.size());
        Assoc a = all.get(0);
        assertEquals(COMMUNITY, a.jurisdictionCode());
        assertTrue(a.name().contains("示例"), a.name());

        List<Member> members = t.org.members(Caller.SYSTEM, a.id(), "ACTIVE");
        assertEquals(AssociationSample.MEMBERS, members.size());
        assertTrue(members.stream().allMatch(m -> m.residentId() != null && m.residentId() <= AssociationSample.MEMBERS),
                "members are the first sample residents");

        List<Term> terms = t.org.terms(Caller.SYSTEM, a.id());
        assertEquals(1, terms.size());
        assertEquals("PRESIDENT", terms.get(0).seats().get(0).position());
        assertEquals(4, terms.get(0).seats().size());

        // the members live in households 11–13; the contacts are families they do not belong to
        List<Contact> contacts = t.contacts.contacts(Caller.SYSTEM, a.id(), null);
        assertEquals(2, contacts.size());
        assertTrue(contacts.stream().allMatch(c -> c.householdId() > 13), contacts.toString());
        long visits = contacts.stream().mapToLong(c -> t.contacts.visits(Caller.SYSTEM, a.id(), c.id()).size()).sum();
        assertEquals(1, visits);

        List<Activity> year = t.activities.activities(Caller.SYSTEM, a.id(), TODAY.getYear());
        assertEquals(1, year.size());
        assertEquals(LocalDate.of(TODAY.getYear(), 5, 29), year.get(0).heldOn(), "TODAY is in July: this year's");
        assertEquals("MEMBER_DAY", year.get(0).kind());
        assertTrue(year.get(0).title().contains("示例"));

        List<Notice> notices = t.notices.notices(Caller.SYSTEM, a.id());
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).title().contains("示例"));

        // the module switched off and on again during the first run: nothing twice
        component().setSample(living);
        assertEquals(1, t.org.associations(Caller.SYSTEM).size());
        assertEquals(AssociationSample.MEMBERS, t.org.members(Caller.SYSTEM, a.id(), null).size());
    }

    @Test
    void nothingForTheTreeOnly() {
        component().setSample(new SampleData() {
            @Override
            public Mode mode() {
                return Mode.JURISDICTIONS;
            }

            @Override
            public List<String> communities() {
                return List.of();
            }
        });
        assertTrue(t.org.associations(Caller.SYSTEM).isEmpty());
    }
}
