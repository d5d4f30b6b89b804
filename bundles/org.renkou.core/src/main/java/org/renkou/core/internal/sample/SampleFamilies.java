package org.renkou.core.internal.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.renkou.core.api.household.Relation;
import org.renkou.core.api.resident.HukouNature;
import org.renkou.core.api.resident.MaritalStatus;
import org.renkou.core.internal.sample.LivingSample.Row;

/**
 * The generated part of the living sample (示例居民): households of the two sample communities of 顺德区 (示例一社区
 * with its groups, 示例二社区) beside the hand-written ones of {@code living.tsv}, so that the lists have a few hundred
 * people: young families (some with a child under 3), families with grown children, three generations, elderly
 * couples, people living alone. Plausible Chinese names (common surnames, a few compound ones, given names of one
 * or two characters, now and then a rarer character such as 喆 or 玥). Deterministic: the same seed and day give the
 * same people, so a test can count them.
 */
final class SampleFamilies {
    /** The seed of the sample: fixed, so every new database gets the same families. */
    static final long SEED = 17L;
    /** How many households are generated. */
    static final int HOUSEHOLDS = 100;
    private static final String[] SURNAMES = ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 "
            + "许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 蔡 蒋 余 叶 程 苏 吕 卢 钟 谭 陆 廖 冼 麦 区 关 欧阳 司徒").split(" ");
    private static final String MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞斌宇浩凯健俊帆旭宁博文睿轩豪然泽晨阳航瑞锦志建国荣伦";
    private static final String FEMALE = "芳娜秀英敏静丽艳娟霞桂玉萍红玲芬燕欣怡佳琪梦雪涵诗嘉思雨婷颖倩悦彤蕾璐瑶婉薇";
    /** Rarer characters, now and then (all in Unicode's basic plane). */
    private static final String RARE_MALE = "喆堃昶珩";
    private static final String RARE_FEMALE = "玥珺婳妘";

    private final Random random = new Random(SEED);
    private final LocalDate today;
    private final List<Row> rows = new ArrayList<>();
    private String household;
    private String residence;
    private String address;
    private HukouNature hukou;

    private SampleFamilies(LocalDate today) {
        this.today = today;
    }

    /** The generated people, household by household (numbers 示例-0101 upwards), the head first. */
    static List<Row> generate(LocalDate today) {
        SampleFamilies g = new SampleFamilies(today);
        for (int h = 0; h < HOUSEHOLDS; h++) {
            g.household(h);
        }
        return g.rows;
    }

    private void household(int n) {
        household = String.format("示例-%04d", 101 + n);
        boolean first = n % 5 < 3; // three in five in 示例一社区, its groups included
        residence = first ? "440606901001" + (n % 3 == 0 ? "" : n % 3 == 1 ? "001" : "002") : "440606901002";
        address = first ? "示例路" + (40 + n) + "号" + (1 + random.nextInt(6)) + "栋" : "示例街" + (70 + n) + "号";
        hukou = random.nextInt(100) < (first ? 40 : 10) ? HukouNature.RURAL : HukouNature.URBAN;
        String surname = surname();
        int type = random.nextInt(100);
        if (type < 32) { // a young family, a third of them with a child under 3
            int age = 26 + random.nextInt(14);
            couple(surname, age);
            int kids = age < 29 ? random.nextInt(2) : 1 + random.nextInt(2);
            boolean baby = random.nextInt(3) == 0;
            for (int k = 0; k < kids; k++) {
                int older = Math.max(0, age - 25);
                LocalDate born = baby && k == kids - 1 ? today.minusMonths(3 + random.nextInt(30))
                        : years(older <= 3 ? 3 : 3 + random.nextInt(older - 2));
                child(surname, born);
            }
            if (kids == 0 && baby) {
                child(surname, today.minusMonths(3 + random.nextInt(30)));
            }
        } else if (type < 52) { // grown children
            int age = 42 + random.nextInt(17);
            couple(surname, age);
            for (int k = 0, kids = 1 + random.nextInt(2); k < kids; k++) {
                child(surname, years(12 + random.nextInt(age - 36)));
            }
        } else if (type < 66) { // three generations
            int age = 30 + random.nextInt(14);
            couple(surname, age);
            for (int k = 0, kids = 1 + random.nextInt(2); k < kids; k++) {
                child(surname, years(1 + random.nextInt(age - 27)));
            }
            int parents = age + 25 + random.nextInt(6);
            add(Relation.PARENT, surname + given(true), years(parents), true, MaritalStatus.MARRIED);
            add(Relation.PARENT, surname() + given(false), years(parents - 2), false, MaritalStatus.MARRIED);
        } else if (type < 80) { // an elderly couple
            couple(surname, 60 + random.nextInt(22));
        } else if (type < 90) { // a young person alone
            boolean male = random.nextBoolean();
            add(Relation.HEAD, surname + given(male), years(20 + random.nextInt(14)), male, MaritalStatus.UNMARRIED);
        } else { // widowed, or divorced with a child
            boolean widowed = random.nextBoolean();
            boolean male = random.nextInt(3) == 0;
            int age = widowed ? 66 + random.nextInt(20) : 36 + random.nextInt(12);
            add(Relation.HEAD, surname + given(male), years(age), male,
                    widowed ? MaritalStatus.WIDOWED : MaritalStatus.DIVORCED);
            if (!widowed) {
                child(surname, years(6 + random.nextInt(10)));
            }
        }
    }

    /** Head (a man in four of five) and spouse of about the same age. */
    private void couple(String surname, int age) {
        boolean headMale = random.nextInt(5) != 0;
        String head = headMale ? surname : surname();
        add(Relation.HEAD, head + given(headMale), years(age), headMale, MaritalStatus.MARRIED);
        add(Relation.SPOUSE, (headMale ? surname() : surname) + given(!headMale),
                years(Math.max(23, age + random.nextInt(7) - 3)), !headMale, MaritalStatus.MARRIED);
    }

    private void child(String surname, LocalDate born) {
        boolean male = random.nextBoolean();
        add(Relation.CHILD, surname + given(male), born, male, MaritalStatus.UNMARRIED);
    }

    private void add(Relation relation, String name, LocalDate born, boolean male, MaritalStatus marital) {
        rows.add(new Row(household, residence, address, relation, name, born, male, hukou, marital,
                household + "/" + rows.size()));
    }

    /** About {@code age} years ago, on a day of that year. */
    private LocalDate years(int age) {
        return today.minusYears(age).minusDays(random.nextInt(365));
    }

    private String surname() {
        int r = random.nextInt(100);
        // the common ones more often: the first ten make about half
        return SURNAMES[r < 50 ? random.nextInt(10) : random.nextInt(SURNAMES.length)];
    }

    private String given(boolean male) {
        String common = male ? MALE : FEMALE;
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = random.nextInt(10) < 7 ? 2 : 1; i < n; i++) {
            String from = random.nextInt(40) == 0 ? (male ? RARE_MALE : RARE_FEMALE) : common;
            b.append(from.charAt(random.nextInt(from.length())));
        }
        return b.toString();
    }
}
