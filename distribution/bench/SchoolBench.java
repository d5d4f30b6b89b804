import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The population school benchmark (run by school.sh): registers {@code women} women aged 30–39 in one community,
 * then times (a) enrolling them into a class by the target-group query WOMEN_15_49 in one request (five runs, each
 * into a fresh class) and (b) saving the attendance of a class of 200 in one request (ten runs), against a reference
 * measured in the same run: a page of 50 residents ({@code GET /api/residents?limit=50}). Medians.
 */
public class SchoolBench {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        int women = Integer.parseInt(args[1]);
        String community = "440606901001";
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long school = id(post("POST", "/school/schools", "{\"name\":\"基准学校\",\"jurisdictionCode\":\"" + community + "\"}"));
        long teacher = id(post("POST", "/school/schools/" + school + "/teachers", "{\"name\":\"讲师\",\"organisation\":\"妇幼保健院\"}"));
        long course = id(post("POST", "/school/schools/" + school + "/courses", "{\"title\":\"生殖健康\",\"stages\":[\"CONTRACEPTION\"],"
                + "\"topic\":\"REPRODUCTIVE_HEALTH\",\"hours\":2,\"passMark\":60}"));
        long t0 = System.nanoTime();
        for (int i = 0; i < women; i++) {
            // born 1987–1996 on one of 3,360 days, sequence even (a woman): unique up to 1,680,000
            String first17 = "440606" + (1987 + i % 10) + String.format("%02d%02d%03d", 1 + (i / 10) % 12,
                    1 + (i / 120) % 28, (i / 3360) % 500 * 2);
            post("POST", "/residents", "{\"idNumber\":\"" + idNumber(first17) + "\",\"name\":\"学员" + i
                    + "\",\"residenceCode\":\"" + community + "\"}");
        }
        System.out.printf("registered %d women in %.1f s%n", women, (System.nanoTime() - t0) / 1e9);

        double[] reference = new double[10];
        for (int run = 0; run < reference.length; run++) {
            long s = System.nanoTime();
            get("/residents?limit=50");
            reference[run] = (System.nanoTime() - s) / 1e6;
        }
        double[] enrol = new double[5];
        long lastClass = 0;
        for (int run = 0; run < enrol.length; run++) {
            lastClass = id(post("POST", "/school/schools/" + school + "/classes", "{\"name\":\"第" + run + "期\",\"courseId\":"
                    + course + ",\"teacherId\":" + teacher + ",\"startsOn\":\"" + today + "\"}"));
            long s = System.nanoTime();
            String r = post("POST", "/school/classes/" + lastClass + "/enrolments/group", "{\"targetGroup\":\"WOMEN_15_49\"}");
            enrol[run] = (System.nanoTime() - s) / 1e6;
            if (run == 0) {
                System.out.println("enrolled: " + r);
            }
        }
        // a class of 200: the first 200 of the last roster
        long small = id(post("POST", "/school/schools/" + school + "/classes", "{\"name\":\"200 人班\",\"courseId\":"
                + course + ",\"teacherId\":" + teacher + ",\"startsOn\":\"" + today + "\"}"));
        String roster = get("/school/classes/" + lastClass + "/roster");
        Matcher m = Pattern.compile("\"residentId\":(\\d+)").matcher(roster);
        for (int i = 0; i < 200 && m.find(); i++) {
            post("POST", "/school/classes/" + small + "/enrolments", "{\"residentId\":" + m.group(1) + "}");
        }
        long session = id(post("POST", "/school/schools/" + school + "/sessions", "{\"heldOn\":\"" + today
                + "\",\"topic\":\"基准\",\"teacherId\":" + teacher + ",\"targetGroup\":\"育龄妇女\",\"classId\":" + small + "}"));
        Matcher lines = Pattern.compile("\\{\"id\":(\\d+)").matcher(get("/school/classes/" + small + "/roster"));
        List<String> ids = new ArrayList<>();
        while (lines.find()) {
            ids.add(lines.group(1));
        }
        double[] attend = new double[10];
        String[] marks = {"PRESENT", "LATE", "EXCUSED", "ABSENT"};
        for (int run = 0; run < attend.length; run++) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < ids.size(); i++) {
                body.append(i == 0 ? "" : ",").append("{\"enrolmentId\":").append(ids.get(i)).append(",\"mark\":\"")
                        .append(marks[(i + run) % 4]).append("\"}");
            }
            long s = System.nanoTime();
            String r = post("PUT", "/school/sessions/" + session + "/attendance", body.append(']').toString());
            attend[run] = (System.nanoTime() - s) / 1e6;
            if (run == 0) {
                System.out.println("attendance of " + ids.size() + ": " + r);
            }
        }
        double ref = median(reference);
        System.out.printf("reference GET /api/residents?limit=50: median %.0f ms%n", ref);
        System.out.printf("enrol %d by query: median %.0f ms (runs %s), %.1f× the reference%n", women, median(enrol),
                Arrays.toString(round(enrol)), median(enrol) / ref);
        System.out.printf("attendance of %d: median %.0f ms (runs %s), %.1f× the reference%n", ids.size(), median(attend),
                Arrays.toString(round(attend)), median(attend) / ref);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static long[] round(double[] v) {
        return Arrays.stream(v).mapToLong(Math::round).toArray();
    }

    static String idNumber(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static long id(String json) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(json);
        }
        return Long.parseLong(m.group(1));
    }

    static String post(String method, String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
