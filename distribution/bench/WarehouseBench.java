import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warehouse benchmark (run by warehouse.sh): sets up a product and the county's stores, receives 500 lots into
 * the county store, then {@code issues} single-unit issue transactions from {@code clients} threads through
 * POST /api/warehouse/stores/{id}/issues (first expiry first out, each a transaction with its ledger entry), and
 * times the quarterly reports over the county. Prints throughput, latency percentiles and, given Renkou's pid, the
 * CPU time Renkou spent per issue. {@code -Dwarmup=n} issues (default 2000) are sent before the measured ones.
 */
public class WarehouseBench {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        int issues = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        long pid = args.length > 3 ? Long.parseLong(args[3]) : -1;
        long product = id(post("/warehouse/products", "{\"name\":\"复方左炔诺孕酮片\",\"type\":\"口服避孕药\","
                + "\"specification\":\"22片/板\",\"unit\":\"板\",\"approvalNumber\":\"BENCH-1\",\"manufacturer\":\"bench\"}"));
        long county = id(post("/warehouse/stores", "{\"name\":\"区库\",\"jurisdictionCode\":\"440606\"}"));
        long street = id(post("/warehouse/stores", "{\"name\":\"街道库\",\"jurisdictionCode\":\"440606901\"}"));
        String checks = "\"checklist\":{\"receivingUnit\":true,\"invoiceSeal\":true,\"invoiceDate\":true,"
                + "\"itemNumber\":true,\"name\":true,\"specification\":true,\"dose\":true,\"unit\":true,"
                + "\"quantity\":true,\"packaging\":true},\"quality\":{\"noDiscoloration\":true,\"noDamp\":true,"
                + "\"noClumping\":true,\"noMelting\":true,\"noMould\":true,\"noOdour\":true,\"noSediment\":true,"
                + "\"noContamination\":true,\"labelled\":true}";
        long t0 = System.nanoTime();
        List<Long> lots = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            LocalDate expires = LocalDate.now().plusDays(200 + i);
            lots.add(id(post("/warehouse/stores/" + county + "/receipts", "{\"productId\":" + product
                    + ",\"batchNumber\":\"B" + i + "\",\"producedOn\":\"2026-01-01\",\"expiresOn\":\"" + expires
                    + "\",\"quantity\":100,\"supplier\":\"市站\",\"invoiceNumber\":\"F" + i + "\"," + checks + "}")));
        }
        System.out.printf("received 500 lots in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        for (int i = 0; i < 20; i++) { // some history at the street level too
            post("/warehouse/transfers", "{\"fromStoreId\":" + county + ",\"toStoreId\":" + street + ",\"lotId\":"
                    + lots.get(499 - i) + ",\"quantity\":50}");
        }

        String body = "{\"productId\":" + product + ",\"quantity\":1,\"recipient\":\"bench\"}";
        // JIT warm-up before the measured run (its compiler threads would otherwise count as issue CPU)
        warm(county, body, Integer.parseInt(System.getProperty("warmup", "2000")));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long[] latencies = new long[issues];
        List<Thread> threads = new ArrayList<>();
        long cpuBefore = cpuTicks(pid);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < issues; i = next.getAndIncrement()) {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = send("/warehouse/stores/" + county + "/issues", body);
                        if (r.statusCode() != 200) {
                            failed.incrementAndGet();
                            if (failed.get() < 5) {
                                System.out.println(r.statusCode() + " " + r.body());
                            }
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - s;
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuTicks = cpuTicks(pid) - cpuBefore;
        Arrays.sort(latencies);
        System.out.printf("issues: %d in %.2f s = %.0f issues/s with %d clients; %d failed; latency p50 %.1f ms, "
                + "p95 %.1f ms, p99 %.1f ms%n", issues, seconds, issues / seconds, clients, failed.get(),
                latencies[issues / 2] / 1e6, latencies[issues * 95 / 100] / 1e6, latencies[issues * 99 / 100] / 1e6);
        if (pid > 0) {
            // CLK_TCK is 100 on Linux: one tick = 10 ms of CPU (user + system, every thread of Renkou's JVM)
            System.out.printf("Renkou CPU during the issues: %.1f s = %.0f µs CPU per issue (%.2f cores busy)%n",
                    cpuTicks / 100.0, cpuTicks * 10_000.0 / issues, cpuTicks / 100.0 / seconds);
        }

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String quarter = today.getYear() + "Q" + ((today.getMonthValue() - 1) / 3 + 1);
        System.out.println("reconcile: " + get("/warehouse/reconcile").replaceAll("\"mismatches\":\\[.*", "…"));
        for (String report : List.of("stock", "users")) {
            for (int run = 0; run < 6; run++) { // first run cold, then warm
                long s = System.nanoTime();
                String r = get("/warehouse/reports/" + report + "?jurisdiction=440606&quarter=" + quarter);
                if (run == 0 || run == 5) {
                    System.out.printf("report %s %s (%s): %.0f ms, %d bytes%n", report, quarter,
                            run == 0 ? "first" : "warm", (System.nanoTime() - s) / 1e6, r.length());
                }
            }
        }
        String ledger = get("/warehouse/stores/" + county + "/ledger?limit=1");
        System.out.println("county ledger entries: " + ledger.replaceAll(".*\"total\":(\\d+).*", "$1"));
    }

    /** utime + stime of a process in clock ticks, from /proc/<pid>/stat; 0 without a pid. */
    static long cpuTicks(long pid) throws java.io.IOException {
        if (pid <= 0) {
            return 0;
        }
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of stat(5)
    }

    static void warm(long store, String body, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            send("/warehouse/stores/" + store + "/issues", body);
        }
    }

    static long id(String json) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(json);
        }
        return Long.parseLong(m.group(1));
    }

    static HttpResponse<String> send(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String post(String path, String json) throws Exception {
        HttpResponse<String> r = send(path, json);
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
