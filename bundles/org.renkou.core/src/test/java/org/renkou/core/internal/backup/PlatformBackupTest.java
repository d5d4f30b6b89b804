package org.renkou.core.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.internal.db.TestDatabase;

/** The platform backup is Derby's online backup, and it restores: {@code restoreFrom=} on a copy gives the same data. */
class PlatformBackupTest {

    @Test
    void backupWhileOpenThenRestoreACopy() throws Exception {
        Path work = Path.of("target", "backup-test", UUID.randomUUID().toString()).toAbsolutePath();
        Path live = work.resolve("renkou");
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + live + ";create=true");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE WH_PROBE (ID INT, TEXT VARCHAR(20))");
            s.execute("INSERT INTO WH_PROBE VALUES (1, '避孕药具')");
            PlatformBackup.backup(c, work.resolve("backup/2026-07-15"));
            // written after the backup: not in it
            s.execute("INSERT INTO WH_PROBE VALUES (2, 'later')");
        }
        Path backup = work.resolve("backup/2026-07-15/renkou");
        assertTrue(Files.isDirectory(backup), "Derby writes the backup into a folder named as the database");

        Path copy = work.resolve("restored");
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + copy + ";restoreFrom=" + backup);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*), MAX(TEXT) FROM WH_PROBE")) {
            r.next();
            assertEquals(1, r.getInt(1));
            assertEquals("避孕药具", r.getString(2));
        }
        shutdown(live);
        shutdown(copy);
    }

    @Test
    void onlyAPlatformAdministratorBacksUpAndTheBackupIsAudited() {
        try (TestDatabase db = new TestDatabase()) {
            PlatformBackup backups = new PlatformBackup(db.database, db.folder.resolveSibling("backups-" + UUID.randomUUID()));
            Caller community = new Caller("chief", Set.of(Role.ADMIN), Set.of("440606"));
            RenkouException refused = assertThrows(RenkouException.class, () -> backups.backup(community));
            assertEquals(RenkouException.Kind.FORBIDDEN, refused.kind());
            Path copy = backups.backup(Caller.SYSTEM);
            assertTrue(Files.exists(copy.resolve("service.properties")), "a whole Derby database: " + copy);
            assertTrue(!copy.getParent().equals(backups.backup(Caller.SYSTEM).getParent()), "a second one on the same day");
            long audited = db.database.read(em -> em.createQuery("SELECT COUNT(a) FROM AuditEntryEntity a WHERE "
                    + "a.entityType = 'backup' AND a.actor = 'system'", Long.class).getSingleResult());
            assertEquals(2, audited);
        }
    }

    private static void shutdown(Path db) {
        try {
            DriverManager.getConnection("jdbc:derby:" + db + ";shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as an exception (08006)
        }
    }
}
