package org.renkou.province.guangdong.internal;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.renkou.core.api.province.LeaveKind;
import org.renkou.province.kit.GoldenTables;
import org.renkou.province.kit.RuleBasedPolicy;

/**
 * Golden table for Guangdong (44): families → entitlement and amount on a date, each row citing the regulation in
 * {@code POLICY-FACTS.md} it is taken from. National rules apply where Guangdong sets none.
 */
class GuangdongGoldenTest {
    private static final RuleBasedPolicy POLICY = new RuleBasedPolicy(GuangdongPolicy.PROVINCE,
            GoldenTables.rules("44", "guangdong"), null, List.of());

    @ParameterizedTest(name = "{0}: {8}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                      | date       | born       | sex | spouse     | rural | cert | children                                  | scheme                          | eligible | monthly | total | citation
        # 育儿补贴: 3,600/year under 3; pre-2025 births pro rata (《育儿补贴制度实施方案》)
        born 2025, 36 months        | 2026-01-15 | 1995-04-01 | F   |            |       | N    | 2025-03-01/M/LIVING                       | childcare-subsidy               | Y        | 300     | 10800 | 育儿补贴制度实施方案
        born 2023-05, 16 months     | 2025-06-01 | 1993-02-11 | F   |            |       | N    | 2023-05-10/F/LIVING                       | childcare-subsidy               | Y        | 300     | 4800  | 育儿补贴制度实施方案
        born 2022-10, 9 months      | 2025-03-01 | 1990-07-07 | M   |            |       | N    | 2022-10-15/M/LIVING                       | childcare-subsidy               | Y        | 300     | 2700  | 育儿补贴制度实施方案
        two under 3, 36+12 months   | 2025-06-01 | 1992-01-01 | F   |            |       | N    | 2023-01-20/M/LIVING;2025-02-01/F/LIVING   | childcare-subsidy               | Y        | 600     | 14400 | 育儿补贴制度实施方案
        child already 3             | 2025-03-01 | 1990-01-01 | F   |            |       | N    | 2021-06-01/M/LIVING                       | childcare-subsidy               | N        |         |       | 育儿补贴制度实施方案
        before the scheme began     | 2024-12-31 | 1990-01-01 | F   |            |       | N    | 2024-06-01/M/LIVING                       | childcare-subsidy               | -        |         |       | 育儿补贴制度实施方案
        # 奖励扶助: rural, 60+, one child or two daughters; 960/year from 2012, 720 from 2009, 600 from 2004 (财教〔2011〕623号)
        rural one child, 65         | 2026-01-15 | 1960-05-01 | M   |            | Y     | N    | 1988-03-03/M/LIVING                       | reward-support                  | Y        | 80.00   |       | 财教〔2011〕623号
        rural two daughters, 62     | 2026-01-15 | 1963-09-09 | F   |            | Y     | N    | 1986-01-01/F/LIVING;1990-02-02/F/LIVING   | reward-support                  | Y        | 80.00   |       | 财教〔2011〕623号
        same in 2010: 720/year      | 2010-06-01 | 1949-01-01 | M   |            | Y     | N    | 1975-03-03/M/LIVING                       | reward-support                  | Y        | 60.00   |       | 财教〔2011〕623号
        same in 2006: 600/year      | 2006-06-01 | 1945-01-01 | M   |            | Y     | N    | 1975-03-03/M/LIVING                       | reward-support                  | Y        | 50.00   |       | 财教〔2011〕623号
        son and daughter            | 2026-01-15 | 1960-05-01 | M   |            | Y     | N    | 1986-01-01/M/LIVING;1990-02-02/F/LIVING   | reward-support                  | N        |         |       | 财教〔2011〕623号
        urban                       | 2026-01-15 | 1960-05-01 | M   |            | N     | N    | 1988-03-03/M/LIVING                       | reward-support                  | N        |         |       | 财教〔2011〕623号
        rural not recorded          | 2026-01-15 | 1960-05-01 | M   |            |       | N    | 1988-03-03/M/LIVING                       | reward-support                  | N        |         |       | 财教〔2011〕623号
        only 59                     | 2026-01-15 | 1966-06-01 | M   |            | Y     | N    | 1988-03-03/M/LIVING                       | reward-support                  | N        |         |       | 财教〔2011〕623号
        # 特别扶助: only child died/disabled, mother 49+; 340/170 death, 270/150 disability per month (2014-01-01)
        urban, child died           | 2026-01-15 | 1970-01-01 | F   |            | N     | N    | 1995-05-05/M/DECEASED                     | special-support-death-urban     | Y        | 340     |       | 国家特别扶助制度通知
        rural, child disabled       | 2026-01-15 | 1968-01-01 | M   | 1970-01-01 | Y     | N    | 1995-05-05/F/DISABLED                     | special-support-disability-rural| Y        | 150     |       | 国家特别扶助制度通知
        rural, child died           | 2026-01-15 | 1970-01-01 | F   |            | Y     | N    | 1995-05-05/M/DECEASED                     | special-support-death-rural     | Y        | 170     |       | 国家特别扶助制度通知
        urban, disabled             | 2026-01-15 | 1970-01-01 | F   |            | N     | N    | 1995-05-05/M/DISABLED                     | special-support-disability-urban| Y        | 270     |       | 国家特别扶助制度通知
        mother only 45              | 2026-01-15 | 1981-01-01 | F   |            | N     | N    | 2005-05-05/M/DECEASED                     | special-support-death-urban     | N        |         |       | 国家特别扶助制度通知
        child living                | 2026-01-15 | 1970-01-01 | F   |            | N     | N    | 1995-05-05/M/LIVING                       | special-support-death-urban     | N        |         |       | 国家特别扶助制度通知
        before 2014                 | 2013-06-01 | 1960-01-01 | F   |            | N     | N    | 1985-05-05/M/DECEASED                     | special-support-death-urban     | -        |         |       | 国家特别扶助制度通知
        # 独生子女父母光荣证: 10/month until the child is 14 (2008 regulation art. 37; current amount unconfirmed)
        certificate, child 11       | 2026-01-15 | 1985-01-01 | F   |            |       | Y    | 2015-01-01/F/LIVING                       | one-child-glory                 | Y        | 10      |       | 广东省人口与计划生育条例
        certificate, child 16       | 2026-01-15 | 1980-01-01 | F   |            |       | Y    | 2010-01-01/F/LIVING                       | one-child-glory                 | N        |         |       | 广东省人口与计划生育条例
        no certificate              | 2026-01-15 | 1985-01-01 | F   |            |       | N    | 2015-01-01/F/LIVING                       | one-child-glory                 | N        |         |       | 广东省人口与计划生育条例
        """)
    void entitlements(String name, String date, String born, String sex, String spouse, String rural, String cert,
            String children, String scheme, String eligible, String monthly, String total, String citation) {
        GoldenTables.check(POLICY, date, GoldenTables.family(born, sex, spouse, rural, cert, children), scheme.trim(),
                eligible, monthly, total, citation);
    }

    @ParameterizedTest(name = "{1} on {0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        # date     | leave                     | days | citation
        2026-01-01 | MATERNITY                 | 178  | 第三十条
        2019-01-01 | MATERNITY                 | 178  | 2016年修正
        2015-06-01 | MATERNITY                 | 98   | 国务院令第619号
        2026-01-01 | MATERNITY_DIFFICULT_BIRTH | 30   | 第十一条
        2026-01-01 | MATERNITY_PER_EXTRA_BABY  | 15   | 第十一条
        2026-01-01 | PATERNITY                 | 15   | 第三十条
        2026-01-01 | PARENTAL                  | 10   | 第三十条
        2021-06-01 | PARENTAL                  |      | 第三十条
        2026-01-01 | ONLY_CHILD_CARE           | 5    | 条款未确认
        2026-01-01 | MARRIAGE                  |      | -
        2026-01-01 | MISCARRIAGE_UNDER_4_MONTHS | 15  | 第十一条
        2026-01-01 | MISCARRIAGE_FROM_4_MONTHS | 42   | 第十一条
        2026-01-01 | MISCARRIAGE_FROM_7_MONTHS | 75   | 第十一条
        2020-01-01 | MISCARRIAGE_UNDER_4_MONTHS | 15  | 国务院令第619号
        2020-01-01 | MISCARRIAGE_FROM_4_MONTHS | 42   | 国务院令第619号
        2020-01-01 | MISCARRIAGE_FROM_7_MONTHS |      | -
        2011-06-01 | MISCARRIAGE_FROM_4_MONTHS |      | -
        """)
    void leave(String date, LeaveKind kind, String days, String citation) {
        GoldenTables.checkLeave(POLICY, date, kind, days, citation);
    }

    /** The leave calculator (分娩 / 流产) on this province's rules: the mother's and the father's total days. */
    @ParameterizedTest(name = "{1} on {0}: babies {2}, difficult {3}, months {4} -> {5}/{6}")
    @CsvSource(delimiter = '|', textBlock = """
        # date     | event       | babies | difficult | months | mother | father
        2026-03-01 | BIRTH       | 1      | false     | 0      | 178    | 15
        2026-03-01 | BIRTH       | 2      | true      | 0      | 223    | 15
        2026-03-01 | BIRTH       | 3      | false     | 0      | 208    | 15
        2015-06-01 | BIRTH       | 1      | false     | 0      | 98     |
        2015-06-01 | BIRTH       | 2      | true      | 0      | 128    |
        2026-03-01 | MISCARRIAGE | 1      | false     | 2      | 15     |
        2026-03-01 | MISCARRIAGE | 1      | false     | 4      | 42     |
        2026-03-01 | MISCARRIAGE | 1      | false     | 6      | 42     |
        2026-03-01 | MISCARRIAGE | 1      | false     | 7      | 75     |
        2020-01-01 | MISCARRIAGE | 1      | false     | 8      | 42     |
        """)
    void leaveCalculator(String date, String event, int babies, boolean difficult, int months, int mother, String father) {
        GoldenTables.checkLeaveEvent(POLICY, date, event.trim(), babies, difficult, months, mother, father);
    }
}
