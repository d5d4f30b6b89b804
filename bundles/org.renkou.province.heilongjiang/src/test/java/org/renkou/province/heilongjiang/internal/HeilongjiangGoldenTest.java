package org.renkou.province.heilongjiang.internal;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.renkou.core.api.province.LeaveKind;
import org.renkou.province.kit.GoldenTables;
import org.renkou.province.kit.RuleBasedPolicy;

/**
 * Golden table for Heilongjiang (23): families → entitlement and amount on a date, each row citing the regulation
 * in {@code POLICY-FACTS.md}. Maternity leave is 180 days in total, not 98 + 180.
 */
class HeilongjiangGoldenTest {
    private static final RuleBasedPolicy POLICY = new RuleBasedPolicy(HeilongjiangPolicy.PROVINCE,
            GoldenTables.rules("23", "heilongjiang"), null, List.of());

    @ParameterizedTest(name = "{0}: {8}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                      | date       | born       | sex | spouse     | rural | cert | children                                  | scheme                          | eligible | monthly | total | citation
        # 育儿补贴 (national 3,600; provincial implementing rules arts. 5, 17, 19)
        born 2024-07, 30 months     | 2025-09-01 | 1994-01-01 | M   |            | N     | N    | 2024-07-01/M/LIVING                       | childcare-subsidy               | Y        | 300     | 9000  | 育儿补贴制度实施方案
        # 独生子女父母: at least 10/month until the child is 18 (2016 official Q&A, unconfirmed)
        certificate, child 16       | 2026-01-15 | 1980-01-01 | F   |            |       | Y    | 2010-01-01/F/LIVING                       | one-child-glory                 | Y        | 10      |       | 2016年官方问答
        certificate, child 18       | 2026-01-15 | 1980-01-01 | F   |            |       | Y    | 2007-06-01/F/LIVING                       | one-child-glory                 | N        |         |       | 2016年官方问答
        before 2016                 | 2015-06-01 | 1980-01-01 | F   |            |       | Y    | 2010-01-01/F/LIVING                       | one-child-glory                 | -        |         |       | -
        # 奖励扶助 and 特别扶助 (national)
        rural one son, 61           | 2026-01-15 | 1964-12-31 | M   |            | Y     | Y    | 1990-01-01/M/LIVING                       | reward-support                  | Y        | 80.00   |       | 财教〔2011〕623号
        urban, only child died      | 2026-01-15 | 1966-01-01 | M   | 1968-05-05 | N     | Y    | 1992-01-01/F/DECEASED                     | special-support-death-urban     | Y        | 340     |       | 国家特别扶助制度通知
        father, mother not recorded | 2026-01-15 | 1966-01-01 | M   |            | N     | Y    | 1992-01-01/F/DECEASED                     | special-support-death-urban     | N        |         |       | 国家特别扶助制度通知
        """)
    void entitlements(String name, String date, String born, String sex, String spouse, String rural, String cert,
            String children, String scheme, String eligible, String monthly, String total, String citation) {
        GoldenTables.check(POLICY, date, GoldenTables.family(born, sex, spouse, rural, cert, children), scheme.trim(),
                eligible, monthly, total, citation);
    }

    @ParameterizedTest(name = "{1} on {0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        # date     | leave                     | days | citation
        2026-01-01 | MATERNITY                 | 180  | 2016年修正
        2016-01-01 | MATERNITY                 | 98   | 国务院令第619号
        2026-01-01 | PATERNITY                 | 15   | 2016年修正
        2026-01-01 | PARENTAL                  | 10   | 2021年修正
        2021-06-01 | PARENTAL                  |      | -
        2026-01-01 | MARRIAGE                  | 25   | 2016年修正
        2026-01-01 | MISCARRIAGE_UNDER_4_MONTHS | 15  | 国务院令第619号
        2026-01-01 | MISCARRIAGE_FROM_4_MONTHS | 42   | 国务院令第619号
        2026-01-01 | MISCARRIAGE_FROM_7_MONTHS |      | -
        2011-06-01 | MISCARRIAGE_UNDER_4_MONTHS |     | -
        """)
    void leave(String date, LeaveKind kind, String days, String citation) {
        GoldenTables.checkLeave(POLICY, date, kind, days, citation);
    }

    /** The leave calculator (分娩 / 流产) on this province's rules: the mother's and the father's total days. */
    @ParameterizedTest(name = "{1} on {0}: babies {2}, difficult {3}, months {4} -> {5}/{6}")
    @CsvSource(delimiter = '|', textBlock = """
        # date     | event       | babies | difficult | months | mother | father
        2026-03-01 | BIRTH       | 1      | false     | 0      | 180    | 15
        2026-03-01 | BIRTH       | 2      | true      | 0      | 210    | 15
        2026-03-01 | MISCARRIAGE | 1      | false     | 4      | 42     |
        2026-03-01 | MISCARRIAGE | 1      | false     | 7      | 42     |
        """)
    void leaveCalculator(String date, String event, int babies, boolean difficult, int months, int mother, String father) {
        GoldenTables.checkLeaveEvent(POLICY, date, event.trim(), babies, difficult, months, mother, father);
    }
}
