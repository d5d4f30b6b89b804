package org.renkou.province.yunnan.internal;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.renkou.core.api.province.LeaveKind;
import org.renkou.province.kit.GoldenTables;
import org.renkou.province.kit.RuleBasedPolicy;

/**
 * Golden table for Yunnan (53): families → entitlement and amount on a date, each row citing the regulation in
 * {@code POLICY-FACTS.md}. Yunnan's own values are medium confidence (unconfirmed); it has no one-child certificate
 * benefit in the facts, so that scheme gives no decision.
 */
class YunnanGoldenTest {
    private static final RuleBasedPolicy POLICY = new RuleBasedPolicy(YunnanPolicy.PROVINCE,
            GoldenTables.rules("53", "yunnan"), null, List.of());

    @ParameterizedTest(name = "{0}: {8}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                      | date       | born       | sex | spouse     | rural | cert | children                                  | scheme                          | eligible | monthly | total | citation
        # 育儿补贴: national 3,600/year under 3 (Yunnan's earlier 800/year folded in: 云发〔2022〕28号)
        born 2025-08, 36 months     | 2026-03-01 | 1996-01-01 | F   |            | Y     | N    | 2025-08-20/F/LIVING                       | childcare-subsidy               | Y        | 300     | 10800 | 育儿补贴制度实施方案
        third child born 2024-01    | 2025-02-01 | 1990-01-01 | F   |            | Y     | N    | 2016-01-01/M/LIVING;2019-01-01/F/LIVING;2024-01-31/M/LIVING | childcare-subsidy | Y | 300 | 7200 | 育儿补贴制度实施方案
        no child under 3            | 2026-03-01 | 1980-01-01 | M   |            | Y     | N    | 2010-01-01/M/LIVING                       | childcare-subsidy               | N        |         |       | 育儿补贴制度实施方案
        # 奖励扶助 (财教〔2011〕623号): rural parents 60+, one child or two daughters
        rural one daughter, 70      | 2026-03-01 | 1956-02-02 | F   |            | Y     | N    | 1980-01-01/F/LIVING                       | reward-support                  | Y        | 80.00   |       | 财教〔2011〕623号
        rural three children        | 2026-03-01 | 1956-02-02 | F   |            | Y     | N    | 1980-01-01/F/LIVING;1982-01-01/F/LIVING;1985-01-01/M/LIVING | reward-support | N |  |  | 财教〔2011〕623号
        # 特别扶助 (national, from 2014-01-01)
        rural, only child disabled  | 2026-03-01 | 1972-03-03 | F   |            | Y     | N    | 1996-01-01/M/DISABLED                     | special-support-disability-rural| Y        | 150     |       | 国家特别扶助制度通知
        urban case asked as rural   | 2026-03-01 | 1972-03-03 | F   |            | N     | N    | 1996-01-01/M/DISABLED                     | special-support-disability-rural| N        |         |       | 国家特别扶助制度通知
        # no one-child certificate benefit in Yunnan's facts: no decision
        certificate holder          | 2026-03-01 | 1985-01-01 | F   |            |       | Y    | 2015-01-01/F/LIVING                       | one-child-glory                 | -        |         |       | -
        """)
    void entitlements(String name, String date, String born, String sex, String spouse, String rural, String cert,
            String children, String scheme, String eligible, String monthly, String total, String citation) {
        GoldenTables.check(POLICY, date, GoldenTables.family(born, sex, spouse, rural, cert, children), scheme.trim(),
                eligible, monthly, total, citation);
    }

    @ParameterizedTest(name = "{1} on {0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        # date     | leave                     | days | citation
        2026-01-01 | MATERNITY                 | 158  | 第十八条
        2021-06-01 | MATERNITY                 | 98   | 国务院令第619号
        2026-01-01 | MATERNITY_DIFFICULT_BIRTH | 15   | 国务院令第619号
        2026-01-01 | PATERNITY                 | 30   | 第十八条
        2026-01-01 | PARENTAL                  | 10   | 云南省人口与计划生育条例
        2026-01-01 | MARRIAGE                  | 18   | 2016年修正
        2026-01-01 | MISCARRIAGE_UNDER_4_MONTHS | 15  | 国务院令第619号
        2026-01-01 | MISCARRIAGE_FROM_4_MONTHS | 42   | 国务院令第619号
        2026-01-01 | MISCARRIAGE_FROM_7_MONTHS |      | -
        2011-06-01 | MISCARRIAGE_UNDER_4_MONTHS |     | -
        2026-01-01 | ONLY_CHILD_CARE           |      | -
        """)
    void leave(String date, LeaveKind kind, String days, String citation) {
        GoldenTables.checkLeave(POLICY, date, kind, days, citation);
    }

    /** The leave calculator (分娩 / 流产) on this province's rules: the mother's and the father's total days. */
    @ParameterizedTest(name = "{1} on {0}: babies {2}, difficult {3}, months {4} -> {5}/{6}")
    @CsvSource(delimiter = '|', textBlock = """
        # date     | event       | babies | difficult | months | mother | father
        2026-03-01 | BIRTH       | 1      | false     | 0      | 158    | 30
        2026-03-01 | BIRTH       | 2      | true      | 0      | 188    | 30
        2026-03-01 | MISCARRIAGE | 1      | false     | 3      | 15     |
        2026-03-01 | MISCARRIAGE | 1      | false     | 8      | 42     |
        """)
    void leaveCalculator(String date, String event, int babies, boolean difficult, int months, int mother, String father) {
        GoldenTables.checkLeaveEvent(POLICY, date, event.trim(), babies, difficult, months, mother, father);
    }
}
