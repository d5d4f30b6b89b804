package org.renkou.association.internal.sample;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.renkou.association.internal.Association;
import org.renkou.association.internal.AssociationDTO.Activity;
import org.renkou.association.internal.AssociationDTO.ActivityKind;
import org.renkou.association.internal.AssociationDTO.Assoc;
import org.renkou.association.internal.AssociationDTO.Contact;
import org.renkou.association.internal.AssociationDTO.Decision;
import org.renkou.association.internal.AssociationDTO.Member;
import org.renkou.association.internal.AssociationDTO.Notice;
import org.renkou.association.internal.AssociationDTO.NoticeKind;
import org.renkou.association.internal.AssociationDTO.Participant;
import org.renkou.association.internal.AssociationDTO.Position;
import org.renkou.association.internal.AssociationDTO.Seat;
import org.renkou.association.internal.AssociationDTO.Term;
import org.renkou.association.internal.AssociationDTO.Visit;
import org.renkou.association.internal.AssociationDTO.VisitKind;
import org.renkou.association.internal.AssociationDatabase;
import org.renkou.association.internal.activities.ActivityService;
import org.renkou.association.internal.families.ContactService;
import org.renkou.association.internal.notices.NoticeService;
import org.renkou.association.internal.organisation.OrganisationService;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.resident.ResidentQuery;
import org.renkou.core.api.resident.ResidentRef;
import org.renkou.core.api.resident.ResidentService;
import org.renkou.core.api.sample.SampleData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The association's part of the living sample (示例计生协会): when the core has loaded the living sample into a new
 * database ({@link SampleData} with mode {@code living}) and no association exists yet, an association in the first
 * sample community (示例一社区) with a council of four, members admitted from sample residents, two contact
 * households (会员联系户) of other sample families with a visit, this year's (or last year's) 5·29 member day and a
 * notice on the public board. All through the module's own services, as the platform ({@link Caller#SYSTEM}),
 * every name and text marked 示例 (members carry the sample residents' names, which are fictitious).
 *
 * <p>Once per database, like the warehouse's ({@code WarehouseSample}): a restart gets no {@code SampleData}
 * service, and switching the module off and on during the first run finds the association there.
 */
@Component(property = Association.CONDITION)
public class AssociationSample {
    /** Members admitted from sample residents (the council's four seats among them). */
    public static final int MEMBERS = 6;
    private static final Logger LOG = LoggerFactory.getLogger(AssociationSample.class);
    private static final Caller SYSTEM = Caller.SYSTEM;

    private final OrganisationService organisation;
    private final ContactService contacts;
    private final ActivityService activities;
    private final NoticeService notices;
    private final ResidentService residents;
    private final AssociationDatabase db;

    @Activate
    public AssociationSample(@Reference OrganisationService organisation, @Reference ContactService contacts,
            @Reference ActivityService activities, @Reference NoticeService notices,
            @Reference ResidentService residents, @Reference AssociationDatabase db) {
        this.organisation = organisation;
        this.contacts = contacts;
        this.activities = activities;
        this.notices = notices;
        this.residents = residents;
        this.db = db;
    }

    /** The core's hook, optional as docs/modules.md §6a says (a mandatory one would leave the module FAILED). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(" + SampleData.MODE + "=living)")
    public synchronized void setSample(SampleData sample) {
        try {
            if (!organisation.associations(SYSTEM).isEmpty() || sample.communities().isEmpty()) {
                return;
            }
            String community = sample.communities().get(0);
            LocalDate today = db.today();
            ResidentQuery adults = new ResidentQuery();
            adults.jurisdictionCode = community;
            adults.bornFrom = today.minusYears(70);
            adults.bornTo = today.minusYears(25);
            // members first, then people of other households to look after (matches answers up to max + 1)
            List<ResidentRef> people = residents.matches(SYSTEM, adults, 40);
            List<ResidentRef> members = people.stream().limit(MEMBERS).toList();
            Set<Long> memberHouseholds = new LinkedHashSet<>();
            List<Long> others = new ArrayList<>();
            for (ResidentRef r : people) {
                Long household = residents.find(SYSTEM, r.id()).map(d -> d.householdId).orElse(null);
                if (members.contains(r)) {
                    if (household != null) {
                        memberHouseholds.add(household);
                    }
                } else if (household != null && !memberHouseholds.contains(household) && !others.contains(household)
                        && others.size() < 2) {
                    others.add(household);
                }
            }
            load(community, members, others, today);
        } catch (RenkouException e) {
            // a second node loading at the same moment: its association is there (one per jurisdiction)
            LOG.warn("Association sample not loaded: {}", e.getMessage());
        }
    }

    void unsetSample(SampleData sample) {
        // nothing to undo: the sample stays like any data
    }

    /**
     * Loads the sample association into {@code community}: {@code people} become members (the first four the
     * council), the first two look after one of {@code households} each.
     */
    Assoc load(String community, List<ResidentRef> people, List<Long> households, LocalDate today) {
        Assoc a = organisation.create(SYSTEM, new Assoc(null, "示例一社区计生协会（示例）", community, null, null,
                LocalDate.of(today.getYear() - 6, 5, 29), null));
        String[] skills = {"政策宣传（示例）", "心理疏导（示例）", "文艺演出（示例）", "健康讲座（示例）"};
        List<Member> admitted = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            ResidentRef r = people.get(i);
            Member m = organisation.apply(SYSTEM, a.id(), new Member(null, null, r.name(), null, r.id(),
                    skills[i % skills.length], null, today.minusYears(2).plusDays(i), null, null, null, null, null));
            admitted.add(organisation.decide(SYSTEM, a.id(), m.id(),
                    new Decision(true, null, "理事会审议通过（示例）", m.version())));
        }
        Position[] positions = Position.values(); // 会长, 副会长, 秘书长, 理事
        List<Seat> seats = new ArrayList<>();
        for (int i = 0; i < Math.min(positions.length, admitted.size()); i++) {
            seats.add(new Seat(positions[i].name(), admitted.get(i).name(), admitted.get(i).id()));
        }
        if (!seats.isEmpty()) {
            organisation.newTerm(SYSTEM, a.id(), new Term(null, null, today.minusYears(1).withDayOfYear(1),
                    null, "第一届理事会（示例）", seats));
        }
        int visits = 0;
        for (int i = 0; i < Math.min(households.size(), admitted.size()); i++) {
            Contact c = contacts.assign(SYSTEM, a.id(), new Contact(null, admitted.get(i).id(), households.get(i),
                    today.minusMonths(3), null, null, null));
            if (i == 0) {
                contacts.logVisit(SYSTEM, a.id(), c.id(), new Visit(null, c.id(), today.minusDays(10),
                        VisitKind.INFORMATION.name(), "上门宣传生育支持政策，家庭暂无困难（示例）", null));
                visits++;
            }
        }
        // 5·29 会员活动日: this year's once it is past, else last year's
        LocalDate may29 = MonthDay.of(5, 29).atYear(today.getYear());
        LocalDate day = may29.isAfter(today) ? may29.minusYears(1) : may29;
        activities.create(SYSTEM, a.id(), new Activity(null, null, ActivityKind.MEMBER_DAY.name(),
                "5·29会员活动日（示例）", day, "示例一社区文化广场（示例）", "示例一社区计生协会（示例）", true, 120, null, 40,
                admitted.stream().map(m -> new Participant(m.id(), null, null)).toList(), null));
        notices.publish(SYSTEM, a.id(), new Notice(null, null, NoticeKind.ACTIVITY.name(),
                "5·29会员活动日回顾（示例）", "协会会员与志愿者在社区文化广场开展政策宣传和义诊咨询（示例）。",
                today, null, null, null));
        LOG.info("Loaded the association sample: association {} in {}, {} members, {} contact households, {} visit, "
                + "the 5·29 member day of {}, 1 notice", a.id(), community, admitted.size(),
                Math.min(households.size(), admitted.size()), visits, day);
        return a;
    }
}
