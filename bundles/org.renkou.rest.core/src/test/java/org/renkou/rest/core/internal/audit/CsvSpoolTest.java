package org.renkou.rest.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.audit.AuditEntryDTO;

/** The export's file: a read that starts over (the standby failed part-way) starts the file over, header and all. */
class CsvSpoolTest {
    @Test
    void aRestartStartsTheFileOver(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("export.csv");
        try (AuditResource.CsvSpool csv = new AuditResource.CsvSpool(file)) {
            csv.entry(entry(2, "甲"));
            csv.entry(entry(1, "乙"));
            csv.restart();
            csv.entry(entry(2, "=HYPERLINK(\"x\")"));
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(List.of("\uFEFFid,at,actor,action,entityType,entityId,jurisdictionCode,changes,reason",
                "2,2026-12-04T08:00:00Z,\"officer\",READ_SENSITIVE,\"Resident\",\"7\",\"440606901001\","
                        + "\"{\"\"idNumber\"\":\"\"440606********0011\"\"}\",\"'=HYPERLINK(\"\"x\"\")\""), lines);
    }

    private static AuditEntryDTO entry(long id, String reason) {
        AuditEntryDTO a = new AuditEntryDTO();
        a.id = id;
        a.at = Instant.parse("2026-12-04T08:00:00Z");
        a.actor = "officer";
        a.action = AuditAction.READ_SENSITIVE;
        a.entityType = "Resident";
        a.entityId = "7";
        a.jurisdictionCode = "440606901001";
        a.changes = "{\"idNumber\":\"440606199001010011\"}";
        a.reason = reason;
        return a;
    }
}
