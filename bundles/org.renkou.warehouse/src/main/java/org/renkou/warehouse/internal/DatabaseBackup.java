package org.renkou.warehouse.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.RenkouException;
import org.renkou.module.api.contribution.JobContribution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily backup the procedures ask of a computerised warehouse (若实行微机管理，需每日备份): Derby's online backup
 * ({@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}) of the whole database into {@code RENKOU_HOME/backup/<date>}, while
 * the platform keeps running. Restore: start Derby on an empty folder with
 * {@code jdbc:derby:<folder>;restoreFrom=<backup>/<date>/renkou} (README, "Warehouse").
 */
@Component(service = DatabaseBackup.class, configurationPid = "org.renkou.warehouse.backup",
        property = Warehouse.CONDITION)
@JobContribution(id = "warehouse-backup", name_zh = "每日数据库备份", name_en = "Daily database backup")
@Designate(ocd = DatabaseBackup.Config.class)
public class DatabaseBackup {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackup.class);

    @ObjectClassDefinition(name = "Renkou warehouse: daily backup")
    public @interface Config {
        @AttributeDefinition(description = "Hour of the day (China time) the daily backup runs")
        int hour() default 2;

        @AttributeDefinition(description = "false: no scheduled backup (POST /api/warehouse/backup still works)")
        boolean enabled() default true;
    }

    private final WarehouseDatabase db;
    private final Path folder;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "renkou-warehouse-backup");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public DatabaseBackup(@Reference WarehouseDatabase db, BundleContext ctx, Config config) {
        this.db = db;
        String home = ctx.getProperty("renkou.home");
        this.folder = Path.of(home == null ? "." : home, "backup");
        if (config.enabled()) {
            LocalDateTime now = LocalDateTime.now(ChinaTime.ZONE);
            LocalDateTime next = now.toLocalDate().atTime(Math.floorMod(config.hour(), 24), 0);
            if (!next.isAfter(now)) {
                next = next.plusDays(1);
            }
            scheduler.scheduleAtFixedRate(this::scheduled, Duration.between(now, next).toMinutes(),
                    TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
        }
    }

    @Deactivate
    void stop() {
        // no interrupt: one inside Derby's file I/O closes the database's files and hangs its shutdown
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void scheduled() {
        try {
            LOG.info("Daily backup written to {}", backupNow());
        } catch (RuntimeException e) {
            LOG.error("Daily backup failed: {}", e.toString(), e);
        }
    }

    /** Backs up the database now; the folder written (a second backup on one day gets the time appended). */
    public Path backupNow() {
        LocalDateTime now = LocalDateTime.now(ChinaTime.ZONE);
        Path target = folder.resolve(now.toLocalDate().toString());
        if (Files.exists(target)) {
            target = folder.resolve(now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss")));
        }
        Path into = target;
        db.tx(em -> {
            backup(em.unwrap(Connection.class), into);
            return null;
        });
        return into;
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
