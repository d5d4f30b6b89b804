package org.renkou.core.internal.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.renkou.core.internal.registration.RegistrationServicesTest.fails;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.renkou.core.api.Province;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.province.RegionalPolicy;
import org.renkou.core.internal.db.Database;

/** Which policy serves a jurisdiction, as province bundles come, are replaced and go. */
class PolicyRegistryImplTest {
    private final PolicyRegistryImpl registry = new PolicyRegistryImpl((Database) null);

    private static RegionalPolicy policy(String code, String name) {
        return (RegionalPolicy) Proxy.newProxyInstance(RegionalPolicy.class.getClassLoader(),
                new Class<?>[] {RegionalPolicy.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "provinceCode" -> code;
                    case "nameEn", "toString" -> name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private void add(RegionalPolicy p, String property) {
        registry.addPolicy(p, Map.of(Province.PROPERTY, property));
    }

    @Test
    void theNewestPolicyOfAProvinceServesAndTheOneBeforeTakesOverWhenItGoes() {
        RegionalPolicy guangdong = policy("44", "Guangdong 1");
        RegionalPolicy replacement = policy("44", "Guangdong 2");
        RegionalPolicy yunnan = policy("53", "Yunnan");
        add(guangdong, "44");
        add(yunnan, "53");
        assertEquals(guangdong, registry.require("440606901001"));
        add(replacement, "44");
        assertEquals(replacement, registry.require("44"));
        assertEquals(List.of(replacement, yunnan), registry.active());
        registry.removePolicy(replacement);
        assertEquals(guangdong, registry.require("440606"));
        registry.removePolicy(guangdong);
        RenkouException e = fails(RenkouException.Kind.UNAVAILABLE, null, () -> registry.require("440606"));
        assertTrue(e.getMessage().startsWith("Province module not active (province 44)"), e.getMessage());
        assertTrue(e.messageZh().startsWith("省级模块未启用"), e.messageZh());
        assertEquals(yunnan, registry.require("530102901001"));
    }

    @Test
    void refusesBadCodesAndMismatchedProperties() {
        add(policy("44", "wrong property"), "53");
        assertTrue(registry.find("530102").isEmpty());
        assertTrue(registry.find("440606").isEmpty());
        fails(RenkouException.Kind.INVALID, "jurisdiction", () -> registry.require("4"));
        fails(RenkouException.Kind.INVALID, "jurisdiction", () -> registry.find("44x"));
    }
}
