package org.renkou.core.internal.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.renkou.core.api.RenkouException;

/**
 * Turns the first worksheet of an Excel {@code .xlsx} file into a UTF-8 CSV file, one CSV line per spreadsheet row
 * (empty rows kept), so that the import reports Excel's own row numbers and runs through the same checks as a CSV.
 *
 * <p>Why not Apache POI: the import only needs cell values, which an {@code .xlsx} (Office Open XML: a zip of XML
 * parts) holds in {@code xl/sharedStrings.xml} and the sheet's {@code <c>} elements; POI in OSGi would bring
 * xmlbeans, commons-compress, commons-collections4, commons-math3 and log4j-api as bundles for that. Streaming
 * StAX from the JDK reads a million-row sheet in constant memory (shared strings aside). Formulas give their cached
 * value; a number keeps Excel's text form, so an ID number typed as a number (4.40606E+17) fails the ID check
 * with a clear message instead of being silently rounded.
 */
final class XlsxToCsv {
    /** Zip magic: every .xlsx starts with it, no CSV does. */
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final int MAX_SHARED_STRINGS = 5_000_000;

    private XlsxToCsv() {
    }

    static boolean isXlsx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return java.util.Arrays.equals(head, ZIP);
        }
    }

    /** Writes {@code xlsx}'s first sheet to {@code csv}. */
    static void convert(Path xlsx, Path csv) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            List<String> shared = sharedStrings(zip);
            ZipEntry sheet = zip.getEntry(firstSheet(zip));
            if (sheet == null) {
                throw unreadable("no worksheet");
            }
            try (InputStream in = zip.getInputStream(sheet);
                    Writer out = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
                writeRows(reader(in), shared, out);
            }
        } catch (XMLStreamException | java.util.zip.ZipException e) {
            throw unreadable(e.getMessage());
        }
    }

    private static RenkouException unreadable(String why) {
        return RenkouException.invalid("file", "无法读取该 Excel 文件（" + why + "），请另存为 .xlsx 或 CSV 后重试。",
                "The Excel file could not be read (" + why + "); save it as .xlsx or CSV and try again.");
    }

    /** The path of the workbook's first sheet, from workbook.xml and its relationships. */
    private static String firstSheet(ZipFile zip) throws IOException, XMLStreamException {
        String relId = null;
        ZipEntry wb = zip.getEntry("xl/workbook.xml");
        if (wb != null) {
            try (InputStream in = zip.getInputStream(wb)) {
                XMLStreamReader r = reader(in);
                while (r.hasNext() && relId == null) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && "sheet".equals(r.getLocalName())) {
                        relId = r.getAttributeValue(REL_NS, "id");
                    }
                }
            }
        }
        ZipEntry rels = zip.getEntry("xl/_rels/workbook.xml.rels");
        if (relId != null && rels != null) {
            try (InputStream in = zip.getInputStream(rels)) {
                XMLStreamReader r = reader(in);
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(r.getLocalName())
                            && relId.equals(r.getAttributeValue(null, "Id"))) {
                        String target = r.getAttributeValue(null, "Target");
                        return target.startsWith("/") ? target.substring(1) : "xl/" + target;
                    }
                }
            }
        }
        return "xl/worksheets/sheet1.xml";
    }

    private static List<String> sharedStrings(ZipFile zip) throws IOException, XMLStreamException {
        List<String> out = new ArrayList<>();
        ZipEntry e = zip.getEntry("xl/sharedStrings.xml");
        if (e == null) {
            return out;
        }
        try (InputStream in = zip.getInputStream(e)) {
            XMLStreamReader r = reader(in);
            StringBuilder text = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT && "si".equals(r.getLocalName())) {
                    text = new StringBuilder();
                } else if (ev == XMLStreamConstants.START_ELEMENT && "t".equals(r.getLocalName()) && text != null) {
                    text.append(r.getElementText()); // rich text: the runs' <t> joined
                } else if (ev == XMLStreamConstants.START_ELEMENT && "rPh".equals(r.getLocalName())) {
                    skip(r); // phonetic hints are not part of the value
                } else if (ev == XMLStreamConstants.END_ELEMENT && "si".equals(r.getLocalName()) && text != null) {
                    if (out.size() >= MAX_SHARED_STRINGS) {
                        throw unreadable("too many distinct texts");
                    }
                    out.add(text.toString());
                    text = null;
                }
            }
        }
        return out;
    }

    private static void writeRows(XMLStreamReader r, List<String> shared, Writer out) throws XMLStreamException,
            IOException {
        int written = 0; // spreadsheet rows written so far
        int width = -1; // the header's columns: Excel leaves trailing empty cells out, the CSV must not
        Map<Integer, String> row = null;
        String type = null;
        int column = 0;
        int nextColumn = 0;
        String value = null;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "row": {
                        int number = parseInt(r.getAttributeValue(null, "r"), written + 1);
                        while (written < number - 1) { // rows Excel left out are empty lines
                            out.write("\r\n");
                            written++;
                        }
                        row = new HashMap<>();
                        nextColumn = 0;
                        break;
                    }
                    case "c":
                        type = r.getAttributeValue(null, "t");
                        String ref = r.getAttributeValue(null, "r");
                        column = ref == null ? nextColumn : column(ref);
                        nextColumn = column + 1;
                        value = null;
                        break;
                    case "v":
                        value = r.getElementText();
                        break;
                    case "is":
                        value = inlineString(r);
                        break;
                    default:
                        break;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT && row != null) {
                if ("c".equals(r.getLocalName()) && value != null) {
                    row.put(column, "s".equals(type) ? shared(shared, value) : value);
                } else if ("row".equals(r.getLocalName())) {
                    if (width < 0 && !row.isEmpty()) {
                        width = row.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
                    }
                    writeRow(row, Math.max(width, 0), out);
                    written++;
                    row = null;
                }
            }
        }
    }

    private static String shared(List<String> shared, String index) {
        int i = parseInt(index, -1);
        if (i < 0 || i >= shared.size()) {
            throw unreadable("bad shared string " + index);
        }
        return shared.get(i);
    }

    private static String inlineString(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT && "t".equals(r.getLocalName())) {
                sb.append(r.getElementText());
            } else if (ev == XMLStreamConstants.END_ELEMENT && "is".equals(r.getLocalName())) {
                break;
            }
        }
        return sb.toString();
    }

    private static void writeRow(Map<Integer, String> row, int width, Writer out) throws IOException {
        if (row.isEmpty()) {
            out.write("\r\n");
            return;
        }
        int last = Math.max(width - 1, row.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1));
        for (int c = 0; c <= last; c++) {
            if (c > 0) {
                out.write(',');
            }
            String v = row.get(c);
            if (v != null) {
                // one CSV line per row keeps Excel's row numbers: line breaks inside a cell become spaces
                String flat = v.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
                out.write('"');
                out.write(flat.replace("\"", "\"\""));
                out.write('"');
            }
        }
        out.write("\r\n");
    }

    /** Column index of a cell reference: A1 → 0, AB7 → 27. */
    static int column(String ref) {
        int c = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return c - 1;
    }

    private static int parseInt(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            depth += ev == XMLStreamConstants.START_ELEMENT ? 1 : ev == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
    }

    /** A StAX reader with DTDs and external entities off (no XXE from an uploaded file). */
    private static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f.createXMLStreamReader(in);
    }
}
