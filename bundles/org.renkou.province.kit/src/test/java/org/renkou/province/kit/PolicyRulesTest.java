package org.renkou.province.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.province.Confidence;
import org.renkou.province.kit.PolicyRules.DataFile;

class PolicyRulesTest {
    private static final String RULE = "{\"key\":\"leave.paternity\",\"value\":%s,\"unit\":\"days\","
            + "\"source\":{\"regulation\":\"R\",\"article\":\"art. 1\"},\"effectiveFrom\":\"%s\",\"effectiveTo\":%s,"
            + "\"confidence\":\"%s\"}";

    private static DataFile file(String name, String... rules) {
        return new DataFile(name, "{\"province\":\"44\",\n\"rules\":[\n" + String.join(",\n", rules) + "\n]}");
    }

    private static String rule(int value, String from, String to, String confidence) {
        return String.format(RULE, value, from, to == null ? "null" : "\"" + to + "\"", confidence);
    }

    @Test
    void answersTheRuleInForceOnADate() {
        PolicyRules rules = PolicyRules.load("44", List.of(), List.of(file("gd/a.json",
                rule(10, "2016-01-01", "2021-11-30", "high"), rule(15, "2021-12-01", null, "medium"))));
        assertEquals(10, rules.inForce("leave.paternity", LocalDate.of(2020, 1, 1)).get().value().intValue());
        assertEquals(15, rules.inForce("leave.paternity", LocalDate.of(2022, 1, 1)).get().value().intValue());
        assertEquals(Confidence.MEDIUM, rules.inForce("leave.paternity", LocalDate.of(2022, 1, 1)).get().source()
                .confidence());
        assertTrue(rules.inForce("leave.paternity", LocalDate.of(2015, 1, 1)).isEmpty());
        assertEquals(4, rules.inForce("leave.paternity", LocalDate.of(2022, 1, 1)).get().line());
    }

    @Test
    void aLaterFileTakesPrecedenceFromItsDate() {
        PolicyRules rules = PolicyRules.load("44", List.of(), List.of(file("gd/a.json", rule(15, "2021-12-01", null,
                "high")))).withCandidate("44", file("gd/b.json", rule(20, "2027-01-01", null, "high")));
        assertEquals(15, rules.inForce("leave.paternity", LocalDate.of(2026, 12, 31)).get().value().intValue());
        assertEquals(20, rules.inForce("leave.paternity", LocalDate.of(2027, 1, 1)).get().value().intValue());
    }

    @Test
    void refusesOverlappingPeriodsNamingFileAndLine() {
        RenkouException e = assertThrows(RenkouException.class, () -> PolicyRules.load("44", List.of(), List.of(
                file("gd/a.json", rule(10, "2016-01-01", "2022-01-01", "high"), rule(15, "2021-12-01", null, "high")))));
        assertTrue(e.getMessage().contains("gd/a.json line 4"), e.getMessage());
        assertTrue(e.getMessage().contains("overlaps the period of line 3"), e.getMessage());
        assertTrue(e.messageZh().contains("第 4 行"), e.messageZh());
    }

    @Test
    void refusesAMissingSourceNamingFileAndLine() {
        String noSource = "{\"key\":\"leave.paternity\",\"value\":15,\"effectiveFrom\":\"2021-12-01\",\"confidence\":\"high\"}";
        RenkouException e = assertThrows(RenkouException.class,
                () -> PolicyRules.load("44", List.of(), List.of(file("gd/a.json", rule(5, "2010", "2011", "low"), noSource))));
        assertEquals("Policy data file gd/a.json line 4: rule leave.paternity has no legal source "
                + "(source.regulation, source.article).", e.getMessage());
    }

    @Test
    void refusesBadDatesConfidenceAndProvince() {
        assertThrows(RenkouException.class, () -> PolicyRules.load("44", List.of(),
                List.of(file("a", rule(1, "2021-13-01", null, "high")))));
        assertThrows(RenkouException.class, () -> PolicyRules.load("44", List.of(),
                List.of(file("a", rule(1, "2021-01-01", null, "sure")))));
        assertThrows(RenkouException.class, () -> PolicyRules.load("44", List.of(),
                List.of(file("a", rule(1, "2021-01-01", "2020-01-01", "high")))));
        assertThrows(RenkouException.class, () -> PolicyRules.load("53", List.of(),
                List.of(file("a", rule(1, "2021-01-01", null, "high")))));
        assertThrows(RenkouException.class, () -> PolicyRules.load("44", List.of(), List.of(new DataFile("a", "{"))));
    }

    @Test
    void theShippedDataLoads() {
        for (String[] p : new String[][] {{"44", "guangdong"}, {"53", "yunnan"}, {"23", "heilongjiang"}}) {
            PolicyRules rules = GoldenTables.rules(p[0], p[1]);
            assertTrue(rules.all().stream().allMatch(r -> r.source().regulation() != null), p[1]);
        }
    }
}
