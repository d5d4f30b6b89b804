package org.renkou.core.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renkou.core.api.RenkouException;

/** CSV records, line numbers and the choice of character set. */
class CsvReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsQuotedFieldsAndTellsTheLineOfEachRecord() throws IOException {
        String text = "\uFEFFa,b,c\r\n\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,,\n";
        try (CsvReader r = new CsvReader(new StringReader(text))) {
            assertEquals(List.of("a", "b", "c"), r.next());
            assertEquals(1, r.line());
            assertEquals(List.of("1", "x, y", "say \"hi\""), r.next());
            assertEquals(3, r.line(), "the blank line 2 counts");
            assertEquals(List.of("2", "two\nlines", "z"), r.next());
            assertEquals(4, r.line());
            assertEquals(List.of("3", "", ""), r.next());
            assertEquals(6, r.line(), "a line break inside quotes moves the count on");
            assertNull(r.next());
        }
    }

    @Test
    void detectsUtf8WithAndWithoutBomAndFallsBackToGbk() throws IOException {
        String csv = "idNumber,name\n110101199003070012,张三\n\n110101199003070039,李四\n";
        Path utf8 = write("utf8.csv", csv, StandardCharsets.UTF_8, false);
        Path bom = write("bom.csv", csv, StandardCharsets.UTF_8, true);
        Path gbk = write("gbk.csv", csv, CsvFile.GBK, false);
        assertEquals(StandardCharsets.UTF_8, CsvFile.open(utf8, null).charset());
        assertEquals(StandardCharsets.UTF_8, CsvFile.open(bom, null).charset());
        assertEquals(CsvFile.GBK, CsvFile.open(gbk, null).charset());
        assertEquals(2, CsvFile.open(gbk, null).rows(), "header and blank line not counted");
        try (CsvReader r = new CsvReader(CsvFile.open(gbk, null).reader())) {
            r.next();
            assertEquals("张三", r.next().get(1));
        }
        try (CsvReader r = new CsvReader(CsvFile.open(bom, null).reader())) {
            assertEquals("idNumber", r.next().get(0), "BOM dropped");
        }
        // an explicit charset wins over detection
        assertEquals(CsvFile.GBK, CsvFile.open(utf8, "gbk").charset());
        RenkouException e = assertThrows(RenkouException.class, () -> CsvFile.open(utf8, "klingon-8"));
        assertEquals("charset", e.field());
    }

    @Test
    void aUtf8FileWithOneBadByteLateIsNotUtf8() throws IOException {
        StringBuilder sb = new StringBuilder("idNumber,name\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append("110101199003070012,abc\n"); // far beyond the first buffer
        }
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = "110101199003070039,王五\n".getBytes(CsvFile.GBK);
        Path f = dir.resolve("late.csv");
        Files.write(f, concat(head, tail));
        assertEquals(CsvFile.GBK, CsvFile.open(f, null).charset());
        assertEquals(20_001, CsvFile.open(f, null).rows());
    }

    private Path write(String name, String text, Charset cs, boolean bom) throws IOException {
        byte[] body = text.getBytes(cs);
        Path f = dir.resolve(name);
        Files.write(f, bom ? concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body) : body);
        return f;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
