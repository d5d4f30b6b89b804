package org.renkou.core.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.renkou.core.api.CitizenId;
import org.renkou.core.api.household.Relation;
import org.renkou.core.api.resident.ResidenceStatus;
import org.renkou.core.internal.resident.NameKeys;
import org.renkou.core.internal.resident.ResidentRules;

class ResidentCopyTest {
    @Test
    void writesCopyTextWithNullsEscapesAndTheColumnsOfTheInsert() {
        String first17 = "44060619800101001";
        CitizenId id = CitizenId.parse(first17 + CitizenId.checkChar(first17), "idNumber", LocalDate.of(2026, 1, 1));
        ResidentRules.Checked r = new ResidentRules.Checked(id, "张三", "440606901001", "440606901001",
                ResidenceStatus.REGISTERED, null, null, "路\\1号\t2室", null);
        ResidentCopy copy = new ResidentCopy().add(r, 7L, Relation.HEAD, "imp-1",
                LocalDateTime.of(2026, 12, 3, 20, 1, 2, 123_456_789), "AGRICULTURAL");
        assertEquals(1, copy.rows());
        assertEquals(id.number() + "\t张三\t" + id.sex().name() + "\t1980-01-01\t440606901001\t440606901001\tREGISTERED"
                + "\t\\N\t\\N\t路\\\\1号\\t2室\t7\tHEAD\timp-1\t1\t2026-12-03T20:01:02.123456\t2026-12-03T20:01:02.123456"
                + "\tAGRICULTURAL\t" + NameKeys.of("张三") + "\n", new String(copy.bytes(), StandardCharsets.UTF_8));
        assertEquals(18, ResidentCopy.COPY_RESIDENT.split(",").length); // one value per column
    }
}
