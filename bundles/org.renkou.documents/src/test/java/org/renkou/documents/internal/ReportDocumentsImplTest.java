package org.renkou.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.report.ReportTable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportDocumentsImplTest {
    private final ReportDocumentsImpl docs = new ReportDocumentsImpl(null, null);

    private static ReportTable table(int rows) {
        List<List<Object>> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            data.add(java.util.Arrays.asList("社区 <" + i + "> & 组", i * 10, LocalDate.of(2026, 1, 1).plusDays(i), null));
        }
        return new ReportTable("人口统计: 按社区/性别", List.of("辖区", "人数", "日期", "备注"), data, List.of("统计截至 2026-11-24"));
    }

    @Test
    void workbookPartsAreWellFormedAndHoldTheCells() throws Exception {
        byte[] xlsx = docs.xlsx(List.of(table(3), table(1)));
        Map<String, Document> parts = unzip(xlsx);
        assertTrue(parts.keySet().containsAll(List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml")));
        NodeList sheets = parts.get("xl/workbook.xml").getElementsByTagName("sheet");
        assertEquals(2, sheets.getLength());
        String first = ((Element) sheets.item(0)).getAttribute("name");
        String second = ((Element) sheets.item(1)).getAttribute("name");
        assertEquals("人口统计  按社区 性别", first); // ':' and '/' are not allowed in sheet names
        assertTrue(!first.equalsIgnoreCase(second) && second.endsWith("(2)"), second);

        Document sheet = parts.get("xl/worksheets/sheet1.xml");
        NodeList rows = sheet.getElementsByTagName("row");
        assertEquals(1 + 1 + 3 + 1, rows.getLength()); // title, header, rows, note
        Element r4 = (Element) rows.item(3); // third data row: i = 1
        NodeList cells = r4.getElementsByTagName("c");
        assertEquals(3, cells.getLength(), "the null cell is left out");
        assertEquals("社区 <1> & 组", cells.item(0).getTextContent());
        assertEquals("B4", ((Element) cells.item(1)).getAttribute("r"));
        assertEquals("10", cells.item(1).getTextContent());
        // 2026-01-02 as an Excel serial day with a date style
        assertEquals("46024", cells.item(2).getTextContent());
        assertEquals("2", ((Element) cells.item(2)).getAttribute("s"));
    }

    @Test
    void columnLettersAndSheetNames() {
        assertEquals("A", ReportDocumentsImpl.column(0));
        assertEquals("Z", ReportDocumentsImpl.column(25));
        assertEquals("AA", ReportDocumentsImpl.column(26));
        assertEquals("AZ", ReportDocumentsImpl.column(51));
        assertEquals("BA", ReportDocumentsImpl.column(52));
        assertEquals(31, ReportDocumentsImpl.sheetName("x".repeat(40), 1, new HashSet<>()).length());
        assertEquals("Sheet3", ReportDocumentsImpl.sheetName("  ", 3, new HashSet<>()));
        assertEquals("a b", ReportDocumentsImpl.xml("a\u0001 b").replace("\u0001", "").replace("  ", " "));
    }

    @Test
    void pdfCarriesTheChineseTextOverSeveralPages() throws IOException {
        assumeTrue(new File(CjkFont.DEFAULT_FILE).isFile(), "fonts-wqy-zenhei is not installed");
        byte[] pdf = docs.pdf(List.of(table(60)));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "report-sample.pdf"), pdf); // to look at
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 2, "60 rows do not fit on one A4 page");
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("人口统计"), text);
            assertTrue(text.contains("社区 <59> & 组"), "the last row is printed");
            assertTrue(text.contains("统计截至 2026-11-24"));
        }
    }

    /**
     * A 生僻字 outside the font (CJK Extension B, 𪚥) prints as a box with its code point, never an error: the
     * certificate forms write names through {@link CjkFont#text} (issue 19).
     */
    @Test
    void aCharacterMissingFromTheFontPrintsAsItsCodePoint() throws IOException {
        assumeTrue(new File(CjkFont.DEFAULT_FILE).isFile(), "fonts-wqy-zenhei is not installed");
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            org.apache.pdfbox.pdmodel.font.PDType0Font font = CjkFont.load(doc, null, null);
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                String name = "欧阳𪚥娜";
                assertTrue(CjkFont.width(font, 12, name) > CjkFont.width(font, 12, "欧阳娜"));
                CjkFont.text(cs, font, 12, 50, 700, name);
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("欧阳"), text);
            assertTrue(text.contains("2A6A5"), text);
            assertTrue(text.contains("娜"), text);
        }
    }

    private static Map<String, Document> unzip(byte[] zip) throws Exception {
        Map<String, Document> out = new HashMap<>();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                out.put(e.getName(), f.newDocumentBuilder().parse(new ByteArrayInputStream(in.readAllBytes())));
            }
        }
        return out;
    }
}
