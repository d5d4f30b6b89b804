package org.renkou.rest.api;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.renkou.core.api.RenkouException;

/**
 * Answers in {@code application/problem+json} ({@link Problem}) in the caller's language — Chinese unless the
 * request prefers English — for resources that answer an error themselves and for plain servlets beside the JAX-RS
 * application. Errors a resource throws ({@link RenkouException} and the rest) are mapped by the host already.
 */
public final class Problems {

    private Problems() {
    }

    /** True when the request's preferred language is English. */
    public static boolean english(HttpHeaders headers) {
        if (headers == null) {
            return false;
        }
        try {
            List<Locale> languages = headers.getAcceptableLanguages();
            return !languages.isEmpty() && "en".equals(languages.get(0).getLanguage());
        } catch (RuntimeException e) {
            return false; // a malformed header must not turn an error answer into another error
        }
    }

    /** True when a plain servlet request's preferred language is English, as {@link #english(HttpHeaders)}. */
    public static boolean english(HttpServletRequest req) {
        return req.getHeader("Accept-Language") != null && "en".equals(req.getLocale().getLanguage());
    }

    /** The JAX-RS answer carrying {@code p}. */
    public static Response answer(Problem p) {
        return Response.status(p.status).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** An error the services raise on purpose, in the caller's language. */
    public static Problem of(RenkouException e, boolean en) {
        int status = e.kind().httpStatus;
        if (e.kind() == RenkouException.Kind.NOT_FOUND) {
            // one answer for "does not exist" and "out of your reach", whatever the service wrote: the detail
            // names the field only, never the record, so that no 404 tells the two apart (issue 19)
            String field = e.field();
            return Problem.of(status, title(status, en), en
                    ? "Not found: " + (field == null ? "the record" : "'" + field + "'")
                            + " does not exist or lies outside your jurisdiction."
                    : "未找到：" + (field == null ? "该记录" : "“" + field + "”所指的记录") + "不存在或不在您的辖区内。", field);
        }
        return Problem.of(status, title(status, en), en ? e.messageEn() : e.messageZh(), e.field());
    }

    /** Writes {@code p} from a plain servlet beside the JAX-RS application (health, lookup, API starting). */
    public static void write(HttpServletResponse resp, Problem p) throws IOException {
        if (resp.isCommitted()) {
            return; // part of an answer is out: nothing sensible can follow
        }
        resp.resetBuffer();
        resp.setStatus(p.status);
        resp.setContentType(Problem.MEDIA_TYPE);
        Json.MAPPER.writeValue(resp.getOutputStream(), p);
    }

    /** The problem's title for an HTTP status, in the caller's language. */
    public static String title(int status, boolean en) {
        switch (status) {
            case 400: return en ? "Invalid request" : "请求有误";
            case 401: return en ? "Not signed in" : "未登录";
            case 403: return en ? "Forbidden" : "无权操作";
            case 404: return en ? "Not found" : "未找到";
            case 405: return en ? "Method not allowed" : "不支持该请求方法";
            case 406: return en ? "Not acceptable" : "无法提供所要求的格式";
            case 409: return en ? "Conflict" : "数据冲突";
            case 413: return en ? "Payload too large" : "上传内容过大";
            case 415: return en ? "Unsupported media type" : "不支持的内容类型";
            case 503: return en ? "Service unavailable" : "服务暂不可用";
            default: return status >= 500 ? (en ? "Server error" : "服务器错误") : (en ? "Request failed" : "请求失败");
        }
    }
}
