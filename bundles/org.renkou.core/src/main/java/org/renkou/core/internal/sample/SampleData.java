package org.renkou.core.internal.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.benefit.BenefitApplicationService;
import org.renkou.core.api.certificate.CertificateService;
import org.renkou.core.api.imports.ImportService;
import org.renkou.core.api.migrant.MigrantService;
import org.renkou.core.api.registration.BirthService;
import org.renkou.core.api.registration.MarriageService;
import org.renkou.core.api.resident.ResidentService;
import org.renkou.core.api.sample.SampleData.Mode;
import org.renkou.core.api.jurisdiction.JurisdictionDTO;
import org.renkou.core.api.jurisdiction.JurisdictionService;
import org.renkou.core.internal.benefit.BenefitApplicationServiceImpl;
import org.renkou.core.internal.benefit.BenefitSchemes;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.exchange.ExchangeDeadlines;
import org.renkou.core.internal.exchange.ExchangeServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sample data for a new installation, so that it has something to show. The framework property
 * {@code renkou.sampleData} (the launcher sets it from {@code RENKOU_SAMPLE_DATA}) chooses how much:
 * <ul>
 * <li>{@code living} (the launcher's default; {@code true} too): the jurisdiction tree and the {@link LivingSample
 * living sample} of residents, families, applications, migrants and messages;</li>
 * <li>{@code jurisdictions} (what a framework without the property gets, e.g. the integration tests): the tree only;</li>
 * <li>{@code false}: nothing.</li>
 * </ul>
 * Only into an empty database: a database that has jurisdictions already gets nothing, so a second start never loads
 * anything again. Once it has loaded, it registers the API's {@link org.renkou.core.api.sample.SampleData} service
 * (property {@code renkou.sample.mode}), through which optional modules add their own sample parts. Names below county level are marked 示例 (sample): they are not real places, nor real people.
 */
@Component
public class SampleData {
    static final String RESOURCE = "sample/jurisdictions.tsv";
    /** How long the living sample waits for the Guangdong module's certificate types and schemes. */
    private static final long PROVINCE_WAIT_MILLIS = 120_000;
    private static final Logger LOG = LoggerFactory.getLogger(SampleData.class);
    /** The living sample's communities, where a module's sample part belongs (示例一社区 first). */
    static final List<String> COMMUNITIES = List.of("440606901001", "440606901002");
    private Thread loader;
    private ServiceRegistration<org.renkou.core.api.sample.SampleData> registration;
    private boolean stopped;

    /** The value of {@code renkou.sampleData}: blank is {@link Mode#JURISDICTIONS}, an unknown value too (with a warning). */
    public static Mode mode(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
        switch (v) {
            case "living":
            case "true":
                return Mode.LIVING;
            case "false":
            case "none":
                return Mode.NONE;
            case "":
            case "jurisdictions":
                return Mode.JURISDICTIONS;
            default:
                LOG.warn("renkou.sampleData={} is not living, jurisdictions or false: loading the jurisdictions only",
                        value);
                return Mode.JURISDICTIONS;
        }
    }

    /** What the API service says: the mode loaded and the communities of the living sample's people. */
    record Loaded(Mode mode, List<String> communities) implements org.renkou.core.api.sample.SampleData {
    }

    @Activate
    public SampleData(@Reference CoreDatabase database, @Reference JurisdictionService jurisdictions,
            @Reference ResidentService residents, @Reference ImportService imports,
            @Reference MarriageService marriages, @Reference BirthService births,
            @Reference CertificateService certificates, @Reference BenefitApplicationService benefits,
            @Reference MigrantService migrants, @Reference ExchangeDeadlines deadlines,
            @Reference BenefitSchemes schemes, BundleContext context) {
        Mode mode = mode(context.getProperty("renkou.sampleData"));
        if (mode == Mode.NONE) {
            return;
        }
        LivingSample.Services services = new LivingSample.Services(residents, imports, marriages, births,
                certificates, benefits, migrants,
                clock -> ExchangeServiceImpl.at(database.database(), deadlines, clock),
                clock -> BenefitApplicationServiceImpl.at(database.database(), schemes, clock));
        // its own thread: the living sample may wait for the province module, and the common pool has one thread here
        loader = new Thread(() -> {
            try {
                database.database().whenReady().join();
            } catch (RuntimeException e) {
                return; // the database did not open: Database has said why
            }
            boolean empty = residents.count() == 0 && loadIfEmpty(jurisdictions);
            if (!empty) {
                LOG.info("Sample data not loaded: the database has data already");
                return;
            }
            if (mode == Mode.LIVING) {
                loadLiving(services);
            }
            // the hook for the modules' sample parts: only now, with the core's part in
            Loaded loaded = new Loaded(mode, mode == Mode.LIVING ? COMMUNITIES : List.of());
            synchronized (this) {
                if (!stopped) {
                    registration = context.registerService(org.renkou.core.api.sample.SampleData.class, loaded,
                            new Hashtable<>(Map.of(org.renkou.core.api.sample.SampleData.MODE, mode.property())));
                }
            }
        }, "renkou-sample-data");
        loader.setDaemon(true);
        loader.start();
    }

    /** A stop while the living sample waits for the province module ends the wait. */
    @Deactivate
    void deactivate() {
        if (loader != null) {
            loader.interrupt();
        }
        synchronized (this) {
            stopped = true;
            if (registration != null) {
                registration.unregister();
                registration = null;
            }
        }
    }

    /** The jurisdiction tree into a database without jurisdictions; whether it was loaded. */
    public static boolean loadIfEmpty(JurisdictionService jurisdictions) {
        try {
            if (jurisdictions.count() > 0) {
                return false;
            }
            List<JurisdictionDTO> rows = read();
            for (JurisdictionDTO row : rows) {
                jurisdictions.create(row);
            }
            LOG.info("Loaded {} sample jurisdictions", rows.size());
            return true;
        } catch (RuntimeException | IOException e) {
            LOG.warn("Sample jurisdictions not loaded: {}", e.toString());
            return false;
        }
    }

    /** The living sample, once the Guangdong module is there (or it has been waited for long enough). */
    static void loadLiving(LivingSample.Services s) {
        try {
            long end = System.currentTimeMillis() + PROVINCE_WAIT_MILLIS;
            boolean ready = provinceReady(s);
            while (!ready && System.currentTimeMillis() < end) {
                Thread.sleep(500);
                ready = provinceReady(s);
            }
            new LivingSample(s, ChinaTime.today(ChinaTime.clock())).load(ready);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            LOG.warn("Living sample not (fully) loaded: {}", e.toString(), e);
        }
    }

    static boolean provinceReady(LivingSample.Services s) {
        return s.certificates().types().stream().anyMatch(t -> LivingSample.BIRTH_VOUCHER.equals(t.key))
                && s.benefits().schemes("44").stream().anyMatch(b -> LivingSample.CHILDCARE.equals(b.id));
    }

    /** Reads the tab-separated sample file: code, level, parent code (or -), name; parents first. */
    public static List<JurisdictionDTO> read() throws IOException {
        List<JurisdictionDTO> rows = new ArrayList<>();
        for (String[] f : tsv(RESOURCE)) {
            JurisdictionDTO d = new JurisdictionDTO();
            d.code = f[0];
            d.level = JurisdictionLevel.valueOf(f[1]);
            d.parentCode = "-".equals(f[2]) ? null : f[2];
            d.name = f[3];
            rows.add(d);
        }
        return rows;
    }

    /** The rows of a tab-separated resource of this bundle, without blank lines and {@code #} comments. */
    static List<String[]> tsv(String resource) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = SampleData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        }
        return rows;
    }
}
