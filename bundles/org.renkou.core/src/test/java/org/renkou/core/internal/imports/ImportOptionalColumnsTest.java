package org.renkou.core.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.renkou.core.api.imports.ImportJobDTO;
import org.renkou.core.api.imports.ImportState;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.internal.db.TestDatabase;
import org.renkou.core.internal.jurisdiction.JurisdictionServiceImpl;
import org.renkou.core.internal.resident.ResidentServiceImpl;
import org.renkou.core.internal.resident.ResidentServiceImplTest;
import org.renkou.core.internal.sample.SampleData;

/** Issue 17: a file needs only the columns the form needs; 15-digit ID numbers are converted, and reported. */
class ImportOptionalColumnsTest {
    private static final String COMMUNITY_A = ResidentServiceImplTest.COMMUNITY_A;

    @TempDir
    Path dir;
    private TestDatabase db;
    private ImportServiceImpl imports;
    private ResidentServiceImpl residents;
    private final Caller officerA = new Caller("a", Set.of(Role.FAMILY_SERVICES), Set.of(COMMUNITY_A));

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        SampleData.loadIfEmpty(JurisdictionServiceImpl.on(db.database));
        imports = new ImportServiceImpl(db.database);
        residents = ResidentServiceImpl.on(db.database);
    }

    @AfterEach
    void tearDown() {
        imports.stop();
        db.close();
    }

    @Test
    void fifteenDigitNumbersBecomeEighteenWithCentury19AndTheirCheckCharacter() {
        assertEquals("44060619800101001" + CitizenId.checkChar("44060619800101001"),
                OldIdNumbers.toEighteen(" 440606800101001 "));
        assertEquals("11010519491231002X", OldIdNumbers.toEighteen("110105491231002")); // GB 11643-1999's example
        assertTrue(OldIdNumbers.isFifteen("440606800101001"));
        assertTrue(!OldIdNumbers.isFifteen("44060680010100X") && !OldIdNumbers.isFifteen("4406068001010012"));
    }

    @Test
    void aFileWithTheFormsRequiredColumnsOnlyImportsAndConvertsOldNumbers() throws Exception {
        String csv = "name,idNumber,residenceCode\n"
                + "张三,440606800101001," + COMMUNITY_A + "\n" // 15 digits: converted
                + "李四," + ImportServiceImplTest.id("44060619820202002") + "," + COMMUNITY_A + "\n"
                + "王五,440606801301003," + COMMUNITY_A + "\n" // 15 digits, month 13: refused on idNumber
                + "赵六,4406068001010012," + COMMUNITY_A + "\n"; // 16 digits: refused
        ImportJobDTO job = await(imports.start(officerA, file(csv), null));
        assertEquals(ImportState.DONE, job.state, job.message);
        assertEquals(2, job.importedRows);
        assertEquals(List.of(4L, 5L), ImportServiceImplTest.lines(job.errors));
        assertEquals(List.of("idNumber", "idNumber"), job.errors.stream().map(e -> e.field).toList());
        assertEquals(1, job.convertedIds);
        assertEquals(1, job.conversions.size());
        assertEquals(2, job.conversions.get(0).line);
        String eighteen = OldIdNumbers.toEighteen("440606800101001");
        assertEquals(CitizenId.mask("440606800101001"), job.conversions.get(0).from);
        assertEquals(CitizenId.mask(eighteen), job.conversions.get(0).to);
        ResidentDTO zhang = residents.findByIdNumber(officerA, eighteen).orElseThrow();
        assertEquals("张三", zhang.name);
        assertEquals(java.time.LocalDate.of(1980, 1, 1), zhang.birthDate);
        assertEquals(null, zhang.phone);

        // the form still refuses the old form: the conversion is the import's alone
        ResidentDTO typed = ResidentServiceImplTest.person("44060619700101001", "表单", COMMUNITY_A);
        typed.idNumber = "440606700101001";
        assertEquals("idNumber", assertThrows(RenkouException.class, () -> residents.create(officerA, typed)).field());
    }

    @Test
    void theRuralRegistrationImportsFromItsOwnColumn() throws Exception {
        String csv = "idNumber,name,residenceCode,hukouNature\n"
                + ImportServiceImplTest.id("44060619550101001") + ",农户," + COMMUNITY_A + ",农业\n"
                + ImportServiceImplTest.id("44060619550101010") + ",城镇户," + COMMUNITY_A + ",URBAN\n"
                + ImportServiceImplTest.id("44060619550101028") + ",未登记," + COMMUNITY_A + ",\n"
                + ImportServiceImplTest.id("44060619550101036") + ",错值," + COMMUNITY_A + ",半农\n";
        ImportJobDTO job = await(imports.start(officerA, file(csv), null));
        assertEquals(3, job.importedRows, job.message);
        assertEquals(List.of("hukouNature"), job.errors.stream().map(e -> e.field).toList());
        assertEquals(org.renkou.core.api.resident.HukouNature.RURAL, residents.findByIdNumber(officerA,
                ImportServiceImplTest.id("44060619550101001")).orElseThrow().hukouNature);
        assertEquals(org.renkou.core.api.resident.HukouNature.URBAN, residents.findByIdNumber(officerA,
                ImportServiceImplTest.id("44060619550101010")).orElseThrow().hukouNature);
        assertEquals(null, residents.findByIdNumber(officerA,
                ImportServiceImplTest.id("44060619550101028")).orElseThrow().hukouNature);
    }

    @Test
    void aFileWithoutAMandatoryColumnIsRefusedNamingIt() throws Exception {
        Path f = file("idNumber,name,phone\n440606800101001,张三,13800000000\n");
        RenkouException e = assertThrows(RenkouException.class, () -> imports.start(officerA, f, null));
        assertEquals("header", e.field());
        assertTrue(e.messageZh().contains("缺少列：residenceCode"), e.messageZh());
    }

    private Path file(String text) throws Exception {
        Path f = Files.createTempFile(dir, "import-", ".csv");
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
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
}
