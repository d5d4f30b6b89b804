package org.renkou.core.internal.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.CitizenId;
import org.renkou.core.api.Role;
import org.renkou.core.api.benefit.BenefitApplicationDTO;
import org.renkou.core.api.benefit.BenefitApplicationService;
import org.renkou.core.api.benefit.DecisionDTO;
import org.renkou.core.api.benefit.StepDecision;
import org.renkou.core.api.certificate.CertificateDTO;
import org.renkou.core.api.certificate.CertificateService;
import org.renkou.core.api.exchange.ExchangeMessageDTO;
import org.renkou.core.api.exchange.ExchangeReplyDTO;
import org.renkou.core.api.exchange.ExchangeService;
import org.renkou.core.api.exchange.MessageKind;
import org.renkou.core.api.exchange.Urgency;
import org.renkou.core.api.household.Relation;
import org.renkou.core.api.migrant.CertificateSeenDTO;
import org.renkou.core.api.migrant.DepartureDTO;
import org.renkou.core.api.migrant.MigrantCertificate;
import org.renkou.core.api.migrant.MigrantDTO;
import org.renkou.core.api.migrant.MigrantNoteDTO;
import org.renkou.core.api.migrant.MigrantService;
import org.renkou.core.api.registration.BirthDTO;
import org.renkou.core.api.registration.BirthService;
import org.renkou.core.api.registration.MarriageDTO;
import org.renkou.core.api.imports.ImportJobDTO;
import org.renkou.core.api.imports.ImportService;
import org.renkou.core.api.imports.ImportState;
import org.renkou.core.api.registration.MarriageService;
import org.renkou.core.api.resident.HukouNature;
import org.renkou.core.api.resident.MaritalStatus;
import org.renkou.core.api.resident.ResidentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The living sample (示例居民): fictitious residents in households of the sample communities, about sixty written by
 * hand ({@code sample/living.tsv}: the people the stories below are about) and about three hundred more in the two
 * communities of 顺德区 ({@link SampleFamilies}, generated from a fixed seed), their marriages and births with certificates, a rural couple eligible for reward
 * support (奖励扶助) whose application waits at the community, a childcare-subsidy application waiting at the street,
 * migrants present and departed, and exchange messages between the sample offices, one of them overdue. Everything
 * goes through the core's own services, so every rule applies and every write is audited as the platform's
 * ({@link Caller#SYSTEM}; a step of an application as a community officer, as the chain requires). No sensitive data
 * (health notes, a child's state, contraception) is part of it.
 *
 * <p>Certificates and applications need the Guangdong province module (its certificate types and schemes): the
 * sample waits for it a while and, if it does not come, loads the rest and says so in the log.
 */
final class LivingSample {
    static final String RESOURCE = "sample/living.tsv";
    /** The certificate type and the schemes the sample uses, all of the Guangdong bundle. */
    static final String BIRTH_VOUCHER = "gd-birth-registration";
    static final String GLORY = "gd-one-child-parents-glory";
    static final String REWARD = "gd-reward-support";
    static final String CHILDCARE = "gd-childcare-subsidy";
    private static final Logger LOG = LoggerFactory.getLogger(LivingSample.class);
    private static final Caller SYSTEM = Caller.SYSTEM;
    /** The community office of the two 顺德区 communities, who decides the first step of an application. */
    private static final Caller COMMUNITY = new Caller("system", Set.of(Role.FAMILY_SERVICES),
            Set.of("440606901001", "440606901002"));

    /** The services the sample writes through. */
    record Services(ResidentService residents, ImportService imports, MarriageService marriages,
            BirthService births, CertificateService certificates, BenefitApplicationService benefits,
            MigrantService migrants, Function<Clock, ExchangeService> exchangeAt,
            Function<Clock, BenefitApplicationService> benefitsAt) {
    }

    private final Services s;
    private final LocalDate today;
    /** Resident ids and rows by {@link Row#key}. */
    private final Map<String, Long> ids = new HashMap<>();
    private final Map<String, Row> people = new LinkedHashMap<>();
    private int marriages;
    private int births;
    private int certificates;
    private int applications;
    private final Map<String, int[]> sequences = new HashMap<>();

    LivingSample(Services services, LocalDate today) {
        this.s = services;
        this.today = today;
    }

    /** A person of a household: a row of {@code living.tsv} (key: the name) or a {@link SampleFamilies} one. */
    record Row(String household, String residence, String address, Relation relation, String name, LocalDate born,
            boolean male, HukouNature hukou, MaritalStatus marital, String key) {
    }

    /** Loads it all; {@code provinceReady} says whether the Guangdong module's types and schemes are there. */
    void load(boolean provinceReady) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<Row> rows = new ArrayList<>(read(today));
        rows.addAll(SampleFamilies.generate(today));
        Map<String, List<Row>> households = new LinkedHashMap<>();
        for (Row r : rows) {
            people.put(r.key(), r);
            households.computeIfAbsent(r.household(), k -> new ArrayList<>()).add(r);
        }
        importPeople(rows);
        households.values().forEach(this::couples);
        families(provinceReady);
        generatedFamilies(provinceReady);
        migrantsAndMessages();
        LOG.info("Loaded the living sample in {} ms: {} residents in {} households, {} marriages, {} births, "
                + "{} certificates, {} applications and {} migrants{}", (System.nanoTime() - start) / 1_000_000,
                rows.size(), households.size(), marriages, births, certificates, applications,
                ids.size() - rows.size(), provinceReady ? "" : " (no certificates or applications: Guangdong not active)");
    }

    /**
     * The residents and their households through the bulk path, an {@link ImportService import} (every row checked as
     * in the form, batched writes, the job in the import history as the platform's), then their ids by ID number.
     */
    private void importPeople(List<Row> rows) throws IOException, InterruptedException {
        Path csv = Files.createTempFile("renkou-sample-", ".csv");
        try {
            StringBuilder b = new StringBuilder(ImportService.REQUIRED_COLUMNS).append(',')
                    .append(ImportService.FACT_COLUMNS).append(',').append(ImportService.HOUSEHOLD_COLUMNS).append('\n');
            Map<String, String> numbers = new LinkedHashMap<>();
            for (Row r : rows) {
                String number = idNumber(r.residence(), r.born(), r.male());
                numbers.put(r.key(), number);
                // idNumber,name,residenceCode,registrationCode,status,maritalStatus,phone,address,hukouNature,household
                b.append(String.join(",", number, r.name(), r.residence(), r.residence(), "REGISTERED",
                        r.marital().name(), "", r.address(), r.hukou() == null ? "" : r.hukou().name(), r.household(),
                        r.relation().name())).append('\n');
            }
            Files.writeString(csv, b, StandardCharsets.UTF_8);
            ImportJobDTO job = s.imports().start(SYSTEM, csv, StandardCharsets.UTF_8.name());
            while (job.state == ImportState.RUNNING) {
                Thread.sleep(50); // a read of the job per poll: not so often that it competes with the import
                job = s.imports().find(SYSTEM, job.id).orElseThrow();
            }
            if (job.state != ImportState.DONE || job.importedRows != rows.size()) {
                throw new IllegalStateException("sample import " + job.id + " " + job.state + ": " + job.importedRows
                        + " of " + rows.size() + " rows, " + job.message + " " + job.errors.stream()
                                .map(e -> e.line + " " + e.field + " " + e.messageEn).toList());
            }
            numbers.forEach((key, number) -> ids.put(key,
                    s.residents().findByIdNumber(SYSTEM, number).orElseThrow().id));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** Reads the people; a birth date {@code -<n>m} is n months before {@code today}. */
    static List<Row> read(LocalDate today) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String[] f : SampleData.tsv(RESOURCE)) {
            LocalDate born = f[5].startsWith("-")
                    ? today.minusMonths(Long.parseLong(f[5].substring(1, f[5].length() - 1))) : LocalDate.parse(f[5]);
            HukouNature hukou = "R".equals(f[7]) ? HukouNature.RURAL : "U".equals(f[7]) ? HukouNature.URBAN : null;
            MaritalStatus marital = switch (f[8]) {
                case "M" -> MaritalStatus.MARRIED;
                case "D" -> MaritalStatus.DIVORCED;
                case "W" -> MaritalStatus.WIDOWED;
                default -> MaritalStatus.UNMARRIED;
            };
            rows.add(new Row(f[0], f[1], f[2], Relation.valueOf(f[3]), f[4], born, "M".equals(f[6]), hukou, marital,
                    f[4]));
        }
        return rows;
    }

    /**
     * A valid number nobody holds: address code {@code <province>9999} (no place has it), the birth date, a sequence
     * from 101 upwards (odd for men, even for women) and the check character.
     */
    String idNumber(String residence, LocalDate born, boolean male) {
        int[] next = sequences.computeIfAbsent(born + "/" + male, k -> new int[] {male ? 101 : 102});
        String first17 = residence.substring(0, 2) + "9999" + born.toString().replace("-", "")
                + String.format("%03d", next[0]);
        next[0] += 2;
        return first17 + CitizenId.checkChar(first17);
    }

    /** The marriages of a household: husband and wife, and the head's parents. */
    private void couples(List<Row> members) {
        Row husband = null;
        Row wife = null;
        Row father = null;
        Row mother = null;
        for (Row r : members) {
            if (r.marital() != MaritalStatus.MARRIED) {
                continue;
            }
            if (r.relation() == Relation.PARENT) {
                if (r.male()) {
                    father = r;
                } else {
                    mother = r;
                }
            } else if (r.male()) {
                husband = r;
            } else {
                wife = r;
            }
        }
        if (husband != null && wife != null) {
            marry(husband, wife);
        }
        if (father != null && mother != null) {
            marry(father, mother);
        }
    }

    /** Registered when the younger spouse was 22 (the sample's couples all married then, before their children). */
    private void marry(Row husband, Row wife) {
        LocalDate younger = husband.born().isAfter(wife.born()) ? husband.born() : wife.born();
        LocalDate on = younger.plusYears(22).withMonth(10).withDayOfMonth(1);
        if (on.isBefore(younger.plusYears(22))) {
            on = on.plusYears(1); // born after October: the next October
        }
        if (on.isAfter(today)) {
            on = today.minusMonths(2);
        }
        MarriageDTO m = new MarriageDTO();
        m.partyAId = ids.get(husband.key());
        m.partyBId = ids.get(wife.key());
        m.marriageDate = on;
        String residence = husband.residence();
        m.authority = residence.startsWith("44") ? "顺德区民政局婚姻登记处（示例）"
                : residence.startsWith("53") ? "五华区民政局婚姻登记处（示例）" : "道里区民政局婚姻登记处（示例）";
        m.certificateNumber = "示例J" + on.getYear() + "-" + String.format("%04d", m.partyAId);
        s.marriages().register(SYSTEM, m);
        marriages++;
    }

    /** The hand-written families' births, certificates and two applications. */
    private void families(boolean provinceReady) {
        // 李建国 and 黄秀英, rural, aged 60+ with one child: eligible for reward support; he has applied
        birth("黄秀英", "李建国", "李志强", LocalDate.of(1989, 3, 1));
        birth("陈静", "李志强", "李梓涵", null);
        birth("张丽", "王海涛", "王一鸣", null);
        birth("张丽", "王海涛", "王一诺", null);
        birth("赵雪", "陈明", "陈子轩", null);
        birth("谢婷", "曾凡", "曾宇", null);
        birth("普春梅", "段云龙", "段思雨", null);
        // 王德福 and 于淑珍, rural in Heilongjiang, two daughters: eligible there too (no application yet)
        birth("于淑珍", "王德福", "王丽娜", LocalDate.of(1984, 9, 1));
        birth("于淑珍", "王德福", "王丽华", LocalDate.of(1987, 11, 2));
        birth("孙晓燕", "赵春生", "赵天宇", null);
        if (!provinceReady) {
            return;
        }
        certificate(GLORY, LocalDate.of(1990, 6, 1), "李建国", "黄秀英");
        certificate(BIRTH_VOUCHER, today.minusMonths(7), "陈静", "李志强");
        certificate(BIRTH_VOUCHER, today.minusMonths(13), "赵雪", "陈明");
        certificate(BIRTH_VOUCHER, today.minusMonths(26), "谢婷", "曾凡");

        BenefitApplicationDTO reward = new BenefitApplicationDTO();
        reward.schemeId = REWARD;
        reward.applicantId = ids.get("李建国");
        s.benefits().submit(SYSTEM, reward);
        applications++;
        BenefitApplicationDTO childcare = new BenefitApplicationDTO();
        childcare.schemeId = CHILDCARE;
        childcare.applicantId = ids.get("陈静");
        childcare = s.benefits().submit(SYSTEM, childcare);
        applications++;
        DecisionDTO passed = new DecisionDTO();
        passed.decision = StepDecision.PASSED;
        passed.reason = "社区初审通过（示例）";
        passed.version = childcare.version;
        s.benefits().decide(COMMUNITY, childcare.id, passed);
    }

    /** A birth registration of a child who is a resident, registered a month after the birth (or on {@code on}). */
    private void birth(String mother, String father, String child, LocalDate on) {
        BirthDTO b = new BirthDTO();
        b.motherId = ids.get(mother);
        b.fatherId = ids.get(father);
        b.childId = ids.get(child);
        if (on != null) {
            b.registeredOn = on;
        } else {
            LocalDate born = people.get(child).born();
            b.registeredOn = born.plusMonths(1).isAfter(today) ? today : born.plusMonths(1);
        }
        s.births().register(SYSTEM, b);
        births++;
    }

    private void certificate(String type, LocalDate issuedOn, String... holders) {
        CertificateDTO c = new CertificateDTO();
        c.type = type;
        c.issuedOn = issuedOn;
        c.note = "示例证件";
        for (String h : holders) {
            c.holderIds.add(ids.get(h));
        }
        s.certificates().issue(SYSTEM, c); // numbered by the province's own serial
        certificates++;
    }

    /**
     * The generated households' registrations: a birth for each child under {@link #BIRTHS_UNDER} of a couple of
     * the household; with the Guangdong module, a 生育登记凭证 for each child under 3 and a childcare-subsidy
     * application (育儿补贴) for the first {@link #STEPS} of them, each left at another step: at the community, at the
     * street, at the county, approved, paid, rejected. The steps are taken on past days (a day apart), as the
     * offices would have.
     */
    private void generatedFamilies(boolean provinceReady) {
        Map<String, List<Row>> byHousehold = new LinkedHashMap<>();
        people.values().stream().filter(r -> !r.key().equals(r.name()))
                .forEach(r -> byHousehold.computeIfAbsent(r.household(), k -> new ArrayList<>()).add(r));
        int applied = 0;
        Set<String> applicants = new HashSet<>();
        for (List<Row> members : byHousehold.values()) {
            Row father = null;
            Row mother = null;
            for (Row r : members) {
                if (r.marital() == MaritalStatus.MARRIED && r.relation() != Relation.PARENT) {
                    if (r.male()) {
                        father = r;
                    } else {
                        mother = r;
                    }
                }
            }
            if (father == null || mother == null) {
                continue;
            }
            for (Row child : members) {
                if (child.relation() != Relation.CHILD || !child.born().isAfter(today.minusYears(BIRTHS_UNDER))) {
                    continue;
                }
                birth(mother.key(), father.key(), child.key(), null);
                boolean underThree = child.born().isAfter(today.minusYears(3));
                if (provinceReady && underThree) {
                    LocalDate registered = child.born().plusMonths(1).isAfter(today) ? today : child.born().plusMonths(1);
                    certificate(BIRTH_VOUCHER, registered, mother.key(), father.key());
                    if (applied < STEPS.length && child.born().isBefore(today.minusDays(60))
                            && applicants.add(mother.key())) { // one application a family
                        childcare(mother.key(), STEPS[applied++]);
                    }
                }
            }
        }
    }

    /** The steps the generated applications are left at (the number of steps passed; -1 rejected at the first). */
    private static final int[] STEPS = {0, 1, 2, 3, 4, -1};
    /** Births are registered for the generated children under this age (years). */
    private static final int BIRTHS_UNDER = 10;
    private static final Caller STREET = new Caller("system", Set.of(Role.FAMILY_SERVICES), Set.of("440606901"));
    private static final Caller COUNTY = new Caller("system", Set.of(Role.FAMILY_SERVICES), Set.of("440606"));

    /** A childcare-subsidy application submitted 40 days ago and taken {@code passed} steps on (a day apart). */
    private void childcare(String applicant, int passed) {
        BenefitApplicationDTO a = new BenefitApplicationDTO();
        a.schemeId = CHILDCARE;
        a.applicantId = ids.get(applicant);
        a = s.benefitsAt().apply(daysAgo(40)).submit(SYSTEM, a);
        applications++;
        if (passed < 0) {
            decide(a, COMMUNITY, StepDecision.REJECTED, "材料不全，请补充出生医学证明后重新申请（示例）", 39);
            return;
        }
        Caller[] offices = {COMMUNITY, STREET, COUNTY};
        String[] reasons = {"社区初审通过（示例）", "街道审核通过（示例）", "区审批通过（示例）"};
        for (int step = 0; step < Math.min(passed, offices.length); step++) {
            a = decide(a, offices[step], StepDecision.PASSED, reasons[step], 39 - 10 * step);
        }
        if (passed > offices.length) {
            decide(a, COUNTY, StepDecision.PAID, "已发放（示例）", 5);
        }
    }

    private BenefitApplicationDTO decide(BenefitApplicationDTO a, Caller office, StepDecision decision, String reason,
            int daysAgo) {
        DecisionDTO d = new DecisionDTO();
        d.decision = decision;
        d.reason = reason;
        d.version = a.version;
        return s.benefitsAt().apply(daysAgo(daysAgo)).decide(office, a.id, d);
    }

    /** Six migrants (four present, two departed) and three messages: one overdue, one open, one answered. */
    private void migrantsAndMessages() {
        MigrantDTO pu = migrant("普建华", LocalDate.of(1988, 2, 2), true, "530102901001", "440606901002", 40,
                MigrantCertificate.MARRIAGE_BIRTH_CERTIFICATE);
        migrant("普玉兰", LocalDate.of(1990, 6, 18), false, "530102901001", "440606901002", 40, null);
        MigrantDTO wang = migrant("王海燕", LocalDate.of(1994, 3, 8), false, "230102901001", "440606901001", 270,
                MigrantCertificate.MARRIAGE_BIRTH_CERTIFICATE);
        migrant("罗小勇", LocalDate.of(2000, 5, 20), true, "520422", "440606901002", 15, null);
        MigrantDTO deng = migrant("邓建军", LocalDate.of(1979, 12, 12), true, "431021", "440606901001", 300, null);
        MigrantDTO zhou = migrant("周婷", LocalDate.of(1997, 1, 17), false, "360731", "440606901001", 200,
                MigrantCertificate.OTHER);
        depart(deng, 30, "440300", null);
        depart(zhou, 5, null, "返乡（示例）");
        MigrantNoteDTO note = new MigrantNoteDTO();
        note.text = "户籍地已核实其婚育情况，证明有效。（示例）";
        s.migrants().addNote(SYSTEM, wang.id, note);

        // sent 40 days ago, urgent (15 days): overdue, waiting for Yunnan's answer
        ExchangeMessageDTO query = message(MessageKind.QUERY, Urgency.URGENT, "440606901002", "530102901001", pu.id,
                "核实普建华婚育情况（示例）", "请协助核实该流动人口的婚育情况及子女数，以便办理相关服务。");
        s.exchangeAt().apply(daysAgo(40)).send(SYSTEM, query);
        // sent a week ago, normal: open
        ExchangeMessageDTO notice = message(MessageKind.NOTIFICATION, Urgency.NORMAL, "440606901001", "230102901001",
                wang.id, "王海燕已在本社区登记居住（示例）", "该人员已在本社区办理流动人口登记，特此通报。");
        s.exchangeAt().apply(daysAgo(7)).send(SYSTEM, notice);
        // from Heilongjiang twelve days ago, answered by the community three days later
        ExchangeMessageDTO ask = message(MessageKind.ASSISTANCE_REQUEST, Urgency.NORMAL, "230102901001",
                "440606901001", wang.id, "请协助送达奖励扶助告知书（示例）", "请协助通知王海燕其父母的奖励扶助资格确认事项。");
        ExchangeMessageDTO sent = s.exchangeAt().apply(daysAgo(12)).send(SYSTEM, ask);
        ExchangeReplyDTO reply = new ExchangeReplyDTO();
        reply.text = "已电话通知本人，她将于下月回乡办理。（示例）";
        reply.version = sent.version;
        s.exchangeAt().apply(daysAgo(9)).reply(SYSTEM, sent.id, reply);
    }

    private MigrantDTO migrant(String name, LocalDate born, boolean male, String registration, String residence,
            int arrivedDaysAgo, MigrantCertificate seen) {
        MigrantDTO m = new MigrantDTO();
        m.name = name;
        m.idNumber = idNumber(registration, born, male);
        m.registrationCode = registration;
        m.residenceCode = residence;
        m.arrivalDate = today.minusDays(arrivedDaysAgo);
        if (seen != null) {
            CertificateSeenDTO c = new CertificateSeenDTO();
            c.type = seen;
            c.number = "示例Z" + String.format("%05d", 10000 + ids.size());
            c.seenOn = m.arrivalDate.plusDays(3);
            m.certificates.add(c);
        }
        MigrantDTO out = s.migrants().register(SYSTEM, m);
        ids.put(name, out.residentId);
        return out;
    }

    private void depart(MigrantDTO m, int daysAgo, String destination, String note) {
        DepartureDTO d = new DepartureDTO();
        d.departureDate = today.minusDays(daysAgo);
        d.destinationCode = destination;
        d.destinationNote = note;
        d.version = s.migrants().find(SYSTEM, m.id).orElseThrow().version;
        s.migrants().depart(SYSTEM, m.id, d);
    }

    private static ExchangeMessageDTO message(MessageKind kind, Urgency urgency, String from, String to, Long migrant,
            String subject, String body) {
        ExchangeMessageDTO m = new ExchangeMessageDTO();
        m.kind = kind;
        m.urgency = urgency;
        m.senderCode = from;
        m.receiverCode = to;
        m.migrantId = migrant;
        m.subject = subject;
        m.body = body;
        return m;
    }

    private static Clock daysAgo(int days) {
        return Clock.offset(ChinaTime.clock(), Duration.ofDays(-days));
    }
}
