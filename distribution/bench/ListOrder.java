import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The resident list's page query before and after V19, on the same stopped database in the same run
 * (distribution/bench/list-order.sh): V9's name order over IX_RESIDENT_LIST (NAME, ID, codes, status), made again
 * here as IX_RESIDENT_LIST_V9, against the pinyin order over IX_RESIDENT_ORDER (NAME_KEY, ID, codes, status), for a
 * community officer, a street and the whole country, first page and page 11 (offset 500), interleaved. Prints median and p95 ms
 * and the ratio after/before. Run with Derby on the class path:
 *   java -cp derby.jar ListOrder.java $RENKOU_HOME/data/renkou [runs]
 */
public class ListOrder {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + args[0])) {
            try (Statement st = c.createStatement()) {
                long t0 = System.nanoTime();
                st.executeUpdate("CREATE INDEX IX_RESIDENT_LIST_V9 ON RESIDENT (NAME, ID, RESIDENCE_CODE, "
                        + "REGISTRATION_CODE, STATUS)");
                System.out.printf("made IX_RESIDENT_LIST_V9 in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            } catch (SQLException exists) {
                System.out.println("IX_RESIDENT_LIST_V9 there already");
            }
            try (Statement st = c.createStatement()) {
                // both indexes packed alike: the new one was filled row by row by the key fill, the old one just made
                long t0 = System.nanoTime();
                st.execute("CALL SYSCS_UTIL.SYSCS_COMPRESS_TABLE('APP', 'RESIDENT', 1)");
                System.out.printf("table and indexes compressed in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
                try (ResultSet rs = st.executeQuery("SELECT CONGLOMERATENAME, NUMALLOCATEDPAGES, PAGESIZE FROM "
                        + "TABLE (SYSCS_DIAG.SPACE_TABLE('APP', 'RESIDENT')) T WHERE ISINDEX = 1 ORDER BY 1")) {
                    while (rs.next()) {
                        System.out.printf("index %s: %d pages of %d bytes%n", rs.getString(1), rs.getLong(2),
                                rs.getInt(3));
                    }
                }
            }
            System.out.println("| reach | page | before (NAME, V9) median / p95 ms | after (NAME_KEY, V19) median / p95 ms"
                    + " | after / before (median) |");
            System.out.println("| --- | --- | --- | --- | --- |");
            String[][] reaches = {{"community 440606101001", "440606101001%"}, {"street 440606101", "440606101%"},
                {"country", null}};
            for (String[] reach : reaches) {
                for (int offset : new int[] {0, 500}) {
                    List<Long> before = new ArrayList<>();
                    List<Long> after = new ArrayList<>();
                    for (int i = 0; i <= runs; i++) { // run 0 warms up
                        long b = time(c, "IX_RESIDENT_LIST_V9", "NAME", reach[1], offset);
                        long a = time(c, "IX_RESIDENT_ORDER", "NAME_KEY", reach[1], offset);
                        if (i > 0) {
                            before.add(b);
                            after.add(a);
                        }
                    }
                    System.out.printf("| %s | %s | %.1f / %.1f | %.1f / %.1f | %.2f |%n", reach[0],
                            offset == 0 ? "1" : "11", median(before), p95(before), median(after), p95(after),
                            median(after) / median(before));
                }
            }
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // Derby answers a clean shutdown with an exception
        }
    }

    /** The page query of ResidentPages, as it was (NAME) or is (NAME_KEY); microseconds. */
    private static long time(Connection c, String index, String order, String prefix, int offset) throws SQLException {
        String where = prefix == null ? "" : " WHERE (RESIDENCE_CODE LIKE ? OR REGISTRATION_CODE LIKE ?)";
        long t0 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM RESIDENT --DERBY-PROPERTIES index=" + index
                + "\n" + where + " ORDER BY " + order + ", ID OFFSET ? ROWS FETCH NEXT 50 ROWS ONLY")) {
            int i = 1;
            if (prefix != null) {
                ps.setString(i++, prefix);
                ps.setString(i++, prefix);
            }
            ps.setInt(i, offset);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            if (n != 50) {
                throw new IllegalStateException(n + " rows for " + prefix);
            }
        }
        return (System.nanoTime() - t0) / 1000;
    }

    private static double median(List<Long> us) {
        List<Long> s = new ArrayList<>(us);
        Collections.sort(s);
        return s.get(s.size() / 2) / 1000.0;
    }

    private static double p95(List<Long> us) {
        List<Long> s = new ArrayList<>(us);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.95) - 1)) / 1000.0;
    }
}
