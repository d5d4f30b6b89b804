package org.renkou.core.internal.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.cluster.ClusterJobs;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.db.QuietShutdown;
import org.renkou.core.internal.replica.ReadDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the statistics snapshot (统计快照) fresh and at hand: builds one when the database is ready, every
 * {@code refreshMinutes}, after an import ({@link ResidentsChanged}) and on an administrator's request, one at a
 * time on a thread of its own; requests asking meanwhile share the next build. Holds the current snapshot in memory
 * and reloads it when the database names another one as current (a refresh here or on another node). The routine
 * builds (at start and on the timer: job {@value #JOB}) run on the job leader only ({@link ClusterJobs}), so several
 * nodes build one snapshot, not one each; an import or an administrator's request builds on the node asked.
 */
@Component(service = {StatisticsSnapshots.class, ResidentsChanged.class}, immediate = true,
        configurationPid = StatisticsSnapshots.PID)
@Designate(ocd = StatisticsSnapshots.Config.class)
public class StatisticsSnapshots implements ResidentsChanged {
    public static final String PID = "org.renkou.core.statistics";
    /** The job's name in {@link ClusterJobs} and {@code /api/health}. */
    static final String JOB = "statistics";
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsSnapshots.class);
    /** Triggers that skip the build when nothing changed; an import or an administrator's request always builds. */
    private static final Set<String> ROUTINE = Set.of("START", "SCHEDULE");
    static final Duration UNCHANGED_MAX_AGE = Duration.ofHours(1);

    @ObjectClassDefinition(name = "Renkou statistics", description = "Statistics snapshot (统计快照) refresh")
    public @interface Config {
        @AttributeDefinition(description = "Minutes between scheduled refreshes of the statistics snapshot")
        int refreshMinutes() default 5;
    }

    private final Database db;
    private final SnapshotStore store;
    private final Clock clock;
    private final ClusterJobs jobs;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> daemon(r, "renkou-statistics"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "renkou-statistics-timer"));
    private ScheduledFuture<?> scheduled;
    /** The build asked for and not started yet; later requests join it. Guarded by {@code this}. */
    private CompletableFuture<Long> queued;
    private volatile boolean building;
    private volatile Snapshot loaded;
    private final Object loading = new Object();

    @Activate
    public StatisticsSnapshots(@Reference CoreDatabase database, @Reference ClusterJobs jobs,
            @Reference ReadDatabase reads, Config config) {
        this(database.database(), Clock.systemUTC(), jobs, reads);
        db.whenReady().thenRun(() -> routine("START"));
        schedule(config);
    }

    /** For tests. Not public: SCR considers every public constructor with the activation constructor's arity. */
    StatisticsSnapshots(Database db, Clock clock, ClusterJobs jobs) {
        this(db, clock, jobs, ReadDatabase.onPrimary(db));
    }

    private StatisticsSnapshots(Database db, Clock clock, ClusterJobs jobs, ReadDatabase reads) {
        this.db = db;
        this.store = new SnapshotStore(db, reads);
        this.clock = clock;
        this.jobs = jobs;
    }

    @Modified
    synchronized void schedule(Config config) {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        long minutes = Math.max(1, config.refreshMinutes());
        scheduled = timer.scheduleWithFixedDelay(() -> routine("SCHEDULE"), minutes, minutes, TimeUnit.MINUTES);
    }

    @Deactivate
    void stop() {
        QuietShutdown.stop(timer, "renkou-statistics-timer", 1);
        QuietShutdown.stop(builder, "renkou-statistics", 30);
    }

    @Override
    public void residentsChanged(String trigger) {
        request(trigger);
    }

    /** A routine build ({@link #ROUTINE}) if this node leads the scheduled jobs, as {@link #request}; else null. */
    CompletableFuture<Long> routine(String trigger) {
        AtomicReference<CompletableFuture<Long>> asked = new AtomicReference<>();
        jobs.runIfLeader(JOB, () -> asked.set(request(trigger)));
        return asked.get();
    }

    /** A build that starts after this call (joining one queued but not started); completes with its id. */
    public synchronized CompletableFuture<Long> request(String trigger) {
        if (queued != null) {
            return queued;
        }
        CompletableFuture<Long> next = new CompletableFuture<>();
        queued = next;
        try {
            builder.execute(() -> run(trigger));
        } catch (RuntimeException e) { // shutting down
            queued = null;
            next.completeExceptionally(e);
        }
        return next;
    }

    private void run(String trigger) {
        CompletableFuture<Long> mine;
        synchronized (this) {
            mine = queued;
            queued = null;
        }
        building = true;
        try {
            Instant asOf = clock.instant();
            LocalDate asOfDate = LocalDate.ofInstant(asOf, ChinaTime.ZONE);
            if (ROUTINE.contains(trigger)) {
                Optional<Snapshot> now = current();
                if (now.isPresent() && stillExact(now.get(), asOf, asOfDate)) {
                    mine.complete(now.get().id);
                    return;
                }
            }
            Snapshot built = store.build(trigger, asOf, asOfDate);
            synchronized (loading) {
                loaded = built; // this node need not read back what it just wrote
            }
            mine.complete(built.id);
        } catch (RuntimeException e) {
            // the database may be starting or stopping; the next request or the schedule tries again
            LOG.warn("Statistics snapshot ({}) failed: {}", trigger, e.toString());
            mine.completeExceptionally(e);
        } finally {
            building = false;
        }
    }

    /**
     * Whether a snapshot still counts what a new one would: no change audited since its counting began (every change
     * to the data counted writes an audit entry; reads and refusals do not count), the same day (ages move with the
     * date), and at most {@link #UNCHANGED_MAX_AGE} old — the bound for a change whose audit entry got its id before
     * the mark was read but committed after it.
     */
    private boolean stillExact(Snapshot s, Instant asOf, LocalDate asOfDate) {
        return s.auditMark != null && s.asOfDate.equals(asOfDate) && s.asOf.plus(UNCHANGED_MAX_AGE).isAfter(asOf)
                && !store.changedSince(s.auditMark);
    }

    /** Whether a build is running or queued. */
    public boolean refreshing() {
        synchronized (this) {
            if (queued != null) {
                return true;
            }
        }
        return building;
    }

    /**
     * The current snapshot, loaded into memory once per snapshot; empty before the first one exists. Costs one
     * indexed lookup per call while nothing changed.
     */
    public Optional<Snapshot> current() {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Long> id = store.currentId();
            if (id.isEmpty()) {
                return Optional.empty();
            }
            Snapshot s = loaded;
            if (s != null && s.id == id.get()) {
                return Optional.of(s);
            }
            synchronized (loading) { // one loader at a time; the others then find it loaded
                s = loaded;
                if (s != null && s.id == id.get()) {
                    return Optional.of(s);
                }
                Optional<Snapshot> fresh = store.load(id.get());
                if (fresh.isPresent()) {
                    loaded = fresh.get();
                    return fresh;
                }
            }
            // pruned between the lookup and the load: another node swapped again; look once more
        }
        return Optional.ofNullable(loaded);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
