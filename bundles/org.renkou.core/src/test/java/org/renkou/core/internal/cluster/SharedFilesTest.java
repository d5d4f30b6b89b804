package org.renkou.core.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renkou.core.api.cluster.StoredFile;

/** The shared folder: keys, checksums, whole files only, and where the folder is. */
class SharedFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFileWrittenByOneNodeIsReadByAnotherOnTheSameFolder() throws IOException {
        SharedFiles a = new SharedFiles(dir);
        SharedFiles b = new SharedFiles(dir); // the second node, same mount
        byte[] pdf = "%PDF-1.4 教案".getBytes(StandardCharsets.UTF_8);
        StoredFile f = a.put("school/lesson/42.pdf", new ByteArrayInputStream(pdf));
        assertEquals(pdf.length, f.size());
        assertEquals("school/lesson/42.pdf", f.key());
        assertEquals(64, f.sha256().length());
        try (InputStream in = b.open("school/lesson/42.pdf").orElseThrow()) {
            assertArrayEquals(pdf, in.readAllBytes());
        }
        StoredFile again = a.put("school/lesson/42.pdf", new ByteArrayInputStream(pdf));
        assertEquals(f.sha256(), again.sha256(), "same content, same checksum");
        try (Stream<Path> left = Files.list(dir.resolve("school/lesson"))) {
            assertEquals(1, left.count(), "no part file left beside it");
        }
        assertTrue(b.delete("school/lesson/42.pdf"));
        assertFalse(a.delete("school/lesson/42.pdf"));
        assertTrue(a.open("school/lesson/42.pdf").isEmpty());
    }

    @Test
    void aKeyNeverLeavesTheFolder() {
        SharedFiles files = new SharedFiles(dir);
        for (String bad : new String[] {"../etc/passwd", "/etc/passwd", "a/../../b", ".hidden", "a//b", "a/", "",
            "a\\b", "c:x"}) {
            assertThrows(IllegalArgumentException.class, () -> files.open(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> files.open(null));
    }

    @Test
    void aBrokenUploadLeavesNothingUnderTheKey() throws IOException {
        SharedFiles files = new SharedFiles(dir);
        InputStream broken = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n++ > 10) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };
        assertThrows(java.io.UncheckedIOException.class, () -> files.put("association/7.txt", broken));
        assertTrue(files.open("association/7.txt").isEmpty());
        try (Stream<Path> left = Files.list(dir.resolve("association"))) {
            assertEquals(0, left.count(), "the part file is removed");
        }
    }

    @Test
    void theFolderIsRenkouFilesElseFilesInTheHome() {
        assertEquals(Path.of("/mnt/renkou"), SharedFiles.root(" /mnt/renkou ", "/srv/a"));
        assertEquals(Path.of("/srv/a/files"), SharedFiles.root(null, "/srv/a"));
        assertEquals(Path.of("./files"), SharedFiles.root("", null));
    }
}
