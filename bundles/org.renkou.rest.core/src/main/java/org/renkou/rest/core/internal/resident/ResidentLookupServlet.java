package org.renkou.rest.core.internal.resident;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.api.resident.ResidentService;
import org.renkou.rest.api.Json;
import org.renkou.rest.api.Problem;
import org.renkou.rest.api.Problems;
import org.renkou.rest.api.ServletCallers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/residents/by-id-number/{idNumber}}: the lookup office staff do most, as a plain servlet beside the
 * JAX-RS application. The same caller check ({@link ServletCallers}), the same service call and the same JSON and
 * problem+json as the rest of the API, without Jersey's per-request machinery (request scope, filter chain, content
 * negotiation), which took about a third of this request's CPU time (BENCHMARKS.md). The servlet's pattern is
 * longer than {@code /api/*}, so the HTTP whiteboard gives it these paths.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=" + ResidentLookupServlet.PREFIX + "*",
    "osgi.http.whiteboard.servlet.name=renkou-resident-lookup"
})
public class ResidentLookupServlet extends HttpServlet {
    static final String PREFIX = "/api/residents/by-id-number/";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ResidentLookupServlet.class);
    private static final int MAX_LENGTH = 40;

    private final transient ServletCallers callers;
    private final transient ResidentService residents;

    @Activate
    public ResidentLookupServlet(@Reference ServletCallers callers, @Reference ResidentService residents) {
        this.callers = callers;
        this.residents = residents;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean en = Problems.english(req);
        try {
            if (!"GET".equals(req.getMethod())) {
                resp.setHeader("Allow", "GET");
                Problems.write(resp, Problem.of(405, Problems.title(405, en), en ? "Only GET is allowed here."
                        : "此地址只支持 GET 请求。", null));
                return;
            }
            String idNumber = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
            Caller caller = callers.caller(req, "residents/by-id-number/" + idNumber);
            if (idNumber.isEmpty() || idNumber.length() > MAX_LENGTH || idNumber.indexOf('/') >= 0) {
                throw RenkouException.invalid("idNumber", "请在地址末尾给出一个身份证号码。",
                        "Give one ID number at the end of the path.");
            }
            // outside Jersey, so not behind RequestTextFilter; Jetty refuses an encoded control character first
            Input.safe(idNumber, "idNumber", false);
            Optional<ResidentDTO> found = residents.findByIdNumber(caller, idNumber);
            if (found.isEmpty()) {
                throw RenkouException.notFound("idNumber", "没有身份证号码为 " + idNumber + " 的居民（或不在您的辖区内）。",
                        "No resident with ID number " + idNumber + " (or outside your jurisdiction).");
            }
            resp.setContentType("application/json");
            resp.setHeader("Cache-Control", "no-store"); // personal data
            Json.MAPPER.writeValue(resp.getOutputStream(), found.get());
        } catch (RenkouException e) {
            Problems.write(resp, Problems.of(e, en));
        } catch (RuntimeException e) {
            LOG.error("Lookup by ID number failed", e);
            Problems.write(resp, Problem.of(500, Problems.title(500, en), en ? "An unexpected error occurred."
                    : "发生意外错误，请联系管理员查看日志。", null));
        }
    }
}
