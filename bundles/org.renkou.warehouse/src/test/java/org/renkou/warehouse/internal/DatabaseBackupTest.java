package org.renkou.warehouse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.renkou.core.api.backup.BackupService;
import org.renkou.core.api.cluster.ClusterJobs;

/** The daily backup runs on the job leader only: one backup a day however many nodes share the database. */
class DatabaseBackupTest {

    @Test
    void theDailyBackupRunsOnTheLeaderOnly() {
        AtomicInteger backups = new AtomicInteger();
        BackupService service = caller -> {
            backups.incrementAndGet();
            return Path.of("backup", "2026-12-03", "renkou");
        };
        DatabaseBackup onLeader = new DatabaseBackup(service, jobs(true), notScheduled());
        DatabaseBackup onOther = new DatabaseBackup(service, jobs(false), notScheduled());
        try {
            onLeader.scheduled();
            onOther.scheduled();
            assertEquals(1, backups.get(), "once across the two nodes");
            onOther.backupNow(); // asked for over HTTP: runs where asked
            assertEquals(2, backups.get());
        } finally {
            onLeader.stop();
            onOther.stop();
        }
    }

    private static ClusterJobs jobs(boolean leads) {
        return new ClusterJobs() {
            @Override
            public boolean runIfLeader(String jobName, Runnable job) {
                assertEquals(DatabaseBackup.JOB, jobName);
                if (leads) {
                    job.run();
                }
                return leads;
            }

            @Override
            public boolean leads() {
                return leads;
            }
        };
    }

    /** The configuration with the timer off: the test calls the scheduled run itself. */
    private static DatabaseBackup.Config notScheduled() {
        return new DatabaseBackup.Config() {
            @Override
            public int hour() {
                return 2;
            }

            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return DatabaseBackup.Config.class;
            }
        };
    }
}
