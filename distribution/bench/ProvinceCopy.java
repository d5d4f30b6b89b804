import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.renkou.core.api.resident.NameOrder;

/**
 * Benchmark data for distribution/bench/big-pg.sh: a province-sized spread of N residents as PostgreSQL COPY text
 * (tab-separated, \N for NULL) on standard output, for a bare {@code COPY ... FROM STDIN} into a schema Renkou made.
 * 20 counties of 4 prefectures of 广东省 (real GB/T 2260 codes), 10 generated streets of 25 communities each
 * (5,000 communities, ~2,000 residents each at 10 million), households of 1–5 (2.875 on average: head, spouse,
 * children, a parent), valid GB 11643 ID numbers with the registration county's code, pinyin name keys as the core
 * writes them ({@link NameOrder#key}), the mix of ui.sh's GenerateResidents (one in twenty MIGRANT registered in
 * 云南, one in ten registered in another community of the county, marital status by age). Deterministic: the three
 * modes walk the same households.
 *   java -cp org.renkou.core.api.jar ProvinceCopy.java jurisdictions|households|residents N [id-sample-file]
 * residents writes every 100th ID number to id-sample-file (the lookup's sample).
 */
public class ProvinceCopy {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红梅";
    private static final int[] SIZES = {3, 2, 4, 1, 3, 5, 2, 3};
    static final String[][] CITIES = {
        {"440100", "广州市", "440103", "荔湾区", "440104", "越秀区", "440105", "海珠区", "440106", "天河区", "440111", "白云区"},
        {"440300", "深圳市", "440303", "罗湖区", "440304", "福田区", "440305", "南山区", "440306", "宝安区", "440307", "龙岗区"},
        {"440600", "佛山市", "440604", "禅城区", "440605", "南海区", "440606", "顺德区", "440607", "三水区", "440608", "高明区"},
        {"440500", "汕头市", "440507", "龙湖区", "440511", "金平区", "440512", "濠江区", "440513", "潮阳区", "440514", "潮南区"},
    };
    static final int STREETS = 10;
    static final int COMMUNITIES = 25;
    private static final String NOW = "2026-12-01 00:00:00";

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        long n = Long.parseLong(args[1]);
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOut(), 1 << 20), false, StandardCharsets.UTF_8);
        List<String> communities = new ArrayList<>();
        StringBuilder tree = new StringBuilder();
        for (String[] city : CITIES) {
            // 广东省 and 佛山市/顺德区 come with the sample tree (RENKOU_SAMPLE_DATA=jurisdictions)
            if (!city[0].equals("440600")) {
                row(tree, city[0], city[1], "CITY", "440000");
            }
            for (int c = 2; c < city.length; c += 2) {
                if (!city[c].equals("440606")) {
                    row(tree, city[c], city[c + 1], "COUNTY", city[0]);
                }
                for (int s = 0; s < STREETS; s++) {
                    String street = city[c] + (101 + s);
                    row(tree, street, "压测街道" + (s + 1) + "（示例）", "STREET", city[c]);
                    for (int k = 0; k < COMMUNITIES; k++) {
                        String community = street + String.format("%03d", k + 1);
                        row(tree, community, "压测社区" + (s + 1) + "-" + (k + 1) + "（示例）", "COMMUNITY", street);
                        communities.add(community);
                    }
                }
            }
        }
        if (mode.equals("jurisdictions")) {
            out.print(tree);
            out.close();
            return;
        }
        PrintStream ids = args.length > 2 ? new PrintStream(Files.newOutputStream(Path.of(args[2])), false,
                StandardCharsets.UTF_8) : null;
        boolean households = mode.equals("households");
        int perCounty = STREETS * COMMUNITIES;
        Random random = new Random(42);
        Map<String, String> keys = new HashMap<>();
        Map<String, int[]> serials = new HashMap<>();
        String[] marital = {"UNMARRIED", "MARRIED", "MARRIED", "MARRIED", "MARRIED", "DIVORCED", "WIDOWED", null};
        LocalDate first = LocalDate.of(1940, 1, 1);
        LocalDate adult = LocalDate.of(2004, 1, 1);
        int days = 29_000;
        StringBuilder b = new StringBuilder(256);
        long id = 0;
        for (long h = 0; id < n; h++) {
            int size = (int) Math.min(SIZES[(int) (h % SIZES.length)], n - id);
            int ci = (int) (h % communities.size());
            String community = communities.get(ci);
            if (households) {
                b.setLength(0);
                b.append(h + 1).append('\t').append("HH").append(community).append(String.format("%07d", h + 1))
                        .append('\t').append(community).append("\t\\N\t1\t").append(NOW).append('\t').append(NOW).append('\n');
                out.append(b);
                id += size;
                continue;
            }
            char surname = SURNAMES.charAt(random.nextInt(SURNAMES.length()));
            for (int m = 0; m < size; m++) {
                id++;
                int kind = random.nextInt(20);
                String status = kind < 17 ? "REGISTERED" : kind < 19 ? "RESIDENT" : "MIGRANT";
                String registration = status.equals("MIGRANT") ? "53010" + random.nextInt(3)
                        : random.nextInt(10) == 0 ? communities.get(ci / perCounty * perCounty + random.nextInt(perCounty))
                        : community;
                String prefix = status.equals("MIGRANT") ? "530102" : registration.substring(0, 6);
                int j = serials.computeIfAbsent(prefix, x -> new int[1])[0]++;
                LocalDate birth = first.plusDays(j % days);
                int seq = 500 + j / days;
                String first17 = prefix + birth.toString().replace("-", "") + String.format("%03d", seq);
                String idNumber = first17 + checkChar(first17);
                String name = "" + surname + GIVEN.charAt(random.nextInt(GIVEN.length()))
                        + GIVEN.charAt(random.nextInt(GIVEN.length()));
                String mar = birth.isAfter(adult) ? "UNMARRIED" : marital[random.nextInt(marital.length)];
                String relation = m == 0 ? "HEAD" : m == 1 ? "SPOUSE" : m == 4 ? "PARENT" : "CHILD";
                b.setLength(0);
                // ID, ID_NUMBER, NAME, SEX, BIRTH_DATE, RESIDENCE_CODE, REGISTRATION_CODE, STATUS, MARITAL_STATUS,
                // HOUSEHOLD_ID, RELATION, VERSION, CREATED_AT, UPDATED_AT, NAME_KEY
                b.append(id).append('\t').append(idNumber).append('\t').append(name).append('\t')
                        .append(seq % 2 == 1 ? "MALE" : "FEMALE").append('\t').append(birth).append('\t')
                        .append(community).append('\t').append(registration).append('\t').append(status).append('\t')
                        .append(mar == null ? "\\N" : mar).append('\t').append(h + 1).append('\t').append(relation)
                        .append("\t1\t").append(NOW).append('\t').append(NOW).append('\t')
                        .append(keys.computeIfAbsent(name, NameOrder::key)).append('\n');
                out.append(b);
                if (ids != null && id % 100 == 0) {
                    ids.println(idNumber);
                }
            }
        }
        out.close();
        if (ids != null) {
            ids.close();
        }
    }

    private static void row(StringBuilder tree, String code, String name, String level, String parent) {
        tree.append(code).append('\t').append(name).append('\t').append(level).append('\t').append(parent)
                .append("\t1\t").append(NOW).append('\n');
    }

    static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** Standard output without System.out's line flushing. */
    private static final class FileOut extends OutputStream {
        private final java.io.FileOutputStream fd = new java.io.FileOutputStream(java.io.FileDescriptor.out);

        @Override
        public void write(int b) throws IOException {
            fd.write(b);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            fd.write(bytes, off, len);
        }

        @Override
        public void close() throws IOException {
            fd.close();
        }
    }
}
