package org.renkou.core.internal.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (RFC 4180: comma separated, fields optionally in double quotes, {@code ""} for a quote inside
 * one, CRLF or LF line ends) and tells the line each record starts on, for error messages. Blank lines are skipped.
 * A byte order mark before the first field is dropped.
 */
final class CsvReader implements Closeable {
    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long line = 1;
    private long recordLine;
    private boolean first = true;
    private final StringBuilder field = new StringBuilder(64);

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The line the last record returned by {@link #next} starts on (1 = the first line of the file). */
    long line() {
        return recordLine;
    }

    /** The next record's fields, or {@code null} at the end of the file. */
    List<String> next() throws IOException {
        while (true) {
            int c = peek();
            if (c == -1) {
                return null;
            }
            if (first && c == '\uFEFF') {
                pos++;
                first = false;
                continue;
            }
            first = false;
            if (c == '\r' || c == '\n') { // blank line
                endOfLine();
                continue;
            }
            recordLine = line;
            return record();
        }
    }

    private List<String> record() throws IOException {
        List<String> fields = new ArrayList<>(12);
        while (true) {
            field.setLength(0);
            int c = peek();
            if (c == '"') {
                pos++;
                quoted();
                c = peek();
                while (c != -1 && c != ',' && c != '\r' && c != '\n') { // text after the closing quote: keep it
                    field.append((char) c);
                    pos++;
                    c = peek();
                }
            } else {
                while (c != -1 && c != ',' && c != '\r' && c != '\n') {
                    field.append((char) c);
                    pos++;
                    c = peek();
                }
            }
            fields.add(field.toString());
            if (c == ',') {
                pos++;
                continue;
            }
            if (c != -1) {
                endOfLine();
            }
            return fields;
        }
    }

    private void quoted() throws IOException {
        while (true) {
            int c = peek();
            if (c == -1) {
                return; // unterminated quote: the rest of the file is the field
            }
            pos++;
            if (c == '"') {
                if (peek() == '"') {
                    pos++;
                    field.append('"');
                } else {
                    return;
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                field.append((char) c);
            }
        }
    }

    private void endOfLine() throws IOException {
        if (peek() == '\r') {
            pos++;
        }
        if (peek() == '\n') {
            pos++;
        }
        line++;
    }

    private int peek() throws IOException {
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
