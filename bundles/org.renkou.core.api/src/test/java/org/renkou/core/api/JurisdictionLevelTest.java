package org.renkou.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JurisdictionLevelTest {

    @Test
    void codeShapesFollowGbt2260AndStatisticalCodes() {
        assertTrue(JurisdictionLevel.PROVINCE.acceptsCode("440000"));
        assertFalse(JurisdictionLevel.PROVINCE.acceptsCode("440600"));
        assertTrue(JurisdictionLevel.CITY.acceptsCode("440600"));
        assertFalse(JurisdictionLevel.CITY.acceptsCode("440606"));
        assertTrue(JurisdictionLevel.COUNTY.acceptsCode("440606"));
        assertTrue(JurisdictionLevel.STREET.acceptsCode("440606001"));
        assertFalse(JurisdictionLevel.STREET.acceptsCode("44060600"));
        assertTrue(JurisdictionLevel.COMMUNITY.acceptsCode("440606001002"));
        assertTrue(JurisdictionLevel.GROUP.acceptsCode("440606001002003"));
        assertFalse(JurisdictionLevel.GROUP.acceptsCode("44060600100200A"));
        assertFalse(JurisdictionLevel.COUNTY.acceptsCode(null));
    }

    @Test
    void childrenSitOneLevelDownWithTheTwoRealExceptions() {
        assertTrue(JurisdictionLevel.PROVINCE.mayHaveParent(null));
        assertFalse(JurisdictionLevel.CITY.mayHaveParent(null));
        assertTrue(JurisdictionLevel.CITY.mayHaveParent(JurisdictionLevel.PROVINCE));
        assertTrue(JurisdictionLevel.COUNTY.mayHaveParent(JurisdictionLevel.PROVINCE), "省直辖县");
        assertTrue(JurisdictionLevel.STREET.mayHaveParent(JurisdictionLevel.CITY), "不设区的地级市, e.g. 东莞");
        assertFalse(JurisdictionLevel.COMMUNITY.mayHaveParent(JurisdictionLevel.COUNTY));
        assertFalse(JurisdictionLevel.GROUP.mayHaveParent(JurisdictionLevel.STREET));
        assertFalse(JurisdictionLevel.CITY.mayHaveParent(JurisdictionLevel.COUNTY));
        assertFalse(JurisdictionLevel.CITY.mayHaveParent(JurisdictionLevel.CITY));
    }

    @Test
    void childPrefixDropsTheTrailingZerosOfUpperLevels() {
        assertEquals("44", JurisdictionLevel.PROVINCE.childPrefix("440000"));
        assertEquals("4406", JurisdictionLevel.CITY.childPrefix("440600"));
        assertEquals("440606", JurisdictionLevel.COUNTY.childPrefix("440606"));
        assertEquals("440606001", JurisdictionLevel.STREET.childPrefix("440606001"));
    }
}
