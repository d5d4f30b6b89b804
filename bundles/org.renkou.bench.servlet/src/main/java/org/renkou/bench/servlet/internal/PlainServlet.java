package org.renkou.bench.servlet.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/** {@code GET /bench/plain}: a constant small JSON body, the cheapest answer this Jetty can give. */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/bench/plain",
    "osgi.http.whiteboard.servlet.name=renkou-bench-plain"
})
public class PlainServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final byte[] BODY = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("application/json");
        resp.setContentLength(BODY.length);
        resp.getOutputStream().write(BODY);
    }
}
