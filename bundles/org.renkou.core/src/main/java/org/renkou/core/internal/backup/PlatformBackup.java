package org.renkou.core.internal.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.backup.BackupService;
import org.renkou.core.api.cluster.FileStore;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BackupService} on the core's unit (all units share the one database, so this copies every module's tables
 * too), and the console command {@code renkou:backup} (audited as user {@code shell}). Serialised: Derby runs one
 * backup at a time anyway. Backups go to {@code backup/} of the shared folder ({@link FileStore}); those written
 * before it existed stay in {@code $RENKOU_HOME/backup}, where the start-up log points to them (nothing reads a
 * backup back but a person restoring it).
 */
@Component(service = {BackupService.class, PlatformBackup.class}, property = {
    "osgi.command.scope=renkou",
    "osgi.command.function=backup"
})
public class PlatformBackup implements BackupService {
    static final String TYPE = "backup";
    private static final Caller SHELL = new Caller("shell", Set.of(Role.ADMIN), Set.of(""));
    private static final Logger LOG = LoggerFactory.getLogger(PlatformBackup.class);

    private final Database db;
    private final Path folder;

    @Activate
    public PlatformBackup(@Reference CoreDatabase database, @Reference FileStore files, BundleContext context) {
        this(database.database(), files.root().resolve("backup"));
        String home = context.getProperty("renkou.home");
        Path earlier = Path.of(home == null ? "." : home, "backup").toAbsolutePath().normalize();
        if (!earlier.equals(folder) && Files.isDirectory(earlier)) {
            LOG.info("Backups go to {}; earlier ones stay in {}", folder, earlier);
        }
    }

    PlatformBackup(Database db, Path folder) {
        this.db = db;
        this.folder = folder;
    }

    @Override
    public synchronized Path backup(Caller caller) {
        caller.requirePlatformAdmin("备份整个平台的数据库", "back up the platform's database");
        LocalDateTime now = LocalDateTime.now(ChinaTime.ZONE);
        Path target = folder.resolve(now.toLocalDate().toString());
        if (Files.exists(target)) {
            target = folder.resolve(now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss.SSS")));
        }
        Path into = target;
        db.tx(em -> {
            backup(em.unwrap(Connection.class), into);
            return null;
        });
        Path copy = databaseFolder(into);
        db.tx(em -> {
            AuditLog.write(em, caller, AuditAction.CREATE, TYPE, into.getFileName().toString(), null,
                    "{\"folder\":\"" + copy.toString().replace("\\", "/").replace("\"", "") + "\"}", null);
            return null;
        });
        LOG.info("Database backed up into {} by {}", copy, caller.username());
        return copy;
    }

    /** The folder Derby wrote into {@code into}: named as the database's own ({@code renkou} in a home). */
    private static Path databaseFolder(Path into) {
        try (java.util.stream.Stream<Path> files = Files.list(into)) {
            return files.filter(Files::isDirectory).findFirst().orElse(into.resolve("renkou"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code renkou:backup}: backs up now and prints the folder. */
    public String backup() {
        try {
            return "备份完成 / backed up: " + backup(SHELL);
        } catch (RenkouException e) {
            return e.messageZh() + "\n" + e.messageEn();
        }
    }

    /** Derby's online backup of the database behind {@code c} into {@code target} (a folder named as the database). */
    static void backup(Connection c, Path target) {
        try {
            if (!c.getMetaData().getDatabaseProductName().contains("Derby")) {
                // a database server (PostgreSQL) is backed up by its own tools, not by one of its clients
                throw RenkouException.unavailable("数据库服务器请用其自身工具备份（pg_basebackup / pg_dump），见运维文档。",
                        "A database server is backed up with its own tools (pg_basebackup, pg_dump): see operations.md.");
            }
            Files.createDirectories(target);
            try (CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, target.toAbsolutePath().toString());
                call.execute();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            LOG.error("Backup into {} failed", target, e);
            throw RenkouException.unavailable("数据库备份失败：" + e.getMessage(), "The backup failed: " + e.getMessage());
        }
    }
}
