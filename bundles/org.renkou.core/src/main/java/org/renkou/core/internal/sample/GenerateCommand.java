package org.renkou.core.internal.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.imports.ImportJobDTO;
import org.renkou.core.api.imports.ImportService;
import org.renkou.core.api.imports.ImportState;
import org.renkou.core.api.jurisdiction.JurisdictionDTO;
import org.renkou.core.api.jurisdiction.JurisdictionService;

/**
 * Gogo command {@code renkou:generate <countyCode> <residents>}: fills an existing county with a synthetic
 * {@link CountyGenerator sample county} (示例数据) — its streets, communities and groups through the jurisdiction
 * service, its residents and households through a normal {@link ImportService import} — and waits for the end.
 */
@Component(service = GenerateCommand.class,
        property = {"osgi.command.scope=renkou", "osgi.command.function=generate"})
public class GenerateCommand {
    private final JurisdictionService jurisdictions;
    private final ImportService imports;

    @Activate
    public GenerateCommand(@Reference JurisdictionService jurisdictions, @Reference ImportService imports) {
        this.jurisdictions = jurisdictions;
        this.imports = imports;
    }

    public String generate(String countyCode, int residents) throws IOException, InterruptedException {
        if (jurisdictions.find(countyCode).isEmpty()) {
            return "县 " + countyCode + " 不存在，请先建立 / county " + countyCode + " does not exist; create it first";
        }
        CountyGenerator g = new CountyGenerator(countyCode, residents, 1L);
        int created = 0;
        for (JurisdictionDTO j : g.jurisdictions()) {
            if (jurisdictions.find(j.code).isEmpty()) {
                jurisdictions.create(j);
                created++;
            }
        }
        Path csv = Files.createTempFile("renkou-generate-", ".csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            g.writeResidents(w, id -> { });
        }
        ImportJobDTO job = imports.start(Caller.SYSTEM, csv, "UTF-8");
        long end = System.nanoTime() + TimeUnit.HOURS.toNanos(1);
        while (job.state == ImportState.RUNNING && System.nanoTime() < end) {
            Thread.sleep(500);
            job = imports.find(Caller.SYSTEM, job.id).orElseThrow();
        }
        return String.format("%d new jurisdictions; import %s %s: %d imported, %d already there, %d rejected, %.0f rows/s",
                created, job.id, job.state, job.importedRows, job.skippedExisting, job.errorRows, job.rowsPerSecond);
    }
}
