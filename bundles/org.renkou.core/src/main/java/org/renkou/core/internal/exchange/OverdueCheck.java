package org.renkou.core.internal.exchange;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.cluster.ClusterJobs;
import org.renkou.core.api.exchange.ExchangeService;
import org.renkou.core.internal.db.QuietShutdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled overdue check (逾期督办): every {@code checkIntervalSeconds} (PID {@value ExchangeDeadlines#PID})
 * escalates unanswered exchange messages past their due date. Reads compute the overdue state themselves; this
 * check leaves the escalation record that the supervising office works from. Runs on the job leader only
 * ({@link ClusterJobs}, job {@value #JOB}).
 */
@Component(service = OverdueCheck.class, immediate = true, configurationPid = ExchangeDeadlines.PID)
public class OverdueCheck {
    static final String JOB = "exchange-overdue";
    private static final Logger LOG = LoggerFactory.getLogger(OverdueCheck.class);

    private final ExchangeService exchange;
    private final ClusterJobs jobs;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "renkou-exchange-overdue");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> task;

    @Activate
    public OverdueCheck(@Reference ExchangeService exchange, @Reference ClusterJobs jobs,
            ExchangeDeadlines.Config config) {
        this.exchange = exchange;
        this.jobs = jobs;
        schedule(config);
    }

    @Modified
    synchronized void schedule(ExchangeDeadlines.Config config) {
        if (task != null) {
            task.cancel(false);
        }
        long seconds = Math.max(1, config.checkIntervalSeconds());
        task = executor.scheduleWithFixedDelay(this::run, Math.min(seconds, 60), seconds, TimeUnit.SECONDS);
    }

    void run() {
        try {
            jobs.runIfLeader(JOB, () -> {
                int n = exchange.escalateOverdue(Caller.SYSTEM);
                if (n > 0) {
                    LOG.info("Escalated {} overdue exchange message(s)", n);
                }
            });
        } catch (RuntimeException e) {
            // the database may still be starting, or another node escalated first: the next run retries
            LOG.warn("Overdue check failed: {}", e.toString());
        }
    }

    @Deactivate
    void stop() {
        QuietShutdown.stop(executor, "renkou-overdue-check", 10);
    }
}
