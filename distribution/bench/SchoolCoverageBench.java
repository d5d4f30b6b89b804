import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The population school coverage benchmark (run by school-coverage.sh) on a county loaded by the bulk import with
 * the sample county generator's layout (20 streets of 10 communities at 1,000,000 residents): a school per
 * community with a class enrolled by the target group WOMEN_15_49, {@code sessions} sessions spread over the year,
 * the attendance of the whole class at one session per school in the quarter timed; then times
 * {@code GET /api/school/coverage?quarter=} (ten runs after a first) against a reference measured in the same run:
 * a page of 50 residents ({@code GET /api/residents?limit=50}). Medians.
 */
public class SchoolCoverageBench {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        String county = args[1];
        int residents = Integer.parseInt(args[2]);
        int sessions = Integer.parseInt(args[3]);
        String quarter = args[4];
        LocalDate from = LocalDate.of(Integer.parseInt(quarter.substring(0, 4)), (quarter.charAt(5) - '1') * 3 + 1, 1);
        // the generator's layout (CountyGenerator): communities = min(200, residents / 2000) under min(20, c / 10) streets
        int communities = Math.max(1, Math.min(200, residents / 2000));
        int streets = Math.max(1, Math.min(20, communities / 10));
        List<String> codes = new ArrayList<>();
        for (int s = 1; s <= streets; s++) {
            for (int c = 1; c <= Math.max(1, communities / streets); c++) {
                codes.add(county + String.format("%03d%03d", 100 + s, c));
            }
        }
        if (send("GET", "/school/schools", null).contains("\"id\"")) { // a home set up by an earlier run
            if ("1".equals(System.getenv("RESAVE"))) {
                resave();
            }
            time(quarter);
            return;
        }
        long t0 = System.nanoTime();
        long enrolled = 0;
        long[] school = new long[codes.size()];
        long[] teacher = new long[codes.size()];
        long[] klass = new long[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            school[i] = id(send("POST", "/school/schools", "{\"name\":\"示例人口学校" + i + "\",\"jurisdictionCode\":\""
                    + codes.get(i) + "\"}"));
            teacher[i] = id(send("POST", "/school/schools/" + school[i] + "/teachers",
                    "{\"name\":\"讲师\",\"organisation\":\"妇幼保健院\"}"));
            long course = id(send("POST", "/school/schools/" + school[i] + "/courses", "{\"title\":\"生殖健康\","
                    + "\"stages\":[\"CONTRACEPTION\"],\"topic\":\"REPRODUCTIVE_HEALTH\",\"hours\":2,\"passMark\":60}"));
            klass[i] = id(send("POST", "/school/schools/" + school[i] + "/classes", "{\"name\":\"第一期\",\"courseId\":"
                    + course + ",\"teacherId\":" + teacher[i] + ",\"startsOn\":\"" + from + "\"}"));
            Matcher m = Pattern.compile("\"enrolled\":(\\d+)").matcher(send("POST", "/school/classes/" + klass[i]
                    + "/enrolments/group", "{\"targetGroup\":\"WOMEN_15_49\"}"));
            enrolled += m.find() ? Long.parseLong(m.group(1)) : 0;
        }
        System.out.printf("%d schools, %d enrolled by query in %.0f s%n", codes.size(), enrolled,
                (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        LocalDate jan = from.withDayOfYear(1);
        int days = LocalDate.now().getDayOfYear() - 1; // held up to today
        long[] attended = new long[codes.size()];
        for (int n = 0; n < sessions; n++) {
            int i = n % codes.size();
            LocalDate on = jan.plusDays((long) (n / codes.size()) * days / Math.max(1, sessions / codes.size()));
            boolean ofClass = attended[i] == 0 && !on.isBefore(from);
            long session = id(send("POST", "/school/schools/" + school[i] + "/sessions", "{\"heldOn\":\"" + on
                    + "\",\"topic\":\"优生优育\",\"teacherId\":" + teacher[i] + ",\"targetGroup\":\"育龄妇女\""
                    + (ofClass ? ",\"classId\":" + klass[i] : "") + "}"));
            if (ofClass) {
                attended[i] = session;
            }
        }
        System.out.printf("%d sessions in %.0f s%n", sessions, (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        List<Double> attendance = new ArrayList<>();
        long marks = 0;
        String[] kinds = {"PRESENT", "PRESENT", "LATE", "ABSENT", "EXCUSED"};
        for (int i = 0; i < codes.size(); i++) {
            if (attended[i] == 0) {
                continue;
            }
            Matcher lines = Pattern.compile("\\{\"id\":(\\d+)").matcher(send("GET", "/school/classes/" + klass[i]
                    + "/roster", null));
            StringBuilder body = new StringBuilder("[");
            int k = 0;
            while (lines.find() && k < 2000) {
                body.append(k == 0 ? "" : ",").append("{\"enrolmentId\":").append(lines.group(1)).append(",\"mark\":\"")
                        .append(kinds[k++ % kinds.length]).append("\"}");
            }
            if (k == 0) {
                continue;
            }
            long s = System.nanoTime();
            send("PUT", "/school/sessions/" + attended[i] + "/attendance", body.append(']').toString());
            attendance.add((System.nanoTime() - s) / 1e6);
            marks += k;
        }
        System.out.printf("attendance: %d marks at %d sessions in %.0f s, median %.0f ms a class%n", marks,
                attendance.size(), (System.nanoTime() - t0) / 1e9, median(attendance.stream()
                        .mapToDouble(Double::doubleValue).toArray()));
        time(quarter);
    }

    /**
     * RESAVE=1 on a home set up before: saves the attendance of every class again with each mark moved on
     * (present → late → absent → excused → present), so every mark changes and with it who attended; timed per class.
     * Two homes alike stay alike (the change depends only on the marks there), so two builds' figures still compare.
     */
    static void resave() throws Exception {
        List<String> cycle = List.of("PRESENT", "LATE", "ABSENT", "EXCUSED");
        List<Double> times = new ArrayList<>();
        long marks = 0;
        long t0 = System.nanoTime();
        Matcher schools = Pattern.compile("\\{\"id\":(\\d+)").matcher(send("GET", "/school/schools", null));
        while (schools.find()) {
            Matcher classes = Pattern.compile("\\{\"id\":(\\d+)").matcher(send("GET", "/school/schools/"
                    + schools.group(1) + "/classes", null));
            while (classes.find()) {
                Matcher sessions = Pattern.compile("\\{\"id\":(\\d+)").matcher(send("GET", "/school/classes/"
                        + classes.group(1) + "/sessions", null));
                while (sessions.find()) {
                    Matcher m = Pattern.compile("\"enrolmentId\":(\\d+),\"mark\":\"([A-Z]+)\"").matcher(
                            send("GET", "/school/sessions/" + sessions.group(1) + "/attendance", null));
                    StringBuilder body = new StringBuilder("[");
                    int k = 0;
                    while (m.find()) {
                        body.append(k++ == 0 ? "" : ",").append("{\"enrolmentId\":").append(m.group(1))
                                .append(",\"mark\":\"").append(cycle.get((cycle.indexOf(m.group(2)) + 1) % 4))
                                .append("\"}");
                    }
                    if (k == 0) {
                        continue;
                    }
                    long s = System.nanoTime();
                    send("PUT", "/school/sessions/" + sessions.group(1) + "/attendance", body.append(']').toString());
                    times.add((System.nanoTime() - s) / 1e6);
                    marks += k;
                }
            }
        }
        System.out.printf("attendance saved again, every mark changed: %d marks at %d sessions in %.0f s, median %.0f "
                + "ms a class (runs from %s)%n", marks, times.size(), (System.nanoTime() - t0) / 1e9,
                median(times.stream().mapToDouble(Double::doubleValue).toArray()),
                times.subList(0, Math.min(10, times.size())).stream().map(Math::round).toList());
    }

    static void time(String quarter) throws Exception {
        settleStatistics();
        System.out.println("timing from " + java.time.LocalTime.now(java.time.ZoneOffset.UTC).withNano(0)
                + " UTC; load average " + loadAverage());
        double[] reference = new double[10];
        double[] coverage = new double[10];
        long s = System.nanoTime();
        String first = send("GET", "/school/coverage?quarter=" + quarter, null);
        double firstMs = (System.nanoTime() - s) / 1e6;
        String out = System.getenv("COVERAGE_OUT"); // the whole answer, to compare the figures of two builds
        if (out != null && !out.isBlank()) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(out), first);
        }
        for (int run = 0; run < 10; run++) {
            s = System.nanoTime();
            send("GET", "/residents?limit=50", null);
            reference[run] = (System.nanoTime() - s) / 1e6;
            s = System.nanoTime();
            send("GET", "/school/coverage?quarter=" + quarter, null);
            coverage[run] = (System.nanoTime() - s) / 1e6;
        }
        System.out.println("coverage (first row): " + first.substring(0, Math.min(400, first.length())));
        double ref = median(reference);
        System.out.printf("reference GET /api/residents?limit=50: median %.0f ms (runs %s)%n", ref,
                Arrays.toString(round(reference)));
        System.out.printf("coverage %s over %d schools: first %.0f ms, then median %.0f ms (runs %s), %.1f× the "
                + "reference%n", quarter, first.split("\"schoolId\"").length - 1, firstMs, median(coverage), Arrays.toString(round(coverage)),
                median(coverage) / ref);
        System.out.println("timing done; load average " + loadAverage());
    }

    /**
     * Times nothing while the statistics snapshot of the million residents is being built beside it: waits for the
     * start's snapshot, then builds one on demand (it waits for it) so that the writes of the set-up (audited) do
     * not start a scheduled one (every 5 minutes) in the middle of the timing. Earlier runs timed during the build.
     */
    static void settleStatistics() throws Exception {
        long t0 = System.nanoTime();
        while (!snapshotReady()) {
            Thread.sleep(1000);
        }
        long t1 = System.nanoTime();
        send("POST", "/statistics/refresh", "{}");
        System.out.printf("statistics: start's snapshot ready after %.0f s of waiting, one more built in %.0f s: %s%n",
                (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9, send("GET", "/statistics/snapshot", null));
    }

    static boolean snapshotReady() throws Exception {
        try {
            return send("GET", "/statistics/snapshot", null).matches("(?s).*\"id\":\\d+.*\"refreshing\":false.*");
        } catch (IllegalStateException none) { // none yet
            return false;
        }
    }

    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static long[] round(double[] v) {
        return Arrays.stream(v).mapToLong(Math::round).toArray();
    }

    static long id(String json) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(json);
        }
        return Long.parseLong(m.group(1));
    }

    static String send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        b = json == null ? b.GET() : b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
