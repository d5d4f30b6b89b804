package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.renkou.province.kit.PolicyRules;
import org.renkou.province.kit.RuleBasedPolicy;

/**
 * The policy on this bundle's own data files, without a framework: they load (a fault fails here, naming the file
 * and line) and the national rules apply where the province sets none. Add a golden table, one row per rule and
 * boundary, as {@code GuangdongGoldenTest} does.
 */
class ProvincePolicyTest {
    private static final Path POLICIES = Path.of("src/main/resources/policies");
    private static final RuleBasedPolicy POLICY = new RuleBasedPolicy(ThisProvince.PROVINCE,
            PolicyRules.fromFolders(ThisProvince.PROVINCE.code(), POLICIES.resolve("national"),
                    POLICIES.resolve(ThisProvince.FOLDER)), null, List.of());

    @Test
    void answersForTheProvince() {
        assertEquals("${provinceCode}", POLICY.provinceCode());
        assertEquals("${provinceNameZh}", POLICY.nameZh());
    }

    @Test
    void nationalRulesApplyWhereTheProvinceSetsNone() {
        assertFalse(POLICY.leaveEntitlements(LocalDate.of(2025, 6, 1)).isEmpty());
    }
}
