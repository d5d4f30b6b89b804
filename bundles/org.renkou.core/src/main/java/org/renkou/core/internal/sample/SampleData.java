package org.renkou.core.internal.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.jurisdiction.JurisdictionDTO;
import org.renkou.core.api.jurisdiction.JurisdictionService;
import org.renkou.core.internal.db.CoreDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a small sample jurisdiction tree into an empty database, so a new installation has something to show.
 * Off when the framework property {@code renkou.sampleData} is {@code false} (the launcher sets it from
 * {@code RENKOU_SAMPLE_DATA}). Names below county level are marked 示例 (sample): they are not real places.
 */
@Component
public class SampleData {
    static final String RESOURCE = "sample/jurisdictions.tsv";
    private static final Logger LOG = LoggerFactory.getLogger(SampleData.class);

    @Activate
    public SampleData(@Reference CoreDatabase database, @Reference JurisdictionService jurisdictions,
            BundleContext context) {
        if ("false".equalsIgnoreCase(context.getProperty("renkou.sampleData"))) {
            return;
        }
        database.database().whenReady().thenRunAsync(() -> loadIfEmpty(jurisdictions));
    }

    public static void loadIfEmpty(JurisdictionService jurisdictions) {
        try {
            if (jurisdictions.count() > 0) {
                return;
            }
            List<JurisdictionDTO> rows = read();
            for (JurisdictionDTO row : rows) {
                jurisdictions.create(row);
            }
            LOG.info("Loaded {} sample jurisdictions", rows.size());
        } catch (RuntimeException | IOException e) {
            LOG.warn("Sample jurisdictions not loaded: {}", e.toString());
        }
    }

    /** Reads the tab-separated sample file: code, level, parent code (or -), name; parents first. */
    public static List<JurisdictionDTO> read() throws IOException {
        List<JurisdictionDTO> rows = new ArrayList<>();
        try (InputStream in = SampleData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing " + RESOURCE);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                JurisdictionDTO d = new JurisdictionDTO();
                d.code = f[0];
                d.level = JurisdictionLevel.valueOf(f[1]);
                d.parentCode = "-".equals(f[2]) ? null : f[2];
                d.name = f[3];
                rows.add(d);
            }
        }
        return rows;
    }
}
