package org.renkou.core.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * A module's tables come from its migrations, so a table added by a later script (the warehouse's
 * {@code WH_REPORT_SIGN_OFF} in V3) is counted by the switch plan without anyone listing it.
 */
class OwnedTablesTest {

    @Test
    void tablesCreatedAndNotDroppedInScriptOrder() {
        List<String> tables = OwnedTables.tables(List.of(
                "-- CREATE TABLE IN_A_COMMENT (ID INT);\nCREATE TABLE WH_STORE (\n ID INT\n);\n"
                        + "create table wh_lot (ID INT);\nCREATE INDEX IX ON WH_LOT (ID);\nCREATE TABLE TEMP_X (ID INT);",
                "  CREATE TABLE IF NOT EXISTS \"WH_LEDGER\" (ID INT);\nDROP TABLE TEMP_X;",
                "CREATE TABLE WH_REPORT_SIGN_OFF (ID INT)"));
        assertEquals(List.of("WH_STORE", "WH_LOT", "WH_LEDGER", "WH_REPORT_SIGN_OFF"), tables);
    }

    @Test
    void readsTheModulesFolderOfEachBundleByVersion(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("db/warehouse"));
        Files.writeString(folder.resolve("V1__warehouse.sql"), "CREATE TABLE WH_STORE (ID INT);\nCREATE TABLE WH_OLD (ID INT);");
        Files.writeString(folder.resolve("V10__drop_old.sql"), "DROP TABLE WH_OLD;");
        Files.writeString(folder.resolve("V2__old_again.sql"), "CREATE TABLE WH_OLD2 (ID INT);");
        Files.writeString(folder.resolve("V3__report_sign_off.sql"), "CREATE TABLE WH_REPORT_SIGN_OFF (ID INT)");
        Files.createDirectories(dir.resolve("db/other"));
        Files.writeString(dir.resolve("db/other/V1__other.sql"), "CREATE TABLE NOT_MINE (ID INT);");

        List<String> tables = new OwnedTables().of("warehouse", List.of(bundle(dir)));

        assertEquals(List.of("WH_STORE", "WH_OLD2", "WH_REPORT_SIGN_OFF"), tables);
    }

    /** A bundle whose entries are the files under {@code root}. */
    private static Bundle bundle(Path root) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, args) -> switch (m.getName()) {
                    case "getBundleId" -> 42L;
                    case "getLastModified" -> 1L;
                    case "getEntryPaths" -> {
                        Path folder = root.resolve((String) args[0]);
                        if (!Files.isDirectory(folder)) {
                            yield null;
                        }
                        List<String> paths = new ArrayList<>();
                        try (var files = Files.list(folder)) {
                            for (Path f : files.toList()) {
                                paths.add(args[0] + "/" + f.getFileName() + (Files.isDirectory(f) ? "/" : ""));
                            }
                        }
                        yield Collections.enumeration(paths);
                    }
                    case "getEntry" -> {
                        Path f = root.resolve((String) args[0]);
                        yield Files.isRegularFile(f) ? f.toUri().toURL() : null;
                    }
                    // findEntries would resolve the bundle: the module list must not (see SchemaMigrations.inBundle)
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
