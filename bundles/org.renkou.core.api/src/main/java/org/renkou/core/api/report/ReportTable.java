package org.renkou.core.api.report;

import java.util.List;
import java.util.Objects;

/**
 * One table of a report (报表), already in the reader's language. A blank {@code title} writes no title row in a
 * workbook (the header is then row 1, as a file to be filled in and read back needs it).
 *
 * @param title   the heading, also the sheet name in a workbook (shortened to Excel's 31 characters)
 * @param columns column headings
 * @param rows    the rows; a cell is a {@code String}, a {@code Number} (written as a number), a
 *                {@code java.time.LocalDate} or {@code LocalDateTime}, or {@code null} for an empty cell
 * @param notes   lines printed under the table: source, "as of" time, who signed off
 */
public record ReportTable(String title, List<String> columns, List<List<Object>> rows, List<String> notes) {
    public ReportTable {
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
