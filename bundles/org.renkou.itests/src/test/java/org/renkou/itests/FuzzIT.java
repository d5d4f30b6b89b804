package org.renkou.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The API fuzzer (issue 19): walks {@code /api/openapi.json} and sends malformed and hostile path parameters, query
 * parameters and bodies (built from each operation's schema) to every operation as a community officer, with a
 * fixed seed and a bounded number of requests. Fails on any 5xx, any stack trace or Java class name in an answer,
 * and any answer slower than {@code renkou.fuzz.maxMillis} (2 s). Login and logout are left out (they would end
 * the session under test, and the login throttle has its own test).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FuzzIT {
    private static final String PORT_PROPERTY = "renkou.itests.fuzz.port";
    static final long SEED = 19L;
    /** Requests per operation (each with fresh random choices). */
    private static final int ROUNDS = Integer.getInteger("renkou.fuzz.rounds", 24);
    private static final long MAX_MILLIS = Long.getLong("renkou.fuzz.maxMillis", 2000L);
    /** Wall-clock budget of the fuzzing itself. */
    private static final long BUDGET_MILLIS = Long.getLong("renkou.fuzz.budgetMillis", 120_000L);
    /** A stack frame, an exception's name, or a Java class name (a bundle's symbolic name is not one). */
    private static final Pattern LEAK = Pattern.compile("(Exception\\b|\\bat [a-z][\\w.$]+\\([\\w]+\\.java:\\d+\\)"
            + "|\\b(org|com|java|javax|jakarta)\\.[a-z0-9_]+(\\.[a-z0-9_]+)*\\.[A-Z][A-Za-z0-9]*(\\$|\\b))");

    /** A bundle's symbolic name may look like a class name ({@code com.zaxxer.HikariCP}) and is not one. */
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("\"symbolicName\":\"[^\"]*\"");

    /** What in an answer looks like a class name or a stack trace (the failure names it), or null. */
    private static String leak(String body) {
        Matcher m = LEAK.matcher(SYMBOLIC_NAME.matcher(body).replaceAll(""));
        return m.find() ? m.group() : null;
    }

    static final String[] STRINGS = {"", " ", "a", "张三", "𪚥", "\u0000", "\u001b[31m", "line\nbreak", "\ud800",
        "abc\u202eexe", "\u200b\u200b", "' OR 1=1 --", "%", "_", "\\", "\"", "<script>alert(1)</script>",
        "../../etc/passwd", "x".repeat(5000), "4406069010019999", "-1", "NaN", "{}", "null", "e\u0301"};
    static final String[] NUMBERS = {"0", "-1", "1", "2147483648", "-9223372036854775808", "9223372036854775807",
        "99999999999999999999", "1e400", "1.5", "\"1\"", "\"x\"", "true", "null", "[]", "{}"};
    static final String[] DATES = {"\"-999999999-01-01\"", "\"+10000-01-01\"", "\"0000-01-01\"", "\"-0001-12-31\"",
        "\"1899-12-31\"", "\"2200-01-01\"", "\"2026-02-30\"", "\"2026-13-01\"", "\"today\"", "\"\"", "20260101",
        "\"2026-01-01\"", "null"};
    static final String[] PATH_VALUES = {"1", "0", "-1", "999999999", "99999999999999999999", "abc", "%00", "..%2F..",
        "440606901001", "%E2%80%AE", "%27%20OR%201%3D1", "1.5", "%F0%AA%9A%A5", "x".repeat(300)};
    static final String[] BODIES = {"", "{", "null", "[]", "{}", "\"x\"", "123", "{\"a\":", "[".repeat(3000),
        "{\"x\":" + "[".repeat(500) + "]".repeat(500) + "}", "\u0000", "{\"version\":\"x\"}", "{\"id\":1e400}"};

    private final Http admin = new Http(Integer.getInteger(PORT_PROPERTY, -1));
    private final Http officer = admin.as("fuzz-a");

    @Configuration
    public Option[] config() {
        int port = RenkouOptions.freePort();
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        return RenkouOptions.renkouRuntime(RenkouOptions.newHome("fuzz"), port);
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader("Import-Package", "*;resolution:=optional");
        return probe;
    }

    @Test
    @SuppressWarnings("unchecked")
    public void noInputMakesTheApiFail() throws Exception {
        ready();
        Http.Response made = admin.postJson("/api/staff", "{\"username\":\"fuzz-a\",\"name\":\"fuzz\","
                + "\"roles\":[\"FAMILY_SERVICES\",\"WAREHOUSE_KEEPER\"],\"jurisdictionCodes\":[\"440606901001\"]}");
        assertEquals(made.body(), 201, made.status());
        Map<String, Object> api = description();
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) api.get("components")).get("schemas");
        Map<String, Object> paths = (Map<String, Object>) api.get("paths");

        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        int operations = 0;
        long start = System.currentTimeMillis();
        String server = server(api);
        outer:
        for (Map.Entry<String, Object> p : paths.entrySet()) {
            String template = server + p.getKey();
            if (template.startsWith("/api/auth/")) {
                continue;
            }
            for (Map.Entry<String, Object> m : ((Map<String, Object>) p.getValue()).entrySet()) {
                Map<String, Object> op = (Map<String, Object>) m.getValue();
                String method = m.getKey().toUpperCase();
                if (method.equals("OPTIONS") || method.equals("HEAD")) {
                    continue;
                }
                operations++;
                for (int round = 0; round < ROUNDS; round++) {
                    if (System.currentTimeMillis() - start > BUDGET_MILLIS) {
                        break outer;
                    }
                    String path = path(template, op, random);
                    String body = null;
                    String type = null;
                    if (op.containsKey("requestBody")) {
                        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) op.get("requestBody"))
                                .get("content");
                        type = content.containsKey("application/json") ? "application/json"
                                : content.keySet().iterator().next();
                        Object schema = ((Map<String, Object>) content.values().iterator().next()).get("schema");
                        body = round % 3 == 0 ? pick(random, BODIES) : value(schema, schemas, random, 0);
                        if (round % 7 == 6) {
                            type = "text/plain"; // a media type the operation does not take
                        }
                    }
                    long t0 = System.nanoTime();
                    Http.Response r = officer.send(method, path, type, body);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    requests++;
                    String what = method + " " + path + (body == null ? "" : " " + abbreviate(body));
                    // 503 problem+json is the documented "province module not active" (ProvinceIT): not a crash
                    boolean documented503 = r.status() == 503 && r.contentType() != null
                            && r.contentType().startsWith("application/problem+json");
                    if (r.status() >= 500 && !documented503) {
                        failures.add(r.status() + " for " + what + ": " + abbreviate(r.body()));
                    } else if (leak(r.body()) != null) {
                        failures.add("internals (" + leak(r.body()) + ") in the answer to " + what + ": "
                                + abbreviate(r.body()));
                    } else if (ms > MAX_MILLIS) {
                        failures.add(ms + " ms for " + what);
                    }
                }
            }
        }
        long took = System.currentTimeMillis() - start;
        System.out.println("FuzzIT: " + requests + " requests to " + operations + " operations in " + took
                + " ms, seed " + SEED + ", " + failures.size() + " failures");
        assertTrue("fuzzed too little: " + requests, requests >= 500);
        assertTrue(failures.size() + " failures, first: " + String.join("\n", failures.subList(0,
                Math.min(25, failures.size()))), failures.isEmpty());
    }

    /**
     * A NUL or another control character in a query parameter or a JSON string is a 400 problem+json naming the
     * field, on Derby and PostgreSQL alike (PostgreSQL refuses NUL in text, SQLSTATE 22021: {@code ?parent=%00} was
     * a 500 there, and a jurisdiction's name with NUL was a 500 there and stored on Derby); in a path, a 400.
     * The random fuzzing above may or may not pick these; this asks every time. Rare characters still pass.
     */
    @Test
    public void controlCharactersAreRefusedNamingTheField() throws Exception {
        ready();
        String[][] cases = {
            {"GET", "/api/jurisdictions?parent=%00", null, "parent"},
            {"GET", "/api/jurisdictions?parent=4406%1B", null, "parent"},
            {"GET", "/api/residents?limit=10&name=%E5%BC%A0%00", null, "name"},
            {"POST", "/api/jurisdictions", "{\"code\":\"440606901098\",\"name\":\"测\\u0000试\","
                + "\"level\":\"COMMUNITY\",\"parentCode\":\"440606901\"}", "name"},
            {"POST", "/api/jurisdictions", "{\"code\":\"440606901097\",\"name\":\"测试\","
                + "\"level\":\"COMMUNITY\",\"parentCode\":\"44060690\\u00001\"}", "parentCode"},
            {"POST", "/api/staff", "{\"username\":\"nul-a\",\"name\":\"nul\",\"roles\":[\"FAMILY_SERVICES\"],"
                + "\"jurisdictionCodes\":[\"440606901001\",\"44060690100\\u001b1\"]}", "jurisdictionCodes.[1]"},
        };
        List<String> failures = new ArrayList<>();
        for (String[] c : cases) {
            Http.Response r = admin.send(c[0], c[1], c[2] == null ? null : "application/json", c[2]);
            if (r.status() != 400 || r.contentType() == null || !r.contentType().startsWith("application/problem+json")
                    || !r.body().contains("\"field\":\"" + c[3] + "\"")) {
                failures.add(c[0] + " " + c[1] + (c[2] == null ? "" : " " + c[2]) + ": " + r.status() + " "
                        + abbreviate(r.body()));
            }
        }
        // an encoded control character in the path Jetty refuses before any servlet runs: its own 400 page (the
        // path parameters' check in RequestTextFilter and the lookup servlet is the second line behind it)
        for (String path : new String[] {"/api/jurisdictions/%00", "/api/jurisdictions/4406%1B",
            "/api/residents/by-id-number/4406%00", "/api/residents/by-id-number/44060619880808%1B"}) {
            Http.Response r = admin.get(path);
            if (r.status() != 400 || leak(r.body()) != null) {
                failures.add("GET " + path + ": " + r.status() + " " + abbreviate(r.body()));
            }
        }
        // CJK Extension B and an emoji are text like any other
        Http.Response rare = admin.postJson("/api/jurisdictions", "{\"code\":\"440606901096\",\"name\":\"𪚥村😀\","
                + "\"level\":\"COMMUNITY\",\"parentCode\":\"440606901\"}");
        if (rare.status() != 201) {
            failures.add("a name with 𪚥 and an emoji: " + rare.status() + " " + abbreviate(rare.body()));
        }
        Http.Response found = admin.get("/api/jurisdictions?parent=440606901");
        if (found.status() != 200 || !((List<?>) MiniJson.parse(found.body())).stream()
                .anyMatch(j -> "𪚥村😀".equals(((Map<?, ?>) j).get("name")))) {
            failures.add("the children of 440606901: " + found.status() + " " + abbreviate(found.body()));
        }
        assertTrue(failures.size() + " failures:\n" + String.join("\n", failures), failures.isEmpty());
    }

    /** Security headers on every answer, no TRACE, and one client address cannot try passwords at will. */
    @Test
    public void headersTraceAndLoginThrottle() throws Exception {
        int port = Integer.getInteger(PORT_PROPERTY, -1);
        ready();
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL("http://127.0.0.1:" + port
                + "/api/residents?limit=1").openConnection();
        c.setRequestProperty("X-Renkou-User", "fuzz-headers");
        c.getResponseCode();
        assertTrue(String.valueOf(c.getHeaderField("Content-Security-Policy")),
                String.valueOf(c.getHeaderField("Content-Security-Policy")).contains("frame-ancestors"));
        assertEquals("nosniff", c.getHeaderField("X-Content-Type-Options"));
        assertEquals("SAMEORIGIN", c.getHeaderField("X-Frame-Options"));
        assertEquals("no-referrer", c.getHeaderField("Referrer-Policy"));
        assertEquals("no-store", c.getHeaderField("Cache-Control"));
        assertEquals(405, admin.send("TRACE", "/api/health", null, (String) null).status());

        Http anonymous = new Http(port);
        int last = 0;
        for (int i = 0; i < 25 && last != 429; i++) {
            Http.Response r = anonymous.postJson("/api/auth/login", "{\"username\":\"nobody-" + i
                    + "\",\"password\":\"wrong-123\"}");
            last = r.status();
            if (last == 401) {
                assertTrue(r.body(), r.body().contains("用户名或密码错误"));
            }
        }
        assertEquals("20 failed logins from one address are throttled", 429, last);
    }

    /**
     * The scoping test generated from the API description: for every operation with an id in its path or body,
     * officer A using B's ids gets the same answer (status, field, text with the id masked) as for an id that does
     * not exist, and B's records do not change.
     */
    @Test
    @SuppressWarnings("unchecked")
    public void anotherCommunitysIdsAnswerLikeMissingOnes() throws Exception {
        ready();
        for (String[] s : new String[][] {{"gen-a", "440606901001"}, {"gen-b", "440606901002"}}) {
            Http.Response made = admin.postJson("/api/staff", "{\"username\":\"" + s[0] + "\",\"name\":\"" + s[0]
                    + "\",\"roles\":[\"FAMILY_SERVICES\",\"WAREHOUSE_KEEPER\"],\"jurisdictionCodes\":[\"" + s[1] + "\"]}");
            assertEquals(made.body(), 201, made.status());
        }
        Http a = admin.as("gen-a");
        Http b = admin.as("gen-b");
        long man = id(b.postJson("/api/residents", person("44060619880808011", "钱强")));
        long woman = id(b.postJson("/api/residents", person("44060619900101022", "孙丽")));
        long household = id(b.postJson("/api/households", "{\"number\":\"G-1\",\"residenceCode\":\"440606901002\","
                + "\"members\":[{\"residentId\":" + man + ",\"relation\":\"HEAD\"}]}"));
        long marriage = id(b.postJson("/api/marriages", "{\"partyAId\":" + man + ",\"partyBId\":" + woman
                + ",\"marriageDate\":\"2015-05-01\",\"authority\":\"顺德区民政局\",\"certificateNumber\":\"G-1\"}"));
        String before = b.get("/api/residents/" + man).body() + b.get("/api/residents/" + woman).body()
                + b.get("/api/households/" + household).body() + b.get("/api/marriages/" + marriage).body();
        long[] theirs = {man, woman, household, marriage};
        long missing = 987654321L;

        Map<String, Object> api = description();
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) api.get("components")).get("schemas");
        List<String> failures = new ArrayList<>();
        int compared = 0;
        String server = server(api);
        for (Map.Entry<String, Object> p : ((Map<String, Object>) api.get("paths")).entrySet()) {
            String template = server + p.getKey();
            if (template.startsWith("/api/auth/") || template.startsWith("/api/staff")) {
                continue;
            }
            for (Map.Entry<String, Object> m : ((Map<String, Object>) p.getValue()).entrySet()) {
                Map<String, Object> op = (Map<String, Object>) m.getValue();
                String method = m.getKey().toUpperCase();
                if (method.equals("OPTIONS") || method.equals("HEAD")) {
                    continue;
                }
                // path parameters that are record ids ({id}, {residentId}…), not codes or names
                boolean idInPath = template.matches(".*\\{(id|[a-z]+Id)(:[^}]*)?\\}.*")
                        && !template.replaceAll("\\{(id|[a-z]+Id)(:[^}]*)?\\}", "").contains("{");
                Object schema = null;
                if (op.containsKey("requestBody")) {
                    Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) op.get("requestBody"))
                            .get("content");
                    if (content.containsKey("application/json")) {
                        schema = ((Map<String, Object>) content.get("application/json")).get("schema");
                    }
                }
                boolean idInBody = schema != null && idFields(schema, schemas, 0);
                if (!idInPath && !idInBody) {
                    continue;
                }
                for (long id : theirs) {
                    Http.Response theirsAnswer = call(a, method, template, schema, schemas, id);
                    Http.Response missingAnswer = call(a, method, template, schema, schemas, missing);
                    compared++;
                    // both ids masked in both answers: a small id may also be a number in a message
                    String x = masked(masked(theirsAnswer.body(), id), missing);
                    String y = masked(masked(missingAnswer.body(), missing), id);
                    if (theirsAnswer.status() != missingAnswer.status() || !x.equals(y)) {
                        failures.add(method + " " + template + " with B's " + id + ": " + theirsAnswer.status() + " "
                                + abbreviate(theirsAnswer.body()) + " / missing: " + missingAnswer.status() + " "
                                + abbreviate(missingAnswer.body()));
                    }
                    if (theirsAnswer.status() < 300) {
                        failures.add(method + " " + template + " with B's " + id + " succeeded: " + theirsAnswer.status());
                    }
                }
            }
        }
        String after = b.get("/api/residents/" + man).body() + b.get("/api/residents/" + woman).body()
                + b.get("/api/households/" + household).body() + b.get("/api/marriages/" + marriage).body();
        System.out.println("FuzzIT scoping: " + compared + " pairs of requests compared");
        assertTrue("compared too little: " + compared, compared >= 20);
        assertEquals("B's records are unchanged", before, after);
        assertTrue(failures.size() + " differences, first: " + String.join("\n", failures.subList(0,
                Math.min(25, failures.size()))), failures.isEmpty());
    }

    /** Up, with the sample jurisdictions loaded (the staff below work in them). */
    private void ready() throws InterruptedException {
        admin.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 90);
        admin.await("/api/jurisdictions/440606901002", r -> r.status() == 200, 60);
    }

    /**
     * The API description once every module's resources are in it: the modules start after the health turns UP,
     * so read it until two reads a second apart list the same operations (30 s at most).
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> description() throws Exception {
        String previous = "";
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            Http.Response doc = admin.get("/api/openapi.json");
            assertEquals(200, doc.status());
            Map<String, Object> api = (Map<String, Object>) MiniJson.parse(doc.body());
            String keys = ((Map<String, Object>) api.get("paths")).keySet().toString();
            if (keys.equals(previous) || System.currentTimeMillis() > deadline) {
                return api;
            }
            previous = keys;
            Thread.sleep(1000);
        }
    }

    /** The API's base path from the description ({@code servers[0].url}, "/api"). */
    @SuppressWarnings("unchecked")
    private static String server(Map<String, Object> api) {
        Object servers = api.get("servers");
        if (servers instanceof List<?> l && !l.isEmpty()) {
            String url = String.valueOf(((Map<String, Object>) l.get(0)).get("url"));
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        return "";
    }

    private static String person(String first17, String name) {
        return "{\"idNumber\":\"" + first17 + org.renkou.core.api.CitizenId.checkChar(first17) + "\",\"name\":\"" + name
                + "\",\"residenceCode\":\"440606901002\"}";
    }

    private static long id(Http.Response r) {
        assertTrue(r.status() + " " + r.body(), r.status() == 201 || r.status() == 200);
        java.util.regex.Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
        assertTrue(r.body(), m.find());
        return Long.parseLong(m.group(1));
    }

    /** The answer without the id and the per-request incident number, to compare two answers. */
    private static String masked(String body, long id) {
        return body.replaceAll("\\b" + id + "\\b", "X").replaceAll("incident [0-9a-f]{8}", "incident ?");
    }

    /** Whether the schema has a property named like a reference (…Id, …Ids), at any depth. */
    @SuppressWarnings("unchecked")
    private static boolean idFields(Object schemaObject, Map<String, Object> schemas, int depth) {
        Map<String, Object> schema = (Map<String, Object>) schemaObject;
        if (schema == null || depth > 4) {
            return false;
        }
        if (schema.containsKey("$ref")) {
            String ref = (String) schema.get("$ref");
            return idFields(schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), schemas, depth + 1);
        }
        if (schema.get("items") != null) {
            return idFields(schema.get("items"), schemas, depth + 1);
        }
        if (schema.get("properties") instanceof Map<?, ?> props) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) props).entrySet()) {
                if (isReference(e.getKey()) || idFields(e.getValue(), schemas, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isReference(String name) {
        return !name.equals("id") && (name.endsWith("Id") || name.endsWith("Ids"));
    }

    /** One call with {@code id} in every path parameter and every reference of the body; other fields plausible. */
    private static Http.Response call(Http who, String method, String template, Object schema,
            Map<String, Object> schemas, long id) throws java.io.IOException {
        String path = template.replaceAll("\\{[^}]*\\}", Long.toString(id));
        String body = schema == null ? null : plausible(schema, schemas, id, null, 0);
        return who.send(method, path, body == null ? null : "application/json", body);
    }

    /** A well-formed value: references are {@code id}, dates 2020-01-01, texts 测试, enums their first value. */
    @SuppressWarnings("unchecked")
    private static String plausible(Object schemaObject, Map<String, Object> schemas, long id, String name, int depth) {
        Map<String, Object> schema = (Map<String, Object>) schemaObject;
        if (schema == null || depth > 4) {
            return "null";
        }
        if (schema.containsKey("$ref")) {
            String ref = (String) schema.get("$ref");
            return plausible(schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), schemas, id, name, depth + 1);
        }
        String type = String.valueOf(schema.get("type"));
        switch (type) {
            case "object": {
                if (!(schema.get("properties") instanceof Map)) {
                    return "{}";
                }
                StringBuilder b = new StringBuilder("{");
                for (Map.Entry<String, Object> e : ((Map<String, Object>) schema.get("properties")).entrySet()) {
                    if (e.getKey().equals("id")) {
                        continue;
                    }
                    b.append(b.length() > 1 ? "," : "").append(MiniJson.quote(e.getKey())).append(':')
                            .append(plausible(e.getValue(), schemas, id, e.getKey(), depth + 1));
                }
                return b.append('}').toString();
            }
            case "array":
                return "[" + plausible(schema.get("items"), schemas, id, name != null && name.endsWith("Ids")
                        ? name.substring(0, name.length() - 1) : name, depth + 1) + "]";
            case "integer":
            case "number":
                return name != null && isReference(name) ? Long.toString(id) : name != null && name.equals("version")
                        ? "0" : "1";
            case "boolean":
                return "false";
            default:
                if ("date".equals(String.valueOf(schema.get("format")))) {
                    return "\"2020-01-01\"";
                }
                if ("date-time".equals(String.valueOf(schema.get("format")))) {
                    return "\"2020-01-01T00:00:00Z\"";
                }
                if (schema.get("enum") instanceof List<?> l && !l.isEmpty()) {
                    return MiniJson.quote(String.valueOf(l.get(0)));
                }
                return MiniJson.quote("测试");
        }
    }

    @SuppressWarnings("unchecked")
    private static String path(String template, Map<String, Object> op, Random random) {
        java.util.regex.Matcher m = Pattern.compile("\\{([^}:]+)(:[^}]*)?\\}").matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(pick(random, PATH_VALUES)));
        }
        m.appendTail(b);
        StringBuilder query = new StringBuilder();
        Object params = op.get("parameters");
        if (params instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> param = (Map<String, Object>) o;
                if ("query".equals(param.get("in")) && random.nextInt(3) > 0) {
                    String v = random.nextBoolean() ? pick(random, STRINGS)
                            : pick(random, DATES).replace("\"", "");
                    query.append(query.length() == 0 ? '?' : '&').append(param.get("name")).append('=')
                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                }
            }
        }
        return b + query.toString();
    }

    /** A hostile value of {@code schema}: mostly the right shape, with bad contents. */
    @SuppressWarnings("unchecked")
    static String value(Object schemaObject, Map<String, Object> schemas, Random random, int depth) {
        Map<String, Object> schema = (Map<String, Object>) schemaObject;
        if (schema == null || depth > 4) {
            return "null";
        }
        if (schema.containsKey("$ref")) {
            String ref = (String) schema.get("$ref");
            return value(schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), schemas, random, depth + 1);
        }
        String type = String.valueOf(schema.get("type"));
        String format = String.valueOf(schema.get("format"));
        if (random.nextInt(10) == 0) {
            return pick(random, NUMBERS); // the wrong type now and then
        }
        switch (type) {
            case "object": {
                Object props = schema.get("properties");
                if (!(props instanceof Map)) {
                    return "{}";
                }
                StringBuilder b = new StringBuilder("{");
                for (Map.Entry<String, Object> e : ((Map<String, Object>) props).entrySet()) {
                    if (random.nextInt(4) == 0) {
                        continue;
                    }
                    if (b.length() > 1) {
                        b.append(',');
                    }
                    b.append(MiniJson.quote(e.getKey())).append(':').append(value(e.getValue(), schemas, random, depth + 1));
                }
                return b.append('}').toString();
            }
            case "array": {
                int n = random.nextInt(3);
                StringBuilder b = new StringBuilder("[");
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "").append(value(schema.get("items"), schemas, random, depth + 1));
                }
                return b.append(']').toString();
            }
            case "integer":
            case "number":
                return pick(random, NUMBERS);
            case "boolean":
                return random.nextBoolean() ? "true" : "\"yes\"";
            default:
                if ("date".equals(format)) {
                    return pick(random, DATES);
                }
                if ("date-time".equals(format)) {
                    return random.nextBoolean() ? "\"+10000-01-01T00:00:00Z\"" : "\"yesterday\"";
                }
                Object values = schema.get("enum");
                if (values instanceof List<?> l && !l.isEmpty() && random.nextBoolean()) {
                    return MiniJson.quote(String.valueOf(l.get(random.nextInt(l.size()))));
                }
                return MiniJson.quote(pick(random, STRINGS));
        }
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
