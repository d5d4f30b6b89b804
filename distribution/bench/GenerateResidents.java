import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Random;

/**
 * Benchmark data for distribution/bench/ui.sh: fills a stopped Renkou's Derby database with N residents spread over
 * 300 generated sample communities (10 streets × 30 communities under 顺德区 440606, about a county), with valid
 * GB 11643 ID numbers. Run with Derby on the class path while Renkou is stopped:
 *   java -cp derby.jar GenerateResidents.java $RENKOU_HOME/data/renkou 1000000
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
                    + " RESIDENCE_CODE, REGISTRATION_CODE, STATUS, MARITAL_STATUS, VERSION, CREATED_AT, UPDATED_AT)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")) {
                // a mix like a real county's (statuses, marital statuses by age, one in ten registered elsewhere),
                // so that the statistics snapshot has as many cells as real data would give it
                String[] marital = {"UNMARRIED", "MARRIED", "MARRIED", "MARRIED", "MARRIED", "DIVORCED", "WIDOWED", null};
                for (int i = 0; i < n; i++) {
                    LocalDate birth = first.plusDays(i % days);
                    int seq = 500 + i / days; // 500-534: clear of the numbers the tests use
                    String first17 = "440606" + birth.toString().replace("-", "") + String.format("%03d", seq);
                    String community = communities[i % communities.length];
                    r.setString(1, first17 + checkChar(first17));
                    r.setString(2, "" + SURNAMES.charAt(random.nextInt(SURNAMES.length()))
                            + GIVEN.charAt(random.nextInt(GIVEN.length())) + GIVEN.charAt(random.nextInt(GIVEN.length())));
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
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (java.sql.SQLException expected) {
            // Derby answers a clean shutdown with an exception
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
