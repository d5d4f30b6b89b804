package org.renkou.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
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

    /** Status, content type and body of an answer. */
    public record Response(int status, String contentType, String body) {
    }

    public Http(int port) {
        this(port, null);
    }

    private Http(int port, String user) {
        this.port = port;
        this.user = user;
    }

    /** The same client acting as staff member {@code username} (the X-Renkou-User header). */
    public Http as(String username) {
        return new Http(port, username);
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
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(30000);
        if (body != null) {
            c.setFixedLengthStreamingMode(body.length); // large uploads are not buffered twice
        }
        c.setInstanceFollowRedirects(false);
        c.setRequestMethod(method);
        if (user != null) {
            c.setRequestProperty("X-Renkou-User", user);
        }
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", contentType);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
        }
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
