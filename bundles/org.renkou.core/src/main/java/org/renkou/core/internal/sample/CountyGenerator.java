package org.renkou.core.internal.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.renkou.core.api.CitizenId;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.imports.ImportService;
import org.renkou.core.api.jurisdiction.JurisdictionDTO;

/**
 * Makes a synthetic county (示例县) for demonstrations, tests and benchmarks: streets, communities and resident
 * groups under a real county code, every name marked 示例, and residents in households of one to six with one
 * head, each with a valid GB 11643 ID number (correct check character, a birth date that fits their place in the
 * family, unique). Names are random pairs of common surnames and given-name characters: no real person's data.
 * The same county, size and seed always give the same data, so generating again imports nothing twice.
 *
 * <p>Used by the Gogo command {@code renkou:generate} and, as a plain Java main, by the benchmark scripts:
 * {@code java -cp org.renkou.core.jar:org.renkou.core.api.jar org.renkou.core.internal.sample.CountyGenerator
 * <countyCode> <residents> <outputFolder>} writes {@code jurisdictions.tsv}, {@code residents.csv} and
 * {@code id-numbers.txt}.
 */
public final class CountyGenerator {
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉宇浩凯健俊帆帅旭宁欣怡佳琪梦雪晨阳子轩涵睿博文思雨诗嘉瑞梓豪然";
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    private final String county;
    private final int residents;
    private final Random random;
    private final Map<LocalDate, int[]> sequences = new HashMap<>();
    private final List<JurisdictionDTO> places = new ArrayList<>();
    private final List<String> homes = new ArrayList<>();

    /** One generated person, as a row of the import file. */
    public record Person(String idNumber, String name, String residenceCode, String registrationCode, String status,
            String maritalStatus, String phone, String address, String householdNumber, String relation) {
        String csv() {
            return String.join(",", idNumber, name, residenceCode, registrationCode, status, maritalStatus, phone,
                    address, householdNumber, relation);
        }
    }

    public CountyGenerator(String countyCode, int residents, long seed) {
        if (JurisdictionLevel.ofCode(countyCode) != JurisdictionLevel.COUNTY) {
            throw new IllegalArgumentException("not a county code: " + countyCode);
        }
        this.county = countyCode;
        this.residents = residents;
        this.random = new Random(seed ^ Long.parseLong(countyCode) ^ residents);
        int communities = Math.max(1, Math.min(200, residents / 2000));
        int streets = Math.max(1, Math.min(20, communities / 10));
        for (int s = 1; s <= streets; s++) {
            String street = county + String.format("%03d", 100 + s);
            places.add(place(street, JurisdictionLevel.STREET, county, "示例第" + s + "街道"));
            for (int c = 1; c <= Math.max(1, communities / streets); c++) {
                String community = street + String.format("%03d", c);
                places.add(place(community, JurisdictionLevel.COMMUNITY, street, "示例" + s + "-" + c + "社区"));
                homes.add(community);
                for (int g = 1; g <= 3; g++) {
                    String group = community + String.format("%03d", g);
                    places.add(place(group, JurisdictionLevel.GROUP, community, "示例第" + g + "居民小组"));
                    homes.add(group);
                }
            }
        }
    }

    /** Streets, communities and groups, parents first. */
    public List<JurisdictionDTO> jurisdictions() {
        return places;
    }

    /** Writes the header and every resident to {@code out}; returns how many. */
    public int writeResidents(Writer out, java.util.function.Consumer<String> idNumbers) throws IOException {
        out.write(ImportService.REQUIRED_COLUMNS + "," + ImportService.HOUSEHOLD_COLUMNS + "\n");
        int written = 0;
        int household = 0;
        while (written < residents) {
            household++;
            List<Person> members = household(household, Math.min(size(), residents - written));
            for (Person p : members) {
                out.write(p.csv());
                out.write('\n');
                idNumbers.accept(p.idNumber());
            }
            written += members.size();
        }
        return written;
    }

    private int size() {
        int r = random.nextInt(100); // household sizes roughly as in the 2020 census: mostly 2-3
        return r < 25 ? 1 : r < 55 ? 2 : r < 78 ? 3 : r < 91 ? 4 : r < 97 ? 5 : 6;
    }

    private List<Person> household(int n, int size) {
        String home = homes.get(random.nextInt(homes.size()));
        String number = county + "-" + String.format("%07d", n);
        String address = "示例路" + (1 + random.nextInt(300)) + "号" + (1 + random.nextInt(30)) + "栋";
        boolean migrant = random.nextInt(10) == 0;
        String registration = migrant ? "530102" : home;
        String status = migrant ? "MIGRANT" : "REGISTERED";
        String surname = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        List<Person> out = new ArrayList<>();
        int headAge = 22 + random.nextInt(60);
        boolean headMale = random.nextInt(100) < 70;
        boolean married = size > 1 && random.nextInt(10) < 8;
        out.add(person(surname, headAge, headMale, home, registration, status,
                married ? "MARRIED" : headAge < 30 ? "UNMARRIED" : pick("UNMARRIED", "DIVORCED", "WIDOWED"),
                address, number, "HEAD"));
        if (married) {
            out.add(person(null, Math.max(20, headAge + random.nextInt(7) - 3), !headMale, home, registration, status,
                    "MARRIED", address, number, "SPOUSE"));
        }
        while (out.size() < size) {
            boolean parent = headAge < 50 && random.nextInt(6) == 0;
            int age = parent ? headAge + 22 + random.nextInt(10) : Math.max(0, headAge - 20 - random.nextInt(15));
            out.add(person(parent ? null : surname, age, random.nextBoolean(), home, registration, status,
                    parent ? "MARRIED" : age < 22 ? "UNMARRIED" : pick("UNMARRIED", "MARRIED"), address, number,
                    parent ? "PARENT" : "CHILD"));
        }
        return out;
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    private Person person(String surname, int age, boolean male, String home, String registration, String status,
            String marital, String address, String household, String relation) {
        String family = surname != null ? surname : String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        StringBuilder name = new StringBuilder(family);
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        String phone = age < 14 ? "" : "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
        return new Person(idNumber(age, male), name.toString(), home, registration, status, marital, phone, address,
                household, relation);
    }

    /** A valid, unused number: address code = the county, a birth date {@code age} years ago, odd sequence for men. */
    private String idNumber(int age, boolean male) {
        while (true) {
            LocalDate birth = TODAY.minusYears(Math.min(age, 100)).minusDays(1 + random.nextInt(364));
            int[] next = sequences.computeIfAbsent(birth, d -> new int[2]);
            int k = male ? 1 : 0;
            if (next[k] >= 500) {
                age = Math.max(0, age + random.nextInt(3) - 1);
                continue; // every sequence of that day and sex used: another day
            }
            int sequence = next[k]++ * 2 + k;
            String first17 = county + birth.toString().replace("-", "") + String.format("%03d", sequence);
            return first17 + CitizenId.checkChar(first17);
        }
    }

    private static JurisdictionDTO place(String code, JurisdictionLevel level, String parent, String name) {
        JurisdictionDTO d = new JurisdictionDTO();
        d.code = code;
        d.level = level;
        d.parentCode = parent;
        d.name = name;
        return d;
    }

    /** {@code <countyCode> <residents> <outputFolder> [seed]}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: CountyGenerator <countyCode> <residents> <outputFolder> [seed]");
            System.exit(2);
        }
        CountyGenerator g = new CountyGenerator(args[0], Integer.parseInt(args[1]),
                args.length > 3 ? Long.parseLong(args[3]) : 1L);
        Path dir = Files.createDirectories(Path.of(args[2]));
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("jurisdictions.tsv"), StandardCharsets.UTF_8)) {
            for (JurisdictionDTO j : g.jurisdictions()) {
                w.write(j.code + "\t" + j.level + "\t" + j.parentCode + "\t" + j.name + "\n");
            }
        }
        try (BufferedWriter csv = Files.newBufferedWriter(dir.resolve("residents.csv"), StandardCharsets.UTF_8);
                BufferedWriter ids = Files.newBufferedWriter(dir.resolve("id-numbers.txt"), StandardCharsets.UTF_8)) {
            int n = g.writeResidents(csv, id -> {
                try {
                    ids.write(id);
                    ids.write('\n');
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            System.out.println("wrote " + g.jurisdictions().size() + " jurisdictions and " + n + " residents to " + dir);
        }
    }
}
