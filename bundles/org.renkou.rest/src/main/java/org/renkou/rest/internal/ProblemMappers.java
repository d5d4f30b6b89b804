package org.renkou.rest.internal;

import static org.renkou.rest.api.Problems.answer;
import static org.renkou.rest.api.Problems.english;
import static org.renkou.rest.api.Problems.of;
import static org.renkou.rest.api.Problems.title;

import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.renkou.core.api.RenkouException;
import org.renkou.rest.api.Problem;
import org.renkou.rest.api.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every error into {@code application/problem+json} in the caller's language (Chinese unless the request
 * prefers English), with the helpers of {@link Problems}. No stack trace ever reaches the client; unexpected errors
 * are logged with an incident number that the answer repeats.
 */
final class ProblemMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    /** Errors the services raise on purpose. */
    static final class RenkouMapper implements ExceptionMapper<RenkouException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(RenkouException e) {
            return answer(of(e, english(headers)));
        }
    }

    /** Malformed JSON, an unknown property, a value of the wrong type. */
    static final class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(JsonProcessingException e) {
            boolean en = english(headers);
            String field = null;
            String detail;
            if (isSyntaxError(e)) {
                int line = e.getLocation() != null ? e.getLocation().getLineNr() : -1;
                detail = en ? "The request body is not valid JSON" + (line > 0 ? " (line " + line + ")" : "") + "."
                        : "请求内容不是有效的 JSON" + (line > 0 ? "（第 " + line + " 行）" : "") + "。";
            } else if (e instanceof UnrecognizedPropertyException u) {
                field = u.getPropertyName();
                detail = en ? "Unknown field '" + field + "'." : "未知字段“" + field + "”。";
            } else if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                field = m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."));
                String value = e instanceof InvalidFormatException f ? String.valueOf(f.getValue()) : null;
                if (e instanceof InvalidFormatException f && f.getTargetType() == java.time.LocalDate.class) {
                    // one date rule for the whole API (Json.PlausibleDates)
                    detail = en ? "Field '" + field + "' must be a date yyyy-MM-dd between "
                            + org.renkou.core.api.Input.EARLIEST_DATE + " and " + org.renkou.core.api.Input.LATEST_DATE + "."
                            : "字段“" + field + "”应为 yyyy-MM-dd 格式、在 " + org.renkou.core.api.Input.EARLIEST_DATE
                                    + " 至 " + org.renkou.core.api.Input.LATEST_DATE + " 之间的日期。";
                    return answer(Problem.of(400, title(400, en), detail, field));
                }
                if (e instanceof InvalidFormatException f && f.getTargetType() == String.class
                        && value != null && value.startsWith("U+")) {
                    // a NUL or other control character in a string (Json.SafeStrings), as Input.text words it
                    detail = en ? "Field '" + field + "' contains an invisible or control character (" + value
                            + "); remove it." : "字段“" + field + "”含有不可见或控制字符（" + value + "），请删除后重新输入。";
                    return answer(Problem.of(400, title(400, en), detail, field));
                }
                detail = en ? "Field '" + field + "' has a value of the wrong type" + (value != null ? ": " + value : "") + "."
                        : "字段“" + field + "”的值类型不正确" + (value != null ? "：" + value : "") + "。";
            } else {
                detail = en ? "The request body could not be read as JSON." : "无法读取请求内容（JSON）。";
            }
            return answer(Problem.of(400, title(400, en), detail, field));
        }
    }

    /** A lock wait timeout or deadlock somewhere in the causes (SQLState 40XL1/40XL2/40001). */
    static boolean isLockTimeout(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40XL") || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Broken JSON text (as opposed to well-formed JSON with a wrong value), possibly wrapped by databind. */
    static boolean isSyntaxError(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof StreamReadException && !(c instanceof JsonMappingException)) {
                return true;
            }
        }
        return false;
    }

    /** Errors of the JAX-RS container: no such path, wrong method, unsupported media type. */
    static final class WebMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(WebApplicationException e) {
            boolean en = english(headers);
            int status = e.getResponse().getStatus();
            if (e instanceof org.glassfish.jersey.server.ParamException p
                    && !(p instanceof org.glassfish.jersey.server.ParamException.PathParamException)) {
                // a query parameter of the wrong type is bad input, not a missing resource
                String name = p.getParameterName();
                return answer(Problem.of(400, title(400, en), en ? "Parameter '" + name + "' has an invalid value."
                        : "参数“" + name + "”的值无效。", name));
            }
            if (status >= 500) {
                return new AnyMapper().toResponse(e, en);
            }
            String detail;
            switch (status) {
                case 404: detail = en ? "There is no such resource." : "没有这个资源。"; break;
                case 405: detail = en ? "This resource does not support that method." : "该资源不支持此请求方法。"; break;
                case 415: detail = en ? "Send the request body as application/json (CSV imports: text/csv)."
                        : "请以 application/json 格式提交（CSV 导入：text/csv）。"; break;
                case 406: detail = en ? "This resource answers in application/json." : "该资源只提供 application/json。"; break;
                default: detail = en ? "The request could not be processed." : "无法处理该请求。";
            }
            return answer(Problem.of(status, title(status, en), detail, null));
        }
    }

    /** Anything unexpected: logged in full, answered without internals. */
    static final class AnyMapper implements ExceptionMapper<Throwable> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(Throwable e) {
            return toResponse(e, english(headers));
        }

        Response toResponse(Throwable e, boolean en) {
            if (isLockTimeout(e)) {
                // a lock wait that timed out anywhere (core, module units, plain JDBC): the documented 409
                return answer(Problem.of(409, title(409, en), en ? "The record is being changed by someone else; "
                        + "try again in a moment." : "该记录正被他人修改，请稍后重试。", null));
            }
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Unexpected error, incident {}", incident, e);
            return answer(Problem.of(500, title(500, en),
                    en ? "An unexpected error occurred (incident " + incident + "); it has been logged."
                            : "发生意外错误（事件编号 " + incident + "），已记入日志。", null));
        }
    }
}
