package org.renkou.association.internal.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.renkou.association.internal.Association;
import org.renkou.association.internal.AssociationDTO.Board;
import org.renkou.association.internal.AssociationDTO.BoardCommendation;
import org.renkou.association.internal.AssociationDTO.BoardItem;
import org.renkou.association.internal.AssociationDTO.Question;
import org.renkou.association.internal.AssociationDTO.Response;
import org.renkou.association.internal.AssociationDTO.Survey;
import org.renkou.association.internal.notices.NoticeService;
import org.renkou.association.internal.surveys.SurveyService;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.http.ClientAddressResolver;

/**
 * The public side of the association, without login (no session, no caller): the notice board (公开栏) of an
 * association as a page ({@code /public/association/<id>}, Chinese, {@code ?lang=en} for English) and as JSON
 * ({@code /public/association/<id>.json}), and a survey's public link ({@code /public/association/survey/<token>}:
 * the questionnaire, and a POST of one anonymous response).
 *
 * <p>A plain servlet beside the API so that it needs no caller. It exposes only what {@link NoticeService#board}
 * and {@link SurveyService#publicSurvey} hand out (no member, phone, household, case or staff data); answers are
 * cached (the board for {@value NoticeService#CACHE_SECONDS} s or until staff change it, the rendered bytes with
 * it); every client address ({@link ClientAddressResolver}: the client's behind a trusted proxy) is limited to
 * {@code requestsPerMinute}; a body above {@code maxBodyBytes} is refused (413)
 * before it is read.
 */
@Component(service = Servlet.class, configurationPid = PublicBoardServlet.PID, property = {
    "osgi.http.whiteboard.servlet.pattern=" + PublicBoardServlet.PATH + "/*",
    "osgi.http.whiteboard.servlet.name=renkou-association-public",
    Association.CONDITION
})
@Designate(ocd = PublicBoardServlet.Config.class)
public class PublicBoardServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/public/association";
    static final String PID = "org.renkou.association.public";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ObjectClassDefinition(name = "Association public pages",
            description = "The notice board and survey link served without login.")
    public @interface Config {
        @AttributeDefinition(description = "Requests per minute one address may make (429 beyond).")
        int requestsPerMinute() default 600;

        @AttributeDefinition(description = "Largest request body accepted, in bytes (413 beyond).")
        int maxBodyBytes() default 8192;
    }

    private final transient NoticeService notices;
    private final transient SurveyService surveys;
    private final transient ClientAddressResolver addresses;
    private final int perMinute;
    private final int maxBody;
    private final transient Map<String, Window> windows = new ConcurrentHashMap<>();
    private final transient Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    /** Requests of one address in the current minute. */
    private static final class Window {
        final long minute;
        final AtomicInteger count = new AtomicInteger();

        Window(long minute) {
            this.minute = minute;
        }
    }

    /** The bytes last written for a board, valid while the service hands out the same board. */
    private record Rendered(Board board, byte[] bytes) {
    }

    @Activate
    public PublicBoardServlet(@Reference NoticeService notices, @Reference SurveyService surveys,
            @Reference ClientAddressResolver addresses, Config config) {
        this.notices = notices;
        this.surveys = surveys;
        this.addresses = addresses;
        this.perMinute = Math.max(1, config.requestsPerMinute());
        this.maxBody = Math.max(256, config.maxBodyBytes());
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        res.setHeader("Referrer-Policy", "no-referrer");
        String client = addresses.clientAddress(req.getRemoteAddr(),
                req.getHeaders(ClientAddressResolver.FORWARDED_FOR));
        if (!allowed(client)) {
            res.setHeader("Retry-After", "60");
            problem(res, 429, "请求过于频繁，请稍后再试。", "Too many requests; try again later.", null);
            return;
        }
        long length = req.getContentLengthLong();
        if (length > maxBody) {
            problem(res, 413, "提交内容过大。", "The request body is too large.", null);
            return;
        }
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        try {
            if (path.startsWith("/survey/")) {
                survey(req, res, path.substring("/survey/".length()));
            } else if ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod())) {
                board(req, res, path);
            } else {
                res.setHeader("Allow", "GET, HEAD");
                problem(res, 405, "不支持该请求方法。", "Method not allowed.", null);
            }
        } catch (RenkouException e) {
            problem(res, e.kind().httpStatus, e.messageZh(), e.messageEn(), e.field());
        }
    }

    private boolean allowed(String address) {
        long minute = System.currentTimeMillis() / 60_000;
        if (windows.size() > 50_000) {
            windows.clear(); // a bound on memory under a flood of addresses
        }
        Window w = windows.compute(address == null ? "" : address,
                (k, old) -> old == null || old.minute != minute ? new Window(minute) : old);
        return w.count.incrementAndGet() <= perMinute;
    }

    private void board(HttpServletRequest req, HttpServletResponse res, String path) throws IOException {
        boolean json = path.endsWith(".json");
        String id = json ? path.substring(1, path.length() - 5) : path.length() > 1 ? path.substring(1) : "";
        if (!id.matches("[0-9]{1,12}")) {
            notFound(res, json);
            return;
        }
        Optional<Board> board = notices.board(Long.parseLong(id));
        if (board.isEmpty()) {
            notFound(res, json);
            return;
        }
        boolean en = english(req);
        String key = id + (json ? ".json" : en ? ".en" : ".zh");
        Rendered r = rendered.get(key);
        if (r == null || r.board != board.get()) {
            byte[] bytes = json ? JSON.writeValueAsBytes(board.get())
                    : html(board.get(), en).getBytes(StandardCharsets.UTF_8);
            r = new Rendered(board.get(), bytes);
            if (rendered.size() > 30_000) {
                rendered.clear();
            }
            rendered.put(key, r);
        }
        res.setStatus(200);
        res.setContentType(json ? "application/json" : "text/html;charset=UTF-8");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "public, max-age=" + NoticeService.CACHE_SECONDS);
        res.setContentLength(r.bytes.length);
        if (!"HEAD".equals(req.getMethod())) {
            res.getOutputStream().write(r.bytes);
        }
    }

    private void survey(HttpServletRequest req, HttpServletResponse res, String token) throws IOException {
        boolean en = english(req);
        if ("POST".equals(req.getMethod())) {
            byte[] body = read(req.getInputStream());
            if (body == null) {
                problem(res, 413, "提交内容过大。", "The request body is too large.", null);
                return;
            }
            String type = req.getContentType() == null ? "" : req.getContentType();
            boolean json = type.startsWith("application/json");
            Response answers = json ? parseJson(body) : parseForm(body, surveys.publicSurvey(token)
                    .map(x -> x.questions().size()).orElse(0));
            if (!surveys.publicResponse(token, answers)) {
                notFound(res, true);
                return;
            }
            if (json) {
                res.setStatus(201);
                res.setContentType("application/json");
                res.getOutputStream().write("{\"received\":true}".getBytes(StandardCharsets.UTF_8));
            } else {
                page(res, 200, en ? "Thank you" : "感谢参与", "<p>" + (en ? "Your answers were received. They are "
                        + "anonymous: no name or address is kept." : "您的答卷已收到。问卷为匿名填写，不保存姓名或住址。") + "</p>");
            }
            return;
        }
        Optional<Survey> s = surveys.publicSurvey(token);
        if (s.isEmpty()) {
            notFound(res, false);
            return;
        }
        StringBuilder b = new StringBuilder("<form method=\"post\"><p>")
                .append(en ? "Anonymous: do not write your name." : "匿名问卷：请勿填写姓名。").append("</p>");
        List<Question> qs = s.get().questions();
        for (int i = 0; i < qs.size(); i++) {
            b.append("<fieldset><legend>").append(i + 1).append(". ").append(esc(qs.get(i).text())).append("</legend>");
            for (int j = 0; j < qs.get(i).options().size(); j++) {
                b.append("<label><input type=\"radio\" name=\"q").append(i).append("\" value=\"").append(j)
                        .append("\"> ").append(esc(qs.get(i).options().get(j))).append("</label><br>");
            }
            b.append("</fieldset>");
        }
        b.append("<button type=\"submit\">").append(en ? "Submit" : "提交").append("</button></form>");
        res.setHeader("Cache-Control", "no-store");
        page(res, 200, esc(s.get().title()), b.toString());
    }

    /** The body, or null when it is longer than allowed (a chunked body has no length to check first). */
    private byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        for (int n; (n = in.read(buf)) > 0;) {
            out.write(buf, 0, n);
            if (out.size() > maxBody) {
                return null;
            }
        }
        return out.toByteArray();
    }

    private static Response parseJson(byte[] body) {
        try {
            return JSON.readValue(body, Response.class);
        } catch (IOException e) {
            throw RenkouException.invalid("answers", "答卷格式不正确。", "The answers are malformed.");
        }
    }

    /**
     * {@code ?lang=en} from the query string only: {@code getParameter} would read a form body before the size
     * check (and consume it).
     */
    private static boolean english(HttpServletRequest req) {
        String q = req.getQueryString();
        return q != null && ("&" + q + "&").contains("&lang=en&");
    }

    /** q0=2&q1=0…: the chosen option per question; a question left out counts as not answered. */
    private static Response parseForm(byte[] body, int questions) {
        Map<Integer, Integer> chosen = new java.util.TreeMap<>();
        int last = -1;
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String k = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!k.matches("q[0-9]{1,2}") || !v.matches("[0-9]{1,2}")) {
                throw RenkouException.invalid("answers", "答卷格式不正确。", "The answers are malformed.");
            }
            int q = Integer.parseInt(k.substring(1));
            chosen.put(q, Integer.parseInt(v));
            last = Math.max(last, q);
        }
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i <= Math.max(last, questions - 1); i++) {
            answers.add(chosen.getOrDefault(i, -1));
        }
        return new Response(answers);
    }

    private static String html(Board b, boolean en) {
        StringBuilder s = new StringBuilder();
        s.append("<p class=\"muted\">").append(esc(b.jurisdictionName() == null ? "" : b.jurisdictionName()))
                .append(" · ").append(en ? "as of " : "更新于 ").append(b.asOf()).append("</p>");
        if (b.items().isEmpty()) {
            s.append("<p>").append(en ? "Nothing is published at present." : "暂无公开信息。").append("</p>");
        }
        for (BoardItem i : b.items()) {
            s.append("<article><h2>").append(esc(kind(i.kind(), en))).append(" · ").append(esc(i.title()))
                    .append("</h2><p class=\"muted\">").append(i.publishFrom())
                    .append(i.publishUntil() == null ? "" : " – " + i.publishUntil()).append("</p><p>")
                    .append(esc(i.body()).replace("\n", "<br>")).append("</p></article>");
        }
        if (!b.commendations().isEmpty()) {
            s.append("<h2>").append(en ? "Commendations" : "表彰").append("</h2><ul>");
            for (BoardCommendation c : b.commendations()) {
                s.append("<li>").append(c.year()).append(" ").append(esc(kind(c.kind(), en))).append("：")
                        .append(esc(c.nominee())).append(" — ").append(esc(c.reason())).append("</li>");
            }
            s.append("</ul>");
        }
        return document(esc(b.name()) + (en ? " · Notice board" : " · 公开栏"), s.toString());
    }

    private static String kind(String k, boolean en) {
        return switch (k) {
            case "POLICY" -> en ? "Policy" : "政策公告";
            case "COMMITMENT" -> en ? "Service commitment" : "服务承诺";
            case "ACTIVITY" -> en ? "Activity" : "活动";
            case "COMMENDATION" -> en ? "Commendation" : "表彰";
            case "FINANCE" -> en ? "Finance" : "财务公开";
            case "UNIT" -> en ? "Outstanding unit" : "先进单位";
            case "WORKER" -> en ? "Outstanding worker" : "先进工作者";
            case "VOLUNTEER" -> en ? "Outstanding volunteer" : "优秀志愿者";
            default -> k;
        };
    }

    private static void page(HttpServletResponse res, int status, String title, String body) throws IOException {
        res.setStatus(status);
        res.setContentType("text/html;charset=UTF-8");
        res.setCharacterEncoding("UTF-8");
        res.getOutputStream().write(document(title, body).getBytes(StandardCharsets.UTF_8));
    }

    private static String document(String title, String body) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + title + "</title><style>body{font-family:"
                + "'Noto Sans CJK SC','WenQuanYi Zen Hei',sans-serif;max-width:48em;margin:1em auto;padding:0 1em;"
                + "color:#222}h1{color:#a61b29;border-bottom:2px solid #a61b29}article{border-bottom:1px solid #ddd;"
                + "margin-bottom:1em}.muted{color:#777}</style></head><body><h1>" + title + "</h1>" + body
                + "</body></html>";
    }

    private static void notFound(HttpServletResponse res, boolean json) throws IOException {
        if (json) {
            problem(res, 404, "未找到。", "Not found.", null);
        } else {
            page(res, 404, "未找到 Not found", "<p>该公开栏不存在。 This notice board does not exist.</p>");
        }
    }

    private static void problem(HttpServletResponse res, int status, String zh, String en, String field)
            throws IOException {
        res.setStatus(status);
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", en);
        p.put("status", status);
        p.put("detail", zh + " " + en);
        if (field != null) {
            p.put("errors", List.of(Map.of("field", field, "message", zh)));
        }
        res.getOutputStream().write(JSON.writeValueAsBytes(p));
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
