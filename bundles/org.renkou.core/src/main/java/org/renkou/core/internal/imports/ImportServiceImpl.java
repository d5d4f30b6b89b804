package org.renkou.core.internal.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.Role;
import org.renkou.core.api.CitizenId;
import org.renkou.core.api.imports.ImportConversionDTO;
import org.renkou.core.api.imports.ImportErrorDTO;
import org.renkou.core.api.imports.ImportJobDTO;
import org.renkou.core.api.imports.ImportService;
import org.renkou.core.api.imports.ImportState;
import org.renkou.core.api.metrics.MetricSource;
import org.renkou.core.api.metrics.MetricsWriter;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.resident.ResidentServiceImpl;
import org.renkou.core.internal.stats.ResidentsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk imports on the core persistence unit: checks the file up front, then runs a {@link ResidentImporter} on a
 * thread of its own per job. Jobs left RUNNING by a crash are marked FAILED when the service starts again. Its
 * metrics: rows committed on this node since it started, and the running jobs' rows per second.
 */
@Component(service = {ImportService.class, MetricSource.class})
public class ImportServiceImpl implements ImportService, MetricSource {
    static final String INTERRUPTED_ZH = "导入被中断（平台停止或重启），已提交的批次保留；重新导入同一文件会跳过已导入的居民。";
    static final String INTERRUPTED_EN = "Interrupted (the platform stopped or restarted); committed batches stay, "
            + "importing the same file again skips the residents already in.";
    private static final Logger LOG = LoggerFactory.getLogger(ImportServiceImpl.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int LIST_LIMIT = 100;

    private final Database db;
    private final LocalDateTime activatedAt = LocalDateTime.now(ZoneOffset.UTC);
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    /** Rows of committed batches on this node, and of those the residents added (metrics). */
    private final LongAdder rowsProcessed = new LongAdder();
    private final LongAdder rowsImported = new LongAdder();
    /** Rows committed so far per running job, with its start (the rate in the metrics). */
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    private record Running(long startNanos, LongAdder rows) {
    }
    /** The statistics snapshot, refreshed when a job ends rather than at its next scheduled time. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ResidentsChanged residentsChanged;

    @Activate
    public ImportServiceImpl(@Reference CoreDatabase database) {
        this(database.database());
    }

    ImportServiceImpl(Database db) {
        this.db = db;
        db.whenReady().thenRunAsync(this::failInterruptedJobs);
    }

    /** Lets running jobs finish their batch in flight, then marks them FAILED (interrupted). */
    @Deactivate
    void stop() {
        stopping = true;
        for (Thread t : workers) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public ImportJobDTO start(Caller caller, Path upload, String charset) {
        boolean handedOver = false;
        Path csv = upload;
        try {
            caller.require("批量导入居民", "import residents", Role.PEOPLE_WRITERS);
            if (XlsxToCsv.isXlsx(upload)) {
                csv = upload.resolveSibling(upload.getFileName() + ".csv");
                XlsxToCsv.convert(upload, csv);
                delete(upload);
                charset = StandardCharsets.UTF_8.name();
            }
            CsvFile file = CsvFile.open(csv, charset);
            ResidentImporter.header(file);
            ImportJobEntity job = new ImportJobEntity();
            job.id = "imp-" + LocalDateTime.now(ChinaTime.ZONE).format(ID_TIME) + "-"
                    + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000));
            job.actor = caller.username();
            job.state = ImportState.RUNNING;
            job.charset = file.charset().name();
            job.totalRows = file.rows();
            job.startedAt = LocalDateTime.now(ZoneOffset.UTC);
            db.tx(em -> {
                em.persist(job);
                return null;
            });
            Thread t = new Thread(() -> run(caller, job.id, file), "renkou-import-" + job.id);
            t.setDaemon(true);
            workers.add(t);
            t.start();
            handedOver = true;
            LOG.info("Import {} started by {}: {} rows, {}", job.id, caller.username(), file.rows(), file.charset());
            return toDTO(job, List.of());
        } catch (IOException e) {
            throw new IllegalStateException("could not read the uploaded file: " + e.getMessage(), e);
        } finally {
            if (!handedOver) {
                delete(upload);
                delete(csv);
            }
        }
    }

    private void run(Caller caller, String jobId, CsvFile file) {
        long start = System.nanoTime();
        Running progress = new Running(start, new LongAdder());
        running.put(jobId, progress);
        ResidentImporter importer = new ResidentImporter(db, caller, jobId, file, () -> stopping, (rows, added) -> {
            progress.rows().add(rows);
            rowsProcessed.add(rows);
            rowsImported.add(added);
        });
        try {
            importer.run();
            if (stopping) {
                importer.finish(ImportState.FAILED, INTERRUPTED_ZH + " / " + INTERRUPTED_EN);
                LOG.warn("Import {} interrupted by shutdown after {} rows", jobId, importer.processed());
            } else {
                importer.finish(ImportState.DONE, null);
                LOG.info("Import {} done: {} rows in {} ms", jobId, importer.processed(),
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Import {} failed after {} rows: {}", jobId, importer.processed(), e.toString(), e);
            try {
                importer.finish(ImportState.FAILED, "导入失败 / import failed: " + e.getMessage());
            } catch (RuntimeException again) {
                LOG.error("Import {}: could not record the failure: {}", jobId, again.toString());
            }
        } finally {
            running.remove(jobId);
            delete(file.path());
            workers.remove(Thread.currentThread());
            ResidentsChanged listener = residentsChanged;
            if (listener != null && importer.processed() > 0) {
                listener.residentsChanged("IMPORT"); // committed batches count even when the job failed later
            }
        }
    }

    @Override
    public void write(MetricsWriter out) {
        out.counter("renkou_import_rows_total", "Rows of committed import batches on this node since it started")
                .sample("renkou_import_rows_total", rowsProcessed.sum());
        out.counter("renkou_import_residents_added_total",
                "Residents added by imports on this node since it started (rows less skipped and rejected ones)")
                .sample("renkou_import_residents_added_total", rowsImported.sum());
        out.gauge("renkou_import_running", "Import jobs running on this node").sample("renkou_import_running",
                running.size());
        long now = System.nanoTime();
        double rate = 0;
        for (Running r : running.values()) {
            double seconds = (now - r.startNanos()) / 1e9;
            rate += seconds <= 0 ? 0 : r.rows().sum() / seconds;
        }
        out.gauge("renkou_import_rows_per_second", "Rows per second of the running imports on this node, since each "
                + "started (0 when none runs)").sample("renkou_import_rows_per_second", Math.round(rate));
    }

    /** Jobs still RUNNING from before this start were cut off by a crash or kill. */
    void failInterruptedJobs() {
        try {
            int n = db.tx(em -> em.createQuery("UPDATE ImportJobEntity j SET j.state = :failed, j.finishedAt = :now, "
                    + "j.message = :msg WHERE j.state = :running AND j.startedAt < :since")
                    .setParameter("failed", ImportState.FAILED).setParameter("running", ImportState.RUNNING)
                    .setParameter("now", LocalDateTime.now(ZoneOffset.UTC)).setParameter("since", activatedAt)
                    .setParameter("msg", INTERRUPTED_ZH + " / " + INTERRUPTED_EN).executeUpdate());
            if (n > 0) {
                LOG.warn("Marked {} import job(s) interrupted by the last stop as FAILED", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not check for interrupted import jobs: {}", e.toString());
        }
    }

    @Override
    public Optional<ImportJobDTO> find(Caller caller, String id) {
        if (id == null) {
            return Optional.empty();
        }
        return db.read(em -> {
            ImportJobEntity job = em.find(ImportJobEntity.class, id);
            if (job == null || !visible(caller, job)) {
                return Optional.empty();
            }
            ImportJobDTO d = toDTO(job, errors(em, id));
            d.conversions.addAll(conversions(em, id));
            return Optional.of(d);
        });
    }

    @Override
    public List<ImportJobDTO> list(Caller caller) {
        return db.read(em -> {
            boolean all = caller.scopePrefixes().contains("");
            var q = em.createNamedQuery(all ? ImportJobEntity.RECENT : ImportJobEntity.RECENT_BY_ACTOR,
                    ImportJobEntity.class).setMaxResults(LIST_LIMIT);
            if (!all) {
                q.setParameter("actor", caller.username());
            }
            return q.getResultList().stream().map(j -> toDTO(j, List.of())).toList();
        });
    }

    /** A caller sees their own jobs; one covering the whole country sees all. */
    private static boolean visible(Caller caller, ImportJobEntity job) {
        return caller.scopePrefixes().contains("") || caller.username().equals(job.actor);
    }

    private static List<ImportErrorDTO> errors(EntityManager em, String id) {
        return em.createNamedQuery(ImportErrorEntity.BY_JOB, ImportErrorEntity.class).setParameter("job", id)
                .setMaxResults(MAX_ERRORS_SHOWN).getResultList().stream()
                .map(e -> new ImportErrorDTO(e.line, e.field, e.message, e.messageEn)).toList();
    }

    /** The first 15-digit conversions of the job, in line order, masked as in lists. */
    private static List<ImportConversionDTO> conversions(EntityManager em, String id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT LINE_NO, FROM_ID, TO_ID FROM IMPORT_CONVERSION "
                + "WHERE JOB_ID = ? ORDER BY LINE_NO").setParameter(1, id).setMaxResults(MAX_ERRORS_SHOWN)
                .getResultList();
        return rows.stream().map(r -> new ImportConversionDTO(((Number) r[0]).longValue(),
                CitizenId.mask((String) r[1]), CitizenId.mask((String) r[2]))).toList();
    }

    static ImportJobDTO toDTO(ImportJobEntity j, List<ImportErrorDTO> errors) {
        ImportJobDTO d = new ImportJobDTO();
        d.id = j.id;
        d.state = j.state;
        d.actor = j.actor;
        d.charset = j.charset;
        d.totalRows = j.totalRows;
        d.processedRows = j.processedRows;
        d.importedRows = j.importedRows;
        d.skippedExisting = j.skippedExisting;
        d.errorRows = j.errorRows;
        d.convertedIds = j.convertedIds;
        d.startedAt = j.startedAt.toInstant(ZoneOffset.UTC);
        d.finishedAt = j.finishedAt == null ? null : j.finishedAt.toInstant(ZoneOffset.UTC);
        LocalDateTime end = j.finishedAt != null ? j.finishedAt : LocalDateTime.now(ZoneOffset.UTC);
        double seconds = Duration.between(j.startedAt, end).toMillis() / 1000.0;
        d.rowsPerSecond = seconds <= 0 ? 0 : Math.round(j.processedRows / seconds);
        d.percent = j.state == ImportState.DONE || j.totalRows == 0 ? 100
                : Math.min(100, Math.floor(j.processedRows * 1000.0 / j.totalRows) / 10);
        d.message = j.message;
        d.errors.addAll(errors);
        return d;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.toString());
        }
    }
}
