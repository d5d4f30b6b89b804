import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.renkou.core.api.resident.NameOrder;

/**
 * Benchmark data for distribution/bench/ui.sh: fills a stopped Renkou's Derby database with N residents spread over
 * 300 generated sample communities (10 streets × 30 communities under 顺德区 440606, about a county), with valid
 * GB 11643 ID numbers and their pinyin name keys (V19, {@link NameOrder#key}); then what the office pages of issue 17
 * show: a migrant registration (流动人口登记) for every resident of status MIGRANT (one in twenty: ~50,000 for a
 * million; a fifth departed, arrivals over the last three years, some this month) and 900 information-exchange
 * messages (信息交换) between the communities over the last 13 months, a tenth of them to and a tenth from the
 * benchmark officer's community 440606101001, about a quarter unanswered (most of those overdue: the core's
 * overdue check escalates them after the start). Run with Derby and the core API on the class path while Renkou
 * is stopped:
 *   java -cp derby.jar:org.renkou.core.api.jar GenerateResidents.java $RENKOU_HOME/data/renkou 1000000
 */
public class GenerateResidents {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红梅";

    public static void main(String[] args) throws Exception {
        String db = args[0];
        int n = Integer.parseInt(args[1]);
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + db)) {
            c.setAutoCommit(false);
            String[] communities = new String[300];
            try (PreparedStatement j = c.prepareStatement("INSERT INTO JURISDICTION (CODE, NAME, LEVEL_NAME, PARENT_CODE,"
                    + " VERSION, CREATED_AT) VALUES (?, ?, ?, ?, 1, ?)")) {
                for (int s = 0; s < 10; s++) {
                    String street = "440606" + (101 + s);
                    insert(j, street, "压测街道" + (s + 1) + "（示例）", "STREET", "440606", now);
                    for (int k = 0; k < 30; k++) {
                        String community = street + String.format("%03d", k + 1);
                        insert(j, community, "压测社区" + (s + 1) + "-" + (k + 1) + "（示例）", "COMMUNITY", street, now);
                        communities[s * 30 + k] = community;
                    }
                }
            }
            c.commit();
            Random random = new Random(42);
            LocalDate first = LocalDate.of(1940, 1, 1);
            int days = 29_000;
            try (PreparedStatement r = c.prepareStatement("INSERT INTO RESIDENT (ID_NUMBER, NAME, SEX, BIRTH_DATE,"
                    + " RESIDENCE_CODE, REGISTRATION_CODE, STATUS, MARITAL_STATUS, VERSION, CREATED_AT, UPDATED_AT,"
                    + " NAME_KEY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)")) {
                // a mix like a real county's (statuses, marital statuses by age, one in ten registered elsewhere),
                // so that the statistics snapshot has as many cells as real data would give it
                String[] marital = {"UNMARRIED", "MARRIED", "MARRIED", "MARRIED", "MARRIED", "DIVORCED", "WIDOWED", null};
                for (int i = 0; i < n; i++) {
                    LocalDate birth = first.plusDays(i % days);
                    int seq = 500 + i / days; // 500-534: clear of the numbers the tests use
                    String first17 = "440606" + birth.toString().replace("-", "") + String.format("%03d", seq);
                    String community = communities[i % communities.length];
                    r.setString(1, first17 + checkChar(first17));
                    String name = "" + SURNAMES.charAt(random.nextInt(SURNAMES.length()))
                            + GIVEN.charAt(random.nextInt(GIVEN.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()));
                    r.setString(2, name);
                    r.setString(11, NameOrder.key(name)); // as the core writes it: no fill after the start
                    r.setString(3, seq % 2 == 1 ? "MALE" : "FEMALE");
                    r.setDate(4, Date.valueOf(birth));
                    r.setString(5, community);
                    int kind = random.nextInt(20);
                    String status = kind < 17 ? "REGISTERED" : kind < 19 ? "RESIDENT" : "MIGRANT";
                    r.setString(6, status.equals("MIGRANT") ? "53010" + random.nextInt(3)
                            : random.nextInt(10) == 0 ? communities[random.nextInt(communities.length)] : community);
                    r.setString(7, status);
                    r.setString(8, birth.isAfter(LocalDate.of(2004, 1, 1)) ? "UNMARRIED"
                            : marital[random.nextInt(marital.length)]);
                    r.setTimestamp(9, now);
                    r.setTimestamp(10, now);
                    r.addBatch();
                    if (i % 5000 == 4999) {
                        r.executeBatch();
                        c.commit();
                    }
                    if (i % 100_000 == 99_999) {
                        System.out.println((i + 1) + " residents");
                    }
                }
                r.executeBatch();
                c.commit();
            }
            migrants(c, random, now);
            messages(c, random, communities);
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (java.sql.SQLException expected) {
            // Derby answers a clean shutdown with an exception
        }
    }

    /** A registration for every resident of status MIGRANT, with a certificate seen for half of them. */
    private static void migrants(Connection c, Random random, Timestamp now) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<Object[]> people = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ID, RESIDENCE_CODE, REGISTRATION_CODE FROM RESIDENT"
                        + " WHERE STATUS = 'MIGRANT' ORDER BY ID")) {
            while (rs.next()) {
                people.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
            }
        }
        try (PreparedStatement m = c.prepareStatement("INSERT INTO MIGRANT (RESIDENT_ID, REGISTRATION_CODE,"
                + " RESIDENCE_CODE, RESPONSIBLE_CODE, ARRIVAL_DATE, STATUS, DEPARTURE_DATE, DESTINATION_CODE, VERSION,"
                + " CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                PreparedStatement cert = c.prepareStatement("INSERT INTO MIGRANT_CERTIFICATE (MIGRANT_ID, CERT_TYPE,"
                        + " CERT_NUMBER, SEEN_ON) VALUES (?, 'MARRIAGE_BIRTH_CERTIFICATE', ?, ?)")) {
            int i = 0;
            for (Object[] p : people) {
                // one in 30 arrived this month, the others over the last three years
                LocalDate arrival = random.nextInt(30) == 0 ? today.withDayOfMonth(1).plusDays(random.nextInt(today.getDayOfMonth()))
                        : today.minusDays(random.nextInt(1095));
                boolean departed = random.nextInt(5) == 0 && arrival.isBefore(today);
                m.setLong(1, (Long) p[0]);
                m.setString(2, (String) p[2]);
                m.setString(3, (String) p[1]);
                m.setString(4, (String) p[1]);
                m.setDate(5, Date.valueOf(arrival));
                m.setString(6, departed ? "DEPARTED" : "PRESENT");
                m.setDate(7, departed ? Date.valueOf(arrival.plusDays(1 + random.nextInt((int) (today.toEpochDay() - arrival.toEpochDay()))))
                        : null);
                m.setString(8, departed ? (String) p[2] : null);
                m.setTimestamp(9, now);
                m.setTimestamp(10, now);
                m.executeUpdate();
                if (i % 2 == 0) {
                    try (ResultSet k = m.getGeneratedKeys()) {
                        k.next();
                        cert.setLong(1, k.getLong(1));
                    }
                    cert.setString(2, "YN-" + (100000 + i));
                    cert.setDate(3, Date.valueOf(arrival));
                    cert.executeUpdate();
                }
                if (++i % 5000 == 0) {
                    c.commit();
                }
            }
            c.commit();
            System.out.println(people.size() + " migrant registrations");
        }
    }

    /** Exchange messages between the communities; the benchmark officer's community sends and receives a tenth each. */
    private static void messages(Connection c, Random random, String[] communities) throws Exception {
        java.time.Instant now = java.time.Instant.now();
        String[] kinds = {"QUERY", "NOTIFICATION", "ASSISTANCE_REQUEST"};
        try (PreparedStatement m = c.prepareStatement("INSERT INTO EXCHANGE_MESSAGE (KIND, URGENCY, SENDER_CODE,"
                + " RECEIVER_CODE, SUBJECT, BODY, SENT_BY, SENT_AT, DUE_DATE, REPLY_TEXT, NOT_FOUND, REPLIED_BY, REPLIED_AT,"
                + " VERSION) VALUES (?, ?, ?, ?, ?, ?, 'admin', ?, ?, ?, 0, ?, ?, 1)")) {
            for (int i = 0; i < 900; i++) {
                String sender = i % 10 == 0 ? communities[0] : communities[1 + random.nextInt(communities.length - 1)];
                String receiver = i % 10 == 1 ? communities[0] : communities[1 + random.nextInt(communities.length - 1)];
                if (receiver.equals(sender)) {
                    receiver = communities[(java.util.Arrays.asList(communities).indexOf(sender) + 1) % communities.length];
                }
                java.time.Instant sent = now.minusSeconds(60L * random.nextInt(395 * 24 * 60));
                boolean urgent = random.nextInt(5) == 0;
                LocalDate due = sent.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().plusDays(urgent ? 3 : 15);
                // recent messages are open more often; an open one past its due date is overdue
                boolean replied = random.nextInt(4) != 0 && sent.isBefore(now.minusSeconds(86_400));
                java.time.Instant repliedAt = replied ? sent.plusSeconds(3600L * (1 + random.nextInt(24 * 20))) : null;
                if (repliedAt != null && repliedAt.isAfter(now)) {
                    repliedAt = now;
                }
                m.setString(1, kinds[i % 3]);
                m.setString(2, urgent ? "URGENT" : "NORMAL");
                m.setString(3, sender);
                m.setString(4, receiver);
                m.setString(5, "压测协查 " + (i + 1) + "（示例）");
                m.setString(6, "请核实该流动人口的婚育情况。");
                m.setTimestamp(7, Timestamp.valueOf(java.time.LocalDateTime.ofInstant(sent, java.time.ZoneOffset.UTC)));
                m.setDate(8, Date.valueOf(due));
                m.setString(9, replied ? "已核实。" : null);
                m.setString(10, replied ? "admin" : null);
                m.setTimestamp(11, replied ? Timestamp.valueOf(java.time.LocalDateTime.ofInstant(repliedAt,
                        java.time.ZoneOffset.UTC)) : null);
                m.executeUpdate();
            }
            c.commit();
            System.out.println("900 exchange messages");
        }
    }

    private static void insert(PreparedStatement j, String code, String name, String level, String parent,
            Timestamp now) throws Exception {
        j.setString(1, code);
        j.setString(2, name);
        j.setString(3, level);
        j.setString(4, parent);
        j.setTimestamp(5, now);
        j.executeUpdate();
    }

    static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }
}
