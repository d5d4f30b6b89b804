package org.renkou.rest.core.internal.certificate;

import java.io.IOException;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.certificate.CertificateService;
import org.renkou.core.api.certificate.CertificateVerificationDTO;
import org.renkou.core.api.http.ClientAddressResolver;
import org.renkou.rest.api.Json;
import org.renkou.rest.api.Problem;
import org.renkou.rest.api.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/public/certificate-check/{code}}: the public certificate check (证件核验) behind the page
 * {@code /ui/check.html} and the QR code on every printed certificate. No login: whoever holds the paper may check
 * it. It answers what {@code /api/certificates/verify/{code}} answers to staff — VALID, REVOKED, SUPERSEDED or
 * UNKNOWN with type, number and dates, never holder data — and is rate-limited per client address
 * ({@link ClientAddressResolver}: the client's behind a trusted proxy) and overall
 * ({@link CheckRateLimit}, 429 with Retry-After). A plain whiteboard servlet (its pattern is longer than
 * {@code /api/*}), so the API's login filter is not in its way.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=" + CertificateCheckServlet.PREFIX + "*",
    "osgi.http.whiteboard.servlet.name=renkou-certificate-check"
})
public class CertificateCheckServlet extends HttpServlet {
    static final String PREFIX = "/api/public/certificate-check/";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CertificateCheckServlet.class);

    private final transient CertificateService certificates;
    private final transient ClientAddressResolver addresses;
    private final transient CheckRateLimit limit = new CheckRateLimit(System::nanoTime);

    @Activate
    public CertificateCheckServlet(@Reference CertificateService certificates,
            @Reference ClientAddressResolver addresses) {
        this.certificates = certificates;
        this.addresses = addresses;
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
            long wait = limit.acquire(
                    addresses.clientAddress(req.getRemoteAddr(), req.getHeaders(ClientAddressResolver.FORWARDED_FOR)));
            if (wait > 0) {
                resp.setHeader("Retry-After", Long.toString(wait));
                Problems.write(resp, Problem.of(429, en ? "Too many requests" : "请求过于频繁", en
                        ? "Too many checks from your address; try again in " + wait + " s."
                        : "核验过于频繁，请 " + wait + " 秒后再试。", null));
                return;
            }
            String code = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
            if (code.length() > 20) {
                throw RenkouException.invalid("code", "核验码为 8 位字母和数字。", "A verification code has 8 letters and digits.");
            }
            CertificateVerificationDTO answer = certificates.verify(code);
            resp.setContentType("application/json");
            resp.setHeader("Cache-Control", "no-store");
            Json.MAPPER.writeValue(resp.getOutputStream(), answer);
        } catch (RenkouException e) {
            Problems.write(resp, Problems.of(e, en));
        } catch (RuntimeException e) {
            LOG.error("Certificate check failed", e);
            Problems.write(resp, Problem.of(500, Problems.title(500, en), en ? "An unexpected error occurred."
                    : "发生意外错误，请联系管理员查看日志。", null));
        }
    }
}
