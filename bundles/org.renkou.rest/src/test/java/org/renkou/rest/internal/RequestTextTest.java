package org.renkou.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.junit.jupiter.api.Test;
import org.renkou.core.api.RenkouException;
import org.renkou.rest.api.Json;
import org.renkou.rest.api.Problem;

/**
 * No NUL or other control character reaches a service from a request (PostgreSQL refuses NUL in text; FuzzIT found
 * {@code ?parent=%00} answering 500 there): JSON strings at any depth and query and path parameters are refused
 * with a 400 naming the field, while Chinese, CJK Extension B, emoji and line breaks in free text pass.
 */
class RequestTextTest {

    /** A body with every kind of string the mapper reads: a field, list items, map keys and values, untyped. */
    public static class Body {
        public String name;
        public List<String> tags;
        public Map<String, String> extra;
        public Object any;
        public Integer count;
    }

    private static Problem problem(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> Json.MAPPER.readValue(json, Body.class), json);
        Response r = new ProblemMappers.JsonMapper().toResponse(e);
        assertEquals(400, r.getStatus(), json);
        return (Problem) r.getEntity();
    }

    @Test
    void jsonStringsWithAControlCharacterAreRefusedNamingTheField() {
        Problem p = problem("{\"name\":\"张\\u0000三\"}");
        assertEquals("name", p.errors.get(0).field);
        assertEquals("字段“name”含有不可见或控制字符（U+0000），请删除后重新输入。", p.detail);
        assertEquals("tags.[1]", problem("{\"tags\":[\"ok\",\"\\u001b[31m\"]}").errors.get(0).field);
        assertEquals("extra.note", problem("{\"extra\":{\"note\":\"a\\u0000\"}}").errors.get(0).field);
        assertTrue(problem("{\"extra\":{\"k\\u0000\":\"v\"}}").detail.contains("U+0000"));
        assertTrue(problem("{\"any\":{\"x\":[\"\\u0000\"]}}").detail.contains("U+0000"));
        assertEquals("name", problem("{\"name\":\"x\\ud800\"}").errors.get(0).field); // a lone surrogate
        assertEquals("name", problem("{\"name\":\"\\u007f\"}").errors.get(0).field);
        // other failures keep their answers
        assertTrue(problem("{\"name\":{}}").detail.contains("类型不正确"));
        assertTrue(problem("{\"count\":\"x\"}").detail.contains("类型不正确"));
    }

    @Test
    void chineseRareCharactersEmojiAndLineBreaksInTextPass() throws Exception {
        Body b = Json.MAPPER.readValue("{\"name\":\"𪚥张三😀e\\u0301\",\"tags\":[\"\\ud869\\udea5\"],"
                + "\"extra\":{\"说明\":\"第一行\\r\\n第二行\\t完\"},\"any\":{\"x\":[\"丨\"]},\"count\":1}", Body.class);
        assertEquals("𪚥张三😀e\u0301", b.name);
        assertEquals(List.of("𪚥"), b.tags);
        assertEquals("第一行\r\n第二行\t完", b.extra.get("说明"));
        assertEquals(Map.of("x", List.of("丨")), b.any);
    }

    private static ContainerRequestContext request(MultivaluedMap<String, String> path,
            MultivaluedMap<String, String> query) {
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getPathParameters" -> path;
                    case "getQueryParameters" -> {
                        if (query == null) {
                            throw new IllegalArgumentException("Malformed percent-encoded octet");
                        }
                        yield query;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ContainerRequestContext) Proxy.newProxyInstance(ContainerRequestContext.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getUriInfo")) {
                        return uri;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static MultivaluedMap<String, String> of(String... nameValue) {
        MultivaluedMap<String, String> m = new MultivaluedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.add(nameValue[i], nameValue[i + 1]);
        }
        return m;
    }

    @Test
    void queryAndPathParametersWithAControlCharacterAreRefusedNamingTheParameter() {
        RequestTextFilter filter = new RequestTextFilter();
        filter.filter(request(of("code", "440606901001"), of("parent", "4406", "reason", "核对户籍\r\n第二行",
                "name", "𪚥😀")));
        RenkouException e = assertThrows(RenkouException.class,
                () -> filter.filter(request(of(), of("limit", "10", "parent", "\u0000"))));
        assertEquals(RenkouException.Kind.INVALID, e.kind());
        assertEquals("parent", e.field());
        assertEquals("'parent' contains an invisible or control character (U+0000); remove it.", e.messageEn());
        assertEquals("code", assertThrows(RenkouException.class,
                () -> filter.filter(request(of("code", "44\u0000"), of()))).field());
        // a path parameter is an id or a code: no line break either
        assertEquals("id", assertThrows(RenkouException.class,
                () -> filter.filter(request(of("id", "1\n"), of()))).field());
        assertEquals(RenkouException.Kind.INVALID, assertThrows(RenkouException.class,
                () -> filter.filter(request(of(), null))).kind());
    }
}
