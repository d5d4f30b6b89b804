package org.renkou.core.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.renkou.core.api.RenkouException;

/**
 * A CSV file on disk with its character set settled and its data rows counted. Chinese offices produce both UTF-8
 * (with or without BOM, from newer software) and GBK (Excel on a Chinese Windows saves "CSV" in GBK): unless a
 * charset is given, a file is UTF-8 when all of it decodes strictly as UTF-8, else GBK.
 *
 * @param rows lines that are neither blank nor the header (an estimate for progress if quoted fields hold line breaks)
 */
record CsvFile(Path path, Charset charset, long rows) {
    static final Charset GBK = Charset.forName("GBK");

    /** Reads the whole file once: counts lines and, without {@code charsetName}, tries strict UTF-8. */
    static CsvFile open(Path path, String charsetName) throws IOException {
        Charset given = charsetName == null || charsetName.isBlank() ? null : charset(charsetName.strip());
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean isUtf8 = given == null;
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long lines = 0;
        boolean content = false;
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.read(bytes.array(), bytes.position(), bytes.remaining())) != -1) {
                byte[] a = bytes.array();
                for (int i = bytes.position(), end = i + n; i < end; i++) {
                    byte b = a[i];
                    if (b == '\n') {
                        if (content) {
                            lines++;
                        }
                        content = false;
                    } else if (b != '\r' && b != ' ' && b != '\t' && b != ',') {
                        content = true;
                    }
                }
                bytes.position(bytes.position() + n);
                bytes.flip();
                if (isUtf8) {
                    isUtf8 = !utf8.decode(bytes, chars, false).isError();
                    chars.clear();
                }
                if (isUtf8) {
                    bytes.compact();
                } else {
                    bytes.clear();
                }
            }
            if (isUtf8) {
                bytes.flip();
                CoderResult r = utf8.decode(bytes, chars, true);
                isUtf8 = !r.isError() && !bytes.hasRemaining();
            }
        }
        if (content) {
            lines++;
        }
        Charset cs = given != null ? given : isUtf8 ? StandardCharsets.UTF_8 : GBK;
        return new CsvFile(path, cs, Math.max(0, lines - 1));
    }

    Reader reader() throws IOException {
        return new InputStreamReader(Files.newInputStream(path), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw RenkouException.invalid("charset", "不支持的字符编码“" + name + "”，请使用 UTF-8 或 GBK。",
                    "Unsupported character set '" + name + "'; use UTF-8 or GBK.");
        }
    }
}
