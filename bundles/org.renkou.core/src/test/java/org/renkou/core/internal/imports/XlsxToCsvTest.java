package org.renkou.core.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renkou.core.api.RenkouException;

/** Reading .xlsx files as Excel writes them: shared and inline strings, gaps, a sheet named by the workbook. */
class XlsxToCsvTest {

    /** A workbook whose only sheet is xl/worksheets/data.xml (not sheet1.xml), as the rels point to it. */
    static Path workbook(Path dir, String sheetXml, String sharedXml) throws Exception {
        Path f = dir.resolve("residents.xlsx");
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"居民\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId7\" Type=\"worksheet\" Target=\"worksheets/data.xml\"/></Relationships>");
            put(zip, "xl/sharedStrings.xml", sharedXml);
            put(zip, "xl/worksheets/data.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<sheetData>" + sheetXml + "</sheetData></worksheet>");
        }
        return f;
    }

    private static void put(ZipOutputStream zip, String name, String xml) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Test
    void firstSheetBecomesCsvWithExcelsRowNumbers(@TempDir Path dir) throws Exception {
        Path xlsx = workbook(dir,
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                        + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>11010519491231002X</t></is></c>"
                        + "<c r=\"C3\" t=\"s\"><v>2</v></c></row>"
                        + "<row r=\"4\"><c r=\"B4\"><v>4.40606199001E+17</v></c></row>",
                "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>idNumber</t></si>"
                        + "<si><r><t>na</t></r><r><t>me</t></r><rPh><t>ミョウ</t></rPh></si><si><t>张\"三\"\n丰</t></si></sst>");
        assertTrue(XlsxToCsv.isXlsx(xlsx));
        Path csv = dir.resolve("out.csv");
        XlsxToCsv.convert(xlsx, csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(List.of("\"idNumber\",\"name\"", "", "\"11010519491231002X\",,\"张\"\"三\"\" 丰\"",
                ",\"4.40606199001E+17\""), lines);
        assertFalse(XlsxToCsv.isXlsx(csv));
    }

    @Test
    void refusesBrokenFilesAndEntities(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.xlsx");
        Files.write(broken, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        RenkouException e = assertThrows(RenkouException.class, () -> XlsxToCsv.convert(broken, dir.resolve("a.csv")));
        assertEquals("file", e.field());
        Path xxe = workbook(dir, "<row r=\"1\"><c t=\"s\"><v>0</v></c></row>",
                "<!DOCTYPE sst [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><sst><si><t>&x;</t></si></sst>");
        assertThrows(RenkouException.class, () -> XlsxToCsv.convert(xxe, dir.resolve("b.csv")));
        assertEquals(27, XlsxToCsv.column("AB7"));
    }
}
