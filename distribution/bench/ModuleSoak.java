import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module soak (run by module-soak.sh, issue 19): load on the rest of the platform from {@code clients} threads
 * while a module (warehouse, school, association in turn) goes off and on every {@code interval} seconds, for
 * {@code duration} seconds after a warm-up. Counts every answer to the rest that is not 2xx, or no answer at all, as
 * a failed request; checks each switch answers 200, the module's API answers 404 when off and reads back the
 * record made at the start when on again; samples the JVM's threads and heap after a full GC (jcmd) with the load
 * paused after the warm-up and again at the end. Exits 1 on any failed request or failed switch check, warm-up
 * included.
 *   args: base-url pid duration-s [clients] [interval-s, 0: no switches, the control] [warm-up-s]
 */
public class ModuleSoak {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static String base;
    static long pid;

    /** A module and the record made in it at the start: read back after every switch on. */
    record Module(String id, String readPath, String expected) {}

    // the load, counted per operation
    static final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    static final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    static final LongAdder total = new LongAdder();
    static final LongAdder failed = new LongAdder();
    static final AtomicInteger printed = new AtomicInteger();
    static volatile boolean paused;
    static volatile boolean stopped;
    static final AtomicInteger busy = new AtomicInteger();
    static final AtomicInteger residentSeq = new AtomicInteger();
    static final AtomicInteger communitySeq = new AtomicInteger();

    // the switches
    static final AtomicInteger switches = new AtomicInteger();
    static final AtomicInteger switchFailures = new AtomicInteger();
    static final LongAdder moduleTransient = new LongAdder(); // old answer while the JAX-RS rebuild runs (expected)
    static final LongAdder module5xx = new LongAdder();
    static final List<Long> offMillis = new ArrayList<>();
    static final List<Long> onMillis = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        base = args[0];
        pid = Long.parseLong(args[1]);
        int duration = Integer.parseInt(args[2]);
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int interval = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 60;

        List<Module> modules = setUpModules();
        String[] resident = setUpResident();
        log("set up: a record in each module, resident " + resident[0] + "; " + clients + " clients, a switch every "
                + interval + " s, warm-up " + warmup + " s, then " + duration + " s");

        List<Thread> load = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> drive(client, resident), "load-" + c);
            t.setDaemon(true);
            load.add(t);
            t.start();
        }
        Switcher warm = new Switcher(modules, interval, warmup);
        warm.run();
        long warmRequests = total.sum();
        long warmFailed = failed.sum();
        Sample before = sample("start (after warm-up)");
        for (String k : requests.keySet()) { // count the measured run only; the warm-up is reported apart
            requests.get(k).reset();
            failures.computeIfAbsent(k, x -> new LongAdder()).reset();
        }
        total.reset();
        failed.reset();
        int warmSwitches = switches.getAndSet(0);
        int warmSwitchFailures = switchFailures.getAndSet(0);
        offMillis.clear();
        onMillis.clear();
        paused = false;

        long t0 = System.nanoTime();
        Thread progress = new Thread(() -> progress(t0), "progress");
        progress.setDaemon(true);
        progress.start();
        new Switcher(modules, interval, duration).run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Sample after = sample("end");
        stopped = true;

        System.out.println();
        System.out.printf("warm-up: %d requests, %d failed; %d switches, %d failed checks%n", warmRequests,
                warmFailed, warmSwitches, warmSwitchFailures);
        System.out.println("per operation (requests / failed):");
        new TreeMap<>(requests).forEach((k, v) -> System.out.printf("  %-28s %8d / %d%n", k, v.sum(),
                failures.getOrDefault(k, new LongAdder()).sum()));
        if (!offMillis.isEmpty()) System.out.printf("switch to 404 when off: median %d ms, max %d ms; back to the record when on: median %d "
                + "ms, max %d ms; old answers during a switch %d, 5xx from a module's own API %d%n",
                median(offMillis), max(offMillis), median(onMillis), max(onMillis), moduleTransient.sum(),
                module5xx.sum());
        System.out.println("threads by name (start -> end, where they differ):");
        TreeMap<String, int[]> names = new TreeMap<>();
        before.names.forEach((k, v) -> names.computeIfAbsent(k, x -> new int[2])[0] = v);
        after.names.forEach((k, v) -> names.computeIfAbsent(k, x -> new int[2])[1] = v);
        names.forEach((k, v) -> { if (v[0] != v[1]) System.out.printf("  %-50s %d -> %d%n", k, v[0], v[1]); });
        System.out.println("live objects that grew most (class: instances, bytes start -> end):");
        after.histogram.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[] {e.getValue()[0], e.getValue()[1],
                        before.histogram.getOrDefault(e.getKey(), new long[2])[0],
                        before.histogram.getOrDefault(e.getKey(), new long[2])[1]}))
                .sorted((a, b) -> Long.compare(b.getValue()[1] - b.getValue()[3], a.getValue()[1] - a.getValue()[3]))
                .limit(15).forEach(e -> System.out.printf("  %-70s %d -> %d, %.0f KB -> %.0f KB%n", e.getKey(),
                        e.getValue()[2], e.getValue()[0], e.getValue()[3] / 1024.0, e.getValue()[1] / 1024.0));
        System.out.printf("SUMMARY duration %.0f s, switches %d (failed checks %d), requests %d (%.0f/s), failed "
                + "requests to the rest %d, threads %d -> %d (Java %d -> %d), heap after GC %.1f MB -> %.1f MB "
                + "(%+.1f %%), metaspace %.1f MB -> %.1f MB, classes %d -> %d%n", seconds, switches.get(),
                switchFailures.get(), total.sum(), total.sum() / seconds, failed.sum(), before.threads, after.threads,
                before.javaThreads, after.javaThreads, before.heapK / 1024.0, after.heapK / 1024.0,
                (after.heapK - before.heapK) * 100.0 / before.heapK, before.metaK / 1024.0, after.metaK / 1024.0,
                before.classes, after.classes);
        // a failure in the warm-up is a failure too (it is only left out of the measured figures)
        System.exit(failed.sum() + warmFailed == 0 && switchFailures.get() + warmSwitchFailures == 0 ? 0 : 1);
    }

    // ---- the load on the rest of the platform

    /** SOAK_READ_ONLY=1: reads only, so the heap after GC should stay flat (no new data for caches to hold). */
    static final boolean READ_ONLY = "1".equals(System.getenv("SOAK_READ_ONLY"));

    static void drive(int client, String[] resident) {
        String[] ops = {"GET residents?limit=20", "GET jurisdictions", "GET health", "GET lookup by ID number",
                "GET jurisdictions?parent=", "GET residents/{id}", "POST residents", "GET residents?limit=20",
                "GET jurisdictions/{code}", "POST jurisdictions"};
        for (long n = client; !stopped; n++) {
            if (paused) {
                sleep(50);
                continue;
            }
            busy.incrementAndGet();
            try {
                String op = ops[(int) (n % ops.length)];
                if (READ_ONLY && op.startsWith("POST")) {
                    op = "GET residents?limit=20"; // the heap run: nothing is added that caches could fill with
                }
                HttpRequest.Builder r = switch (op) {
                    case "GET residents?limit=20" -> get("/residents?limit=20");
                    case "GET jurisdictions" -> get("/jurisdictions");
                    case "GET health" -> get("/health");
                    case "GET lookup by ID number" -> get("/residents/by-id-number/" + resident[1]);
                    case "GET jurisdictions?parent=" -> get("/jurisdictions?parent=440606901");
                    case "GET residents/{id}" -> get("/residents/" + resident[0]);
                    case "GET jurisdictions/{code}" -> get("/jurisdictions/440606901001");
                    case "POST residents" -> post("/residents", newResident(residentSeq.getAndIncrement()));
                    default -> newCommunity();
                };
                call(op, r.build());
            } finally {
                busy.decrementAndGet();
            }
        }
    }

    static void call(String op, HttpRequest request) {
        requests.computeIfAbsent(op, k -> new LongAdder()).increment();
        total.increment();
        String problem;
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 == 2) {
                return;
            }
            problem = r.statusCode() + " " + r.body();
        } catch (IOException e) {
            problem = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        failures.computeIfAbsent(op, k -> new LongAdder()).increment();
        failed.increment();
        if (printed.incrementAndGet() <= 20) {
            log("FAILED " + op + " " + request.uri() + ": " + problem.substring(0, Math.min(300, problem.length())));
        }
    }

    /** A new community under 440606901 while codes last (900), else a read of the street. */
    static HttpRequest.Builder newCommunity() {
        int n = communitySeq.getAndIncrement();
        if (n >= 900) {
            return get("/jurisdictions/440606901");
        }
        return post("/jurisdictions", "{\"code\":\"440606901" + (100 + n) + "\",\"name\":\"压测社区" + n
                + "\",\"level\":\"COMMUNITY\",\"parentCode\":\"440606901\"}");
    }

    /** A resident with a unique, valid ID number: born on one of 20,000 days from 1950, sequence n / 20000. */
    static String newResident(int n) {
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(n % 20000);
        String first17 = "440606" + born.toString().replace("-", "") + String.format("%03d", 100 + n / 20000);
        return "{\"idNumber\":\"" + idNumber(first17) + "\",\"name\":\"压测" + n
                + "\",\"residenceCode\":\"440606901001\"}";
    }

    // ---- the switches

    /** Switches the modules in turn, one off/on cycle every interval, until the given seconds have passed. */
    record Switcher(List<Module> modules, int interval, int seconds) {
        void run() throws Exception {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            if (interval == 0) { // the control run: the same load, no switches
                sleepUntil(end);
                return;
            }
            for (int k = 0; System.nanoTime() < end; k++) {
                long slot = System.nanoTime();
                Module m = modules.get(k % modules.size());
                cycle(m, slot + interval * 500_000_000L);
                sleepUntil(slot + interval * 1_000_000_000L);
            }
        }
    }

    static void cycle(Module m, long enableAt) throws Exception {
        switches.incrementAndGet();
        if (!switchTo(m, "disable")) {
            return;
        }
        long t = System.nanoTime();
        if (await(m, 404, null)) {
            offMillis.add((System.nanoTime() - t) / 1_000_000);
        } else {
            fail(m.id + ": API still answers after disable");
        }
        sleepUntil(enableAt);
        if (!switchTo(m, "enable")) {
            return;
        }
        t = System.nanoTime();
        if (await(m, 200, m.expected)) {
            onMillis.add((System.nanoTime() - t) / 1_000_000);
        } else {
            fail(m.id + ": record not read back after enable");
        }
    }

    static boolean switchTo(Module m, String action) throws Exception {
        HttpResponse<String> r = HTTP.send(post("/admin/modules/" + m.id + "/" + action, "").build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            fail(m.id + " " + action + " -> " + r.statusCode() + " " + r.body());
            return false;
        }
        return true;
    }

    /** Polls the module's record until it answers the status (and body); 10 s at most. */
    static boolean await(Module m, int status, String expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = HTTP.send(get(m.readPath).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == status && (expected == null || r.body().contains(expected))) {
                return true;
            }
            if (r.statusCode() >= 500) {
                module5xx.increment();
                log(m.id + " " + m.readPath + " -> " + r.statusCode() + " " + r.body());
            } else {
                moduleTransient.increment();
            }
            sleep(20);
        }
        return false;
    }

    static void fail(String message) {
        switchFailures.incrementAndGet();
        log("SWITCH CHECK FAILED " + message);
    }

    // ---- set-up

    static List<Module> setUpModules() throws Exception {
        String checks = "\"checklist\":{\"receivingUnit\":true,\"invoiceSeal\":true,\"invoiceDate\":true,"
                + "\"itemNumber\":true,\"name\":true,\"specification\":true,\"dose\":true,\"unit\":true,"
                + "\"quantity\":true,\"packaging\":true},\"quality\":{\"noDiscoloration\":true,\"noDamp\":true,"
                + "\"noClumping\":true,\"noMelting\":true,\"noMould\":true,\"noOdour\":true,\"noSediment\":true,"
                + "\"noContamination\":true,\"labelled\":true}";
        long product = id(ok(post("/warehouse/products", "{\"name\":\"复方左炔诺孕酮片\",\"type\":\"口服避孕药\","
                + "\"specification\":\"22片/板\",\"unit\":\"板\",\"approvalNumber\":\"SOAK-1\",\"manufacturer\":\"soak\"}")));
        long store = id(ok(post("/warehouse/stores", "{\"name\":\"压测库\",\"jurisdictionCode\":\"440606901001\"}")));
        ok(post("/warehouse/stores/" + store + "/receipts", "{\"productId\":" + product + ",\"batchNumber\":\"SOAK-LOT-1\","
                + "\"producedOn\":\"2026-01-01\",\"expiresOn\":\"" + LocalDate.now().plusYears(2) + "\",\"quantity\":100,"
                + "\"supplier\":\"市站\",\"invoiceNumber\":\"SOAK-F1\"," + checks + "}"));
        long school = id(ok(post("/school/schools", "{\"name\":\"压测人口学校\",\"jurisdictionCode\":\"440606901001\"}")));
        long association = id(ok(post("/association/associations",
                "{\"name\":\"压测社区计生协会\",\"jurisdictionCode\":\"440606901001\"}")));
        List<Module> modules = List.of(
                new Module("warehouse", "/warehouse/stores/" + store + "/stock", "SOAK-LOT-1"),
                new Module("school", "/school/schools/" + school, "压测人口学校"),
                new Module("association", "/association/associations/" + association, "压测社区计生协会"));
        for (Module m : modules) {
            String body = ok(get(m.readPath));
            if (!body.contains(m.expected)) {
                throw new IllegalStateException(m.readPath + " does not show " + m.expected + ": " + body);
            }
        }
        return modules;
    }

    static String[] setUpResident() throws Exception {
        String idNumber = idNumber("44060619880808" + "001");
        String id = String.valueOf(id(ok(post("/residents", "{\"idNumber\":\"" + idNumber
                + "\",\"name\":\"查询样本\",\"residenceCode\":\"440606901001\"}"))));
        ok(get("/residents/by-id-number/" + idNumber));
        return new String[] {id, idNumber};
    }

    // ---- samples of the JVM

    record Sample(int threads, int javaThreads, long heapK, long metaK, long classes, Map<String, Integer> names,
            Map<String, long[]> histogram) {}

    /** Pauses the load, lets it drain, full GC, then threads, heap and metaspace used, loaded classes. */
    static Sample sample(String label) throws Exception {
        paused = true;
        while (busy.get() > 0) {
            sleep(20);
        }
        sleep(3000);
        int threads = new java.io.File("/proc/" + pid + "/task").list().length;
        String dump = jcmd("Thread.print");
        Map<String, Integer> names = new TreeMap<>();
        Matcher tm = Pattern.compile("(?m)^\"([^\"]*)\"").matcher(dump);
        int javaThreads = 0;
        while (tm.find()) {
            javaThreads++;
            names.merge(tm.group(1).replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        jcmd("GC.run");
        sleep(1000);
        String heap = jcmd("GC.heap_info");
        long heapK = 0;
        long metaK = 0;
        for (String line : heap.split("\n")) {
            Matcher m = Pattern.compile("used (\\d+)K").matcher(line);
            if (m.find()) {
                if (line.contains("generation")) {
                    heapK += Long.parseLong(m.group(1));
                } else if (line.trim().startsWith("Metaspace")) {
                    metaK = Long.parseLong(m.group(1));
                }
            }
        }
        String[] cls = run("jstat", "-class", String.valueOf(pid)).trim().split("\n");
        String[] counts = cls[cls.length - 1].trim().split("\\s+");
        long classes = Long.parseLong(counts[0]) - Long.parseLong(counts[2]); // loaded less unloaded
        Map<String, long[]> histogram = new TreeMap<>(); // class -> instances, bytes (live: the histogram runs a GC)
        Matcher hm = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)").matcher(jcmd("GC.class_histogram"));
        while (hm.find()) {
            histogram.put(hm.group(3), new long[] {Long.parseLong(hm.group(1)), Long.parseLong(hm.group(2))});
        }
        Sample s = new Sample(threads, javaThreads, heapK, metaK, classes, names, histogram);
        log(String.format("sample %s: threads %d (Java %d), heap after GC %.1f MB, metaspace %.1f MB, classes %d (loaded less unloaded); "
                + "load average %s", label, threads, javaThreads, heapK / 1024.0, metaK / 1024.0, classes, loadAverage()));
        return s;
    }

    static String jcmd(String command) throws Exception {
        return run("jcmd", String.valueOf(pid), command);
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        }
        return out;
    }

    static void progress(long t0) {
        long lastTotal = 0;
        long last = t0;
        while (!stopped) {
            sleep(60_000);
            if (paused || stopped) {
                return;
            }
            long now = System.nanoTime();
            long n = total.sum();
            int threads = new java.io.File("/proc/" + pid + "/task").list().length;
            log(String.format("%4.0f s: %d requests (%.0f/s), %d failed; %d switches, %d failed checks; %d threads; "
                    + "load average %s", (now - t0) / 1e9, n, (n - lastTotal) / ((now - last) / 1e9), failed.sum(),
                    switches.get(), switchFailures.get(), threads, loadAverage()));
            lastTotal = n;
            last = now;
        }
    }

    // ---- helpers

    static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    }

    static HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    static String ok(HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.build();
        HttpResponse<String> r = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static long id(String json) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(json);
        }
        return Long.parseLong(m.group(1));
    }

    static String idNumber(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static long median(List<Long> v) {
        List<Long> s = new ArrayList<>(v);
        s.sort(null);
        return s.isEmpty() ? -1 : s.get(s.size() / 2);
    }

    static long max(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static void log(String message) {
        System.out.println(String.format("%tTZ ", LocalTime.now(java.time.ZoneOffset.UTC)) + message);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            sleep(left / 1_000_000);
        }
    }
}
