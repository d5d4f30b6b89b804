package org.renkou.warehouse.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.backup.BackupService;
import org.renkou.core.api.cluster.ClusterJobs;
import org.renkou.module.api.contribution.JobContribution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily backup the procedures ask of a computerised warehouse (若实行微机管理，需每日备份): the platform's online
 * backup ({@link BackupService}) of the whole database into {@code RENKOU_FILES/backup/<date>/renkou}, while the
 * platform keeps running; on the job leader only ({@link ClusterJobs}), so one backup a day however many nodes.
 * Restore: operations guide, "Backups".
 */
@Component(service = DatabaseBackup.class, configurationPid = "org.renkou.warehouse.backup",
        property = Warehouse.CONDITION)
@JobContribution(id = DatabaseBackup.JOB, name_zh = "每日数据库备份", name_en = "Daily database backup")
@Designate(ocd = DatabaseBackup.Config.class)
public class DatabaseBackup {
    static final String JOB = "warehouse-backup";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackup.class);

    @ObjectClassDefinition(name = "Renkou warehouse: daily backup")
    public @interface Config {
        @AttributeDefinition(description = "Hour of the day (China time) the daily backup runs")
        int hour() default 2;

        @AttributeDefinition(description = "false: no scheduled backup (POST /api/warehouse/backup still works)")
        boolean enabled() default true;
    }

    private final BackupService backups;
    private final ClusterJobs jobs;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "renkou-warehouse-backup");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public DatabaseBackup(@Reference BackupService backups, @Reference ClusterJobs jobs, Config config) {
        this.backups = backups;
        this.jobs = jobs;
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

    void scheduled() {
        try {
            jobs.runIfLeader(JOB, () -> LOG.info("Daily backup written to {}", backupNow()));
        } catch (RuntimeException e) {
            LOG.error("Daily backup failed: {}", e.toString(), e);
        }
    }

    /** Backs up the whole database now (the platform's backup, as the system); the folder written. */
    public Path backupNow() {
        return backups.backup(Caller.SYSTEM);
    }
}
