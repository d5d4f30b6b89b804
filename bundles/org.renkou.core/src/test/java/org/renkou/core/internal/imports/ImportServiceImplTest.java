package org.renkou.core.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renkou.core.api.Caller;
import org.renkou.core.api.CitizenId;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.audit.AuditEntryDTO;
import org.renkou.core.api.audit.AuditQuery;
import org.renkou.core.api.imports.ImportErrorDTO;
import org.renkou.core.api.imports.ImportJobDTO;
import org.renkou.core.api.imports.ImportService;
import org.renkou.core.api.imports.ImportState;
import org.renkou.core.api.jurisdiction.JurisdictionDTO;
import org.renkou.core.api.metrics.MetricsWriter;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.internal.audit.AuditServiceImpl;
import org.renkou.core.internal.db.TestDatabase;
import org.renkou.core.internal.jurisdiction.JurisdictionServiceImpl;
import org.renkou.core.internal.resident.ResidentServiceImpl;
import org.renkou.core.internal.resident.ResidentServiceImplTest;
import org.renkou.core.internal.sample.CountyGenerator;
import org.renkou.core.internal.sample.GenerateCommand;
import org.renkou.core.internal.sample.SampleData;

/** Bulk import on the real persistence unit and a real Derby database. */
class ImportServiceImplTest {
    static final String HEADER = ImportService.REQUIRED_COLUMNS + "," + ImportService.HOUSEHOLD_COLUMNS + "\n";
    static final String COMMUNITY_A = ResidentServiceImplTest.COMMUNITY_A;

    @TempDir
    Path dir;
    private TestDatabase db;
    private ImportServiceImpl imports;
    private ResidentServiceImpl residents;
    private AuditServiceImpl audit;
    private final Caller officerA = new Caller("a", Set.of(Role.FAMILY_SERVICES), Set.of(COMMUNITY_A));

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        SampleData.loadIfEmpty(JurisdictionServiceImpl.on(db.database));
        imports = new ImportServiceImpl(db.database);
        residents = ResidentServiceImpl.on(db.database);
        audit = AuditServiceImpl.on(db.database);
    }

    @AfterEach
    void tearDown() {
        imports.stop();
        db.close();
    }

    static String id(String first17) {
        return first17 + CitizenId.checkChar(first17);
    }

    @Test
    void goodRowsGoInBadRowsAreReportedByLineAndReimportDuplicatesNothing() throws Exception {
        String csv = HEADER
                + id("44060619800101001") + ",张三," + COMMUNITY_A + ",,REGISTERED,已婚,13800000000,示例路1号,H1,户主\n"
                + id("44060619820202002") + ",李四," + COMMUNITY_A + ",,,MARRIED,,示例路1号,H1,SPOUSE\n"
                + "44060619800101999X,王五," + COMMUNITY_A + ",,,,,,,\n" // line 4: check digit
                + id("44060620100303003") + ",," + COMMUNITY_A + ",,,,,,,\n" // line 5: no name
                + id("44060620100303011") + ",赵六,440606901002,,,,,,,\n" // line 6: outside officer A's community
                + id("44060620100303029") + ",钱七,440606901999,,,,,,,\n" // line 7: no such community
                + id("44060620100303037") + ",孙八," + COMMUNITY_A + ",,SOMETIMES,,,,,\n" // line 8: status
                + id("44060620100303045") + ",周九," + COMMUNITY_A + ",,,,,,H1,HEAD\n" // line 9: second head
                + id("44060620100303053") + ",吴十," + COMMUNITY_A + "\n" // line 10: too few columns
                + id("44060620120404004") + ",郑十一," + COMMUNITY_A + "001,,,,,,H1,CHILD\n";
        ImportJobDTO job = await(imports.start(officerA, file(csv, StandardCharsets.UTF_8), null));
        assertEquals(ImportState.DONE, job.state);
        assertEquals(10, job.totalRows);
        assertEquals(10, job.processedRows);
        assertEquals(3, job.importedRows);
        assertEquals(7, job.errorRows);
        assertEquals(100.0, job.percent);
        assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L, 10L), job.errors.stream().map(e -> e.line).toList());
        assertEquals(List.of("idNumber", "name", "residenceCode", "residenceCode", "status", "relation"),
                job.errors.subList(0, 6).stream().map(e -> e.field).toList());
        assertTrue(job.errors.get(0).message.contains("校验位"), job.errors.get(0).message);
        assertTrue(job.errors.get(2).message.contains("不在您的辖区"), job.errors.get(2).message);

        ResidentDTO head = residents.findByIdNumber(officerA, id("44060619800101001")).orElseThrow();
        assertNotNull(head.householdId);
        assertEquals(head.householdId, residents.findByIdNumber(officerA, id("44060620120404004")).orElseThrow().householdId);
        assertEquals(job.id, importJobOf(id("44060619800101001")));

        // the same file again: nothing new, nothing duplicated
        ImportJobDTO again = await(imports.start(officerA, file(csv, StandardCharsets.UTF_8), null));
        assertEquals(0, again.importedRows);
        assertEquals(3, again.skippedExisting);
        assertEquals(7, again.errorRows);
        assertEquals(3, residents.count());
    }

    @Test
    void excelWorkbooksImportWithExcelsRowNumbers() throws Exception {
        StringBuilder sheet = new StringBuilder("<row r=\"1\">");
        String[] header = ImportService.REQUIRED_COLUMNS.split(",");
        for (int i = 0; i < header.length; i++) {
            sheet.append("<c t=\"inlineStr\"><is><t>").append(header[i]).append("</t></is></c>");
        }
        sheet.append("</row>");
        // row 2 good; row 3 left empty by Excel; row 4 an ID typed as a number (Excel shows it in E notation)
        sheet.append(row(2, id("44060619800101001"), "张三", COMMUNITY_A));
        sheet.append(row(4, "4.40606198001E+17", "李四", COMMUNITY_A));
        Path xlsx = XlsxToCsvTest.workbook(dir, sheet.toString(), "<sst/>");
        ImportJobDTO job = await(imports.start(officerA, xlsx, null));
        assertEquals(ImportState.DONE, job.state);
        assertEquals(1, job.importedRows);
        assertEquals(List.of(4L), job.errors.stream().map(e -> e.line).toList());
        assertEquals("idNumber", job.errors.get(0).field);
        assertEquals("张三", residents.findByIdNumber(officerA, id("44060619800101001")).orElseThrow().name);
    }

    private static String row(int r, String idNumber, String name, String residence) {
        return "<row r=\"" + r + "\"><c t=\"inlineStr\"><is><t>" + idNumber + "</t></is></c><c t=\"inlineStr\"><is><t>"
                + name + "</t></is></c><c t=\"inlineStr\"><is><t>" + residence + "</t></is></c></row>";
    }

    @Test
    void gbkFilesAreDetectedAndEachBatchIsOneAuditedTransaction() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 2500; i++) {
            String first17 = "440606" + (19500101 + (i / 500) * 10000) + String.format("%03d", i % 500);
            csv.append(id(first17)).append(",居民").append(i).append(',').append(COMMUNITY_A)
                    .append(",,,,,示例路,,\n");
        }
        ImportJobDTO job = await(imports.start(Caller.SYSTEM, file(csv.toString(), CsvFile.GBK), null));
        assertEquals("GBK", job.charset);
        assertEquals(2500, job.importedRows, job.errors.isEmpty() ? "" : job.errors.get(0).message);
        assertEquals("居民7", residents.findByIdNumber(Caller.SYSTEM, id("440606195001010" + "07")).orElseThrow().name);
        AuditQuery q = new AuditQuery();
        q.action = AuditAction.IMPORT;
        List<AuditEntryDTO> entries = audit.search(Caller.SYSTEM, q).items;
        assertEquals(3, entries.size(), "batches of " + ImportService.BATCH_SIZE);
        assertTrue(entries.stream().allMatch(e -> job.id.equals(e.entityId)));
        assertTrue(entries.stream().anyMatch(e -> e.changes.contains("\"lines\":[2,1001]")
                && e.changes.contains("\"imported\":1000")), entries.get(0).changes);
        StringBuilder metrics = new StringBuilder();
        imports.write(new MetricsWriter(metrics));
        assertTrue(metrics.toString().contains("\nrenkou_import_rows_total 2500\n")
                && metrics.toString().contains("\nrenkou_import_residents_added_total 2500\n")
                && metrics.toString().contains("\nrenkou_import_running 0\n"), metrics.toString());
    }

    @Test
    void aWrongHeaderIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path f = file("idNumber,name,residence\n" + id("44060619800101001") + ",张三," + COMMUNITY_A + "\n",
                StandardCharsets.UTF_8);
        RenkouException e = assertThrows(RenkouException.class, () -> imports.start(officerA, f, null));
        assertEquals(RenkouException.Kind.INVALID, e.kind());
        assertEquals("header", e.field());
        assertTrue(e.messageZh().contains("residence"), e.messageZh());
        assertFalse(Files.exists(f), "the upload is cleaned up");
        assertTrue(imports.list(officerA).isEmpty());
        assertEquals(0, residents.count());
        assertEquals(RenkouException.Kind.INVALID, assertThrows(RenkouException.class,
                () -> imports.start(officerA, file("", StandardCharsets.UTF_8), null)).kind());
    }

    @Test
    void importingNeedsAWritingRoleAndJobsAreTheCallersOwn() throws Exception {
        Caller statistician = new Caller("stat", Set.of(Role.STATISTICIAN), Set.of(COMMUNITY_A));
        assertEquals(RenkouException.Kind.FORBIDDEN, assertThrows(RenkouException.class,
                () -> imports.start(statistician, file(HEADER, StandardCharsets.UTF_8), null)).kind());
        ImportJobDTO job = await(imports.start(officerA, file(HEADER, StandardCharsets.UTF_8), null));
        assertTrue(imports.find(statistician, job.id).isEmpty());
        assertEquals(1, imports.list(Caller.SYSTEM).size());
    }

    @Test
    void aJobLeftRunningByACrashIsMarkedFailedOnTheNextStart() throws Exception {
        ImportJobDTO job = await(imports.start(officerA, file(HEADER, StandardCharsets.UTF_8), null));
        db.database.tx(em -> em.createNativeQuery("UPDATE IMPORT_JOB SET STATE = 'RUNNING', FINISHED_AT = NULL")
                .executeUpdate());
        ImportServiceImpl restarted = new ImportServiceImpl(db.database);
        restarted.failInterruptedJobs();
        ImportJobDTO after = restarted.find(officerA, job.id).orElseThrow();
        assertEquals(ImportState.FAILED, after.state);
        assertTrue(after.message.contains("中断"), after.message);
    }

    @Test
    void theGeneratedCountyImportsCleanlyWithOneHeadPerHousehold() throws Exception {
        CountyGenerator g = new CountyGenerator("440606", 3000, 1L);
        JurisdictionServiceImpl jurisdictions = JurisdictionServiceImpl.on(db.database);
        for (JurisdictionDTO j : g.jurisdictions()) {
            assertTrue(j.name.startsWith("示例"), j.name);
            jurisdictions.create(j);
        }
        StringWriter out = new StringWriter();
        List<String> ids = new ArrayList<>();
        assertEquals(3000, g.writeResidents(out, ids::add));
        assertEquals(3000, Set.copyOf(ids).size(), "ID numbers are unique");
        ImportJobDTO job = await(imports.start(Caller.SYSTEM, file(out.toString(), StandardCharsets.UTF_8), null));
        assertEquals(3000, job.importedRows, job.errors.stream().limit(3).map(e -> e.line + " " + e.message).toList().toString());
        try (Connection c = connection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*), MIN(n), MAX(n), MIN(heads), MAX(heads) FROM (SELECT "
                        + "HOUSEHOLD_ID, COUNT(*) AS n, SUM(CASE WHEN RELATION = 'HEAD' THEN 1 ELSE 0 END) AS heads "
                        + "FROM RESIDENT GROUP BY HOUSEHOLD_ID) t")) {
            rs.next();
            assertTrue(rs.getInt(1) > 500, "households: " + rs.getInt(1));
            assertEquals(1, rs.getInt(2));
            assertEquals(6, rs.getInt(3));
            assertEquals(1, rs.getInt(4));
            assertEquals(1, rs.getInt(5));
        }
    }

    @Test
    void theGogoCommandBuildsTheCountyAndImportsItOnce() throws Exception {
        GenerateCommand command = new GenerateCommand(JurisdictionServiceImpl.on(db.database), imports);
        String first = command.generate("440606", 800);
        assertTrue(first.contains("DONE") && first.contains("800 imported"), first);
        String again = command.generate("440606", 800);
        assertTrue(again.startsWith("0 new jurisdictions") && again.contains("800 already there"), again);
        assertEquals(800, residents.count());
        assertTrue(command.generate("449999", 10).contains("does not exist"));
    }

    private Connection connection() throws Exception {
        return java.sql.DriverManager.getConnection("jdbc:derby:" + db.folder);
    }

    private String importJobOf(String idNumber) {
        return db.database.read(em -> (String) em.createNativeQuery("SELECT IMPORT_JOB FROM RESIDENT WHERE ID_NUMBER = ?")
                .setParameter(1, idNumber).getSingleResult());
    }

    private Path file(String text, Charset cs) throws IOException {
        Path f = Files.createTempFile(dir, "import-", ".csv");
        Files.write(f, text.getBytes(cs));
        return f;
    }

    private ImportJobDTO await(ImportJobDTO started) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        ImportJobDTO job = started;
        while (job.state == ImportState.RUNNING && System.nanoTime() < end) {
            Thread.sleep(50);
            job = imports.find(Caller.SYSTEM, started.id).orElseThrow();
        }
        return job;
    }

    static List<Long> lines(List<ImportErrorDTO> errors) {
        return errors.stream().map(e -> e.line).toList();
    }
}
