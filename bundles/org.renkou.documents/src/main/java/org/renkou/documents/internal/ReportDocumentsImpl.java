package org.renkou.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.report.ReportDocuments;
import org.renkou.core.api.report.ReportTable;

/**
 * Writes report tables as .xlsx (SpreadsheetML written directly: a handful of XML parts in a zip, inline strings, one
 * bold style and one date style — all a report needs, without POI's dozen bundles) and as A4 landscape PDF in the
 * embedded {@link CjkFont}.
 */
@Component(service = ReportDocuments.class)
public class ReportDocumentsImpl implements ReportDocuments {
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private final String fontFile;
    private final String fontName;

    @Activate
    public ReportDocumentsImpl(BundleContext context) {
        this(context.getProperty("renkou.cjkFont"), context.getProperty("renkou.cjkFontName"));
    }

    ReportDocumentsImpl(String fontFile, String fontName) {
        this.fontFile = fontFile;
        this.fontName = fontName;
    }

    // ---- Excel ---------------------------------------------------------------------------------------------------

    @Override
    public byte[] xlsx(List<ReportTable> sheets) {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one sheet");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
            StringBuilder workbook = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
            StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            Set<String> names = new HashSet<>();
            for (int i = 1; i <= sheets.size(); i++) {
                ReportTable t = sheets.get(i - 1);
                types.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\""
                        + "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                workbook.append("<sheet name=\"").append(xml(sheetName(t.title(), i, names)))
                        .append("\" sheetId=\"").append(i).append("\" r:id=\"rId").append(i).append("\"/>");
                rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas.openxmlformats.org/"
                        + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").append(i)
                        .append(".xml\"/>");
                put(zip, "xl/worksheets/sheet" + i + ".xml", sheet(t));
            }
            rels.append("<Relationship Id=\"rId").append(sheets.size() + 1).append("\" Type=\"http://schemas."
                    + "openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
            put(zip, "[Content_Types].xml", types.append("</Types>").toString());
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", workbook.append("</sheets></workbook>").toString());
            put(zip, "xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
            put(zip, "xl/styles.xml", STYLES);
        } catch (IOException e) {
            throw new IllegalStateException("writing a workbook in memory failed", e);
        }
        return bytes.toByteArray();
    }

    // style 0 plain, 1 bold (title, header), 2 date (built-in format 14), 3 date and time (22)
    private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"等线\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
            + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"22\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "</cellXfs></styleSheet>";

    private static String sheet(ReportTable t) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        int r = 1;
        if (!t.title().isBlank()) { // no title: a sheet to be read back, its header in row 1 (the import template)
            row(s, r++, List.of(t.title()), 1);
        }
        row(s, r++, new ArrayList<>(t.columns()), 1);
        for (List<Object> cells : t.rows()) {
            row(s, r++, cells, 0);
        }
        for (String note : t.notes()) {
            row(s, r++, List.of(note), 0);
        }
        return s.append("</sheetData></worksheet>").toString();
    }

    private static void row(StringBuilder s, int r, List<?> cells, int style) {
        s.append("<row r=\"").append(r).append("\">");
        for (int c = 0; c < cells.size(); c++) {
            Object v = cells.get(c);
            if (v == null) {
                continue;
            }
            String ref = column(c) + r;
            if (v instanceof Number n) {
                s.append("<c r=\"").append(ref).append("\"><v>").append(number(n)).append("</v></c>");
            } else if (v instanceof LocalDate d) {
                s.append("<c r=\"").append(ref).append("\" s=\"2\"><v>")
                        .append(ChronoUnit.DAYS.between(EXCEL_EPOCH, d)).append("</v></c>");
            } else if (v instanceof LocalDateTime dt) {
                double serial = ChronoUnit.DAYS.between(EXCEL_EPOCH, dt.toLocalDate())
                        + dt.toLocalTime().toSecondOfDay() / 86400.0;
                s.append("<c r=\"").append(ref).append("\" s=\"3\"><v>").append(serial).append("</v></c>");
            } else {
                s.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"").append(style == 1 ? " s=\"1\"" : "")
                        .append("><is><t xml:space=\"preserve\">").append(xml(v.toString())).append("</t></is></c>");
            }
        }
        s.append("</row>");
    }

    private static String number(Number n) {
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("a report cell cannot hold " + d);
        }
        return n instanceof Double || n instanceof Float ? Double.toString(d) : n.toString();
    }

    /** A, B, … Z, AA, AB … */
    static String column(int index) {
        StringBuilder b = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            b.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return b.toString();
    }

    /** Excel's sheet-name rules: ≤ 31 characters, none of []:*?/\, unique in the workbook. */
    static String sheetName(String title, int index, Set<String> used) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (name.isEmpty()) {
            name = "Sheet" + index;
        }
        if (name.length() > 31) {
            name = name.substring(0, 31);
        }
        String candidate = name;
        for (int n = 2; !used.add(candidate.toLowerCase()); n++) {
            String suffix = " (" + n + ")";
            candidate = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
        }
        return candidate;
    }

    /** Escapes for XML text and attributes, dropping the control characters XML 1.0 cannot carry. */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    // ---- PDF -----------------------------------------------------------------------------------------------------

    private static final float MARGIN = 36;
    private static final float ROW = 16;
    private static final float SIZE = 9;

    @Override
    public byte[] pdf(List<ReportTable> tables) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = CjkFont.load(doc, fontFile, fontName);
            PdfCursor cursor = new PdfCursor(doc, font);
            for (ReportTable t : tables) {
                cursor.table(t);
            }
            cursor.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw RenkouException.unavailable("PDF 生成失败，请联系管理员查看日志。", "The PDF could not be made: " + e.getMessage());
        }
    }

    /** Lays tables out top to bottom, starting a new page (with the header repeated) when one is full. */
    private static final class PdfCursor {
        private static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(),
                PDRectangle.A4.getWidth());
        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream cs;
        private float y;
        private int pages;

        PdfCursor(PDDocument doc, PDType0Font font) {
            this.doc = doc;
            this.font = font;
        }

        void table(ReportTable t) throws IOException {
            float width = A4_LANDSCAPE.getWidth() - 2 * MARGIN;
            float[] cols = widths(t, width);
            if (cs == null || y < MARGIN + 4 * ROW) {
                newPage();
            }
            CjkFont.text(cs, font, 14, MARGIN, y, printable(t.title()));
            y -= ROW * 1.6f;
            header(t, cols);
            for (List<Object> r : t.rows()) {
                if (y < MARGIN + ROW) {
                    newPage();
                    header(t, cols);
                }
                line(cells(r), cols, false);
            }
            for (String note : t.notes()) {
                if (y < MARGIN + ROW) {
                    newPage();
                }
                CjkFont.text(cs, font, SIZE, MARGIN, y - ROW + 5, fit(note, width));
                y -= ROW;
            }
            y -= ROW;
        }

        private void header(ReportTable t, float[] cols) throws IOException {
            line(t.columns(), cols, true);
        }

        private void line(List<String> cells, float[] cols, boolean header) throws IOException {
            float x = MARGIN;
            if (header) {
                cs.setNonStrokingColor(0.9f, 0.9f, 0.9f);
                cs.addRect(MARGIN, y - ROW, sum(cols), ROW);
                cs.fill();
                cs.setNonStrokingColor(0f, 0f, 0f);
            }
            for (int c = 0; c < cols.length; c++) {
                cs.addRect(x, y - ROW, cols[c], ROW);
                cs.stroke();
                String s = c < cells.size() ? cells.get(c) : "";
                CjkFont.text(cs, font, SIZE, x + 3, y - ROW + 5, fit(s, cols[c] - 6));
                x += cols[c];
            }
            y -= ROW;
        }

        /** Column widths in proportion to the longest text, each at least a few characters. */
        private float[] widths(ReportTable t, float total) throws IOException {
            int n = Math.max(1, t.columns().size());
            float[] w = new float[n];
            for (int c = 0; c < n; c++) {
                w[c] = Math.max(4 * SIZE, c < t.columns().size() ? CjkFont.width(font, SIZE, t.columns().get(c)) : 0);
            }
            for (List<Object> r : t.rows()) {
                List<String> cells = cells(r);
                for (int c = 0; c < Math.min(n, cells.size()); c++) {
                    w[c] = Math.max(w[c], CjkFont.width(font, SIZE, cells.get(c)));
                }
            }
            float scale = total / sum(w);
            for (int c = 0; c < n; c++) {
                w[c] = scale < 1 ? w[c] * scale : w[c] + 6;
            }
            return w;
        }

        private String fit(String text, float width) throws IOException {
            String s = printable(text);
            if (CjkFont.width(font, SIZE, s) <= width) {
                return s;
            }
            String t = s;
            while (!t.isEmpty() && CjkFont.width(font, SIZE, t + "…") > width) {
                t = t.substring(0, t.length() - 1);
            }
            return t + "…";
        }

        /** Drops characters the font has no glyph for (an emoji in a name), which PDFBox would refuse. */
        private String printable(String s) {
            try {
                font.encode(s);
                return s;
            } catch (IllegalArgumentException | IOException e) {
                StringBuilder b = new StringBuilder();
                s.codePoints().forEach(cp -> {
                    String one = new String(Character.toChars(cp));
                    try {
                        font.encode(one);
                        b.append(one);
                    } catch (IllegalArgumentException | IOException missing) {
                        b.append('?');
                    }
                });
                return b.toString();
            }
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(A4_LANDSCAPE);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            cs.setLineWidth(0.4f);
            pages++;
            CjkFont.text(cs, font, 8, A4_LANDSCAPE.getWidth() - MARGIN - 30, MARGIN / 2, "- " + pages + " -");
            y = A4_LANDSCAPE.getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }

        private static List<String> cells(List<?> row) {
            List<String> out = new ArrayList<>(row.size());
            for (Object v : row) {
                out.add(v == null ? "" : v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
                        ? Long.toString(d.longValue()) : v.toString().replace('\n', ' ').replace('\t', ' '));
            }
            return out;
        }

        private static float sum(float[] w) {
            float s = 0;
            for (float f : w) {
                s += f;
            }
            return s;
        }
    }
}
