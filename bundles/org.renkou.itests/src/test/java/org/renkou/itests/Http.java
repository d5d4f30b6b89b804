package org.renkou.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * A small HTTP client for the tests, always against 127.0.0.1. Built on {@link HttpURLConnection} (java.base) so
 * that it also works inside the OSGi framework, in the Pax Exam probe.
 */
public final class Http {
    private final int port;
    /** The staff member named in the {@code X-Renkou-User} header, or null for the system administrator. */
    private final String user;
    /** The session cookie ({@code RENKOU_SESSION=…}) and CSRF token after {@link #login}, or null. */
    private final String cookie;
    private final String csrf;
    /** The whole Set-Cookie header the login answered (to check its attributes). */
    public String setCookie;

    /** Status, content type and body of an answer. */
    public record Response(int status, String contentType, String body) {
    }

    public Http(int port) {
        this(port, null);
    }

    private Http(int port, String user, String cookie, String csrf) {
        this.port = port;
        this.user = user;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    private Http(int port, String user) {
        this(port, user, null, null);
    }

    /** The same client acting as staff member {@code username} (the X-Renkou-User header). */
    public Http as(String username) {
        return new Http(port, username);
    }

    /**
     * Logs in over {@code POST /api/auth/login} and answers a client that sends the session cookie and the CSRF
     * token; fails unless the login answers 200.
     */
    public Http login(String username, String password) throws IOException {
        HttpURLConnection c = open("POST", "/api/auth/login");
        Response r = write(c, "application/json", ("{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\"}").getBytes(StandardCharsets.UTF_8));
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + ": " + r.status() + " " + r.body());
        }
        String setCookie = c.getHeaderField("Set-Cookie");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"csrfToken\":\"([^\"]+)\"").matcher(r.body());
        if (setCookie == null || !token.find()) {
            throw new AssertionError("no session cookie or token: " + setCookie + " " + r.body());
        }
        Http session = new Http(port, null, setCookie.split(";")[0], token.group(1));
        session.setCookie = setCookie;
        return session;
    }

    /** The same session without the CSRF token (to test that it is required). */
    public Http withoutCsrf() {
        return new Http(port, user, cookie, null);
    }

    public Response putJson(String path, String json) throws IOException {
        return send("PUT", path, "application/json", json);
    }

    public Response get(String path) throws IOException {
        return send("GET", path, null, (byte[]) null);
    }

    public Response postJson(String path, String json) throws IOException {
        return send("POST", path, "application/json", json);
    }

    /** A POST without a body (the switch and decision endpoints). */
    public Response post(String path) throws IOException {
        return send("POST", path, null, (byte[]) null);
    }

    public Response send(String method, String path, String contentType, String body) throws IOException {
        return send(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code body} as it is (any encoding). */
    public Response send(String method, String path, String contentType, byte[] body) throws IOException {
        HttpURLConnection c = open(method, path);
        if (body != null && body.length > (1 << 20)) {
            // large uploads are not buffered twice; not for small ones: in streaming mode a 401 has no body to read
            c.setFixedLengthStreamingMode(body.length);
        }
        return write(c, contentType, body);
    }

    private HttpURLConnection open(String method, String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(30000);
        c.setInstanceFollowRedirects(false);
        c.setRequestMethod(method);
        if (user != null) {
            c.setRequestProperty("X-Renkou-User", user);
        }
        if (cookie != null) {
            c.setRequestProperty("Cookie", cookie);
        }
        if (csrf != null) {
            c.setRequestProperty("X-CSRF-Token", csrf);
        }
        return c;
    }

    /**
     * The status of a login sent to {@code port} from {@code localAddress} (any of 127/8 is loopback; HttpURLConnection
     * cannot choose its source address): the per-address lock and throttle tell addresses apart.
     */
    static int loginFrom(int port, String localAddress, String user, String password) throws IOException {
        return loginFrom(port, localAddress, user, password, null);
    }

    /** {@link #loginFrom(int, String, String, String)} saying {@code X-Forwarded-For: forwardedFor} (null: not). */
    static int loginFrom(int port, String localAddress, String user, String password, String forwardedFor)
            throws IOException {
        byte[] body = ("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(localAddress, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json"
                    + (forwardedFor == null ? "" : "\r\nX-Forwarded-For: " + forwardedFor)
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static Response write(HttpURLConnection c, String contentType, byte[] body) throws IOException {
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", contentType);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
        }
        return read(c);
    }

    private static Response read(HttpURLConnection c) throws IOException {
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (in != null) {
            in.close();
        }
        return new Response(status, c.getContentType(), text);
    }

    /** Polls {@code path} until the answer matches, or fails after {@code seconds}. */
    public Response await(String path, Predicate<Response> until, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        String last = "no answer";
        while (System.nanoTime() < end) {
            try {
                Response r = get(path);
                if (until.test(r)) {
                    return r;
                }
                last = r.status() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET " + path + " did not answer as expected within " + seconds + " s; last: " + last);
    }
}
