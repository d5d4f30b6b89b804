package org.renkou.core.api.cluster;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Scheduled jobs (定时任务) that run once across the cluster: a job keeps its own timer on every node and hands each
 * run to {@link #runIfLeader}, which runs it only on the job leader. On PostgreSQL the leader is the node holding
 * the platform's advisory lock; when it dies another node takes the lock within seconds and runs the next turns. On
 * embedded Derby the one node always leads. Work a user asked for (an administrator's "refresh now", a backup
 * requested over HTTP) runs where it was asked, not through this service.
 *
 * <pre>{@code
 * timer.scheduleAtFixedRate(() -> jobs.runIfLeader("warehouse-backup", this::backup), delay, 1, TimeUnit.DAYS);
 * }</pre>
 */
@ProviderType
public interface ClusterJobs {

    /**
     * Runs {@code job} on the calling thread if this node leads the scheduled jobs now, and counts the run under
     * {@code jobName} ({@code /api/health} shows the counts per node). What the job throws reaches the caller.
     *
     * @param jobName the job's id, as in its {@code @JobContribution} (e.g. {@code warehouse-backup})
     * @return whether the job ran here
     */
    boolean runIfLeader(String jobName, Runnable job);

    /** Whether this node runs the scheduled jobs now (it may change at any time: a leader can die). */
    boolean leads();
}
