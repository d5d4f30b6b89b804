package org.renkou.rest.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.model.Parameter.Source;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.rest.api.Problem;

/**
 * An OpenAPI 3.0 document (接口说明) built from Jersey's model of the resources registered right now: paths,
 * methods, path/query/header parameters, request and response media types, and schemas of the transfer objects
 * from their public fields. Built on request rather than kept, so a module switched off leaves it with its resources.
 */
final class OpenApiDocument {
    static final String PROBLEM_REF = "#/components/responses/Problem";

    private final Map<String, Object> schemas = new TreeMap<>();

    private OpenApiDocument() {
    }

    /** The document for {@code roots} (Jersey's root resources), as maps and lists ready for Jackson. */
    static Map<String, Object> of(Collection<Resource> roots, String version) {
        return new OpenApiDocument().build(roots, version);
    }

    private Map<String, Object> build(Collection<Resource> roots, String version) {
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (Resource root : roots) {
            String tag = firstSegment(root.getPath());
            collect(root, "", tag, paths);
        }
        // served by ResidentLookupServlet beside the JAX-RS application, so Jersey's model does not know it
        Map<String, Object> lookup = new LinkedHashMap<>();
        lookup.put("tags", List.of("residents"));
        lookup.put("operationId", "Resident_byIdNumber");
        lookup.put("parameters", List.of(Map.of("name", "idNumber", "in", "path", "required", true,
                "schema", Map.of("type", "string"))));
        lookup.put("responses", Map.of("200", Map.of("description", "OK", "content",
                content(List.of("application/json"), schema(ResidentDTO.class, Map.of()))), "4XX", Map.of("$ref", PROBLEM_REF)));
        paths.put("/residents/by-id-number/{idNumber}", new TreeMap<>(Map.of("get", lookup)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Renkou API 人口与家庭服务平台接口", "version", version, "description",
                "Generated from the resources registered now: a switched-off module's paths are absent. Every "
                        + "request but POST /auth/login needs the session cookie; POST, PUT and DELETE also the "
                        + "X-CSRF-Token header from the login answer. Errors are application/problem+json."));
        doc.put("servers", List.of(Map.of("url", "/api")));
        doc.put("security", List.of(Map.of("session", List.of(), "csrf", List.of())));
        doc.put("paths", paths);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", schemas);
        components.put("responses", Map.of("Problem", Map.of("description", "problem+json: what is wrong, naming the field",
                "content", Map.of(Problem.MEDIA_TYPE, Map.of("schema", problemSchema())))));
        components.put("securitySchemes", Map.of(
                "session", Map.of("type", "apiKey", "in", "cookie", "name", SessionStore.COOKIE),
                "csrf", Map.of("type", "apiKey", "in", "header", "name", Callers.CSRF_HEADER)));
        doc.put("components", components);
        return doc;
    }

    private void collect(Resource r, String parentPath, String tag, Map<String, Map<String, Object>> paths) {
        String path = join(parentPath, r.getPath());
        for (ResourceMethod m : r.getResourceMethods()) {
            if (m.getHttpMethod() == null) {
                continue;
            }
            paths.computeIfAbsent(template(path), k -> new TreeMap<>())
                    .put(m.getHttpMethod().toLowerCase(java.util.Locale.ROOT), operation(m, tag, path));
        }
        for (Resource child : r.getChildResources()) {
            collect(child, path, tag, paths);
        }
    }

    private Map<String, Object> operation(ResourceMethod m, String tag, String path) {
        Invocable inv = m.getInvocable();
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("tags", List.of(tag));
        if (inv.getHandlingMethod() != null) {
            op.put("operationId", inv.getHandlingMethod().getDeclaringClass().getSimpleName().replace("Resource", "")
                    + "_" + inv.getHandlingMethod().getName());
        }
        List<Object> parameters = new ArrayList<>();
        Type body = null;
        for (Parameter p : inv.getParameters()) {
            Source source = p.getSource();
            if (source == Source.ENTITY) {
                body = p.getType();
            } else if (source == Source.PATH || source == Source.QUERY || source == Source.HEADER
                    || source == Source.COOKIE) {
                Map<String, Object> param = new LinkedHashMap<>();
                param.put("name", p.getSourceName());
                param.put("in", source.name().toLowerCase(java.util.Locale.ROOT));
                param.put("required", source == Source.PATH);
                param.put("schema", schema(p.getType(), Map.of()));
                parameters.add(param);
            }
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        if (body != null && !"GET".equals(m.getHttpMethod())) {
            op.put("requestBody", Map.of("content", content(types(m.getConsumedTypes()), schema(body, Map.of()))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Class<?> raw = inv.getRawResponseType();
        if (raw == void.class || raw == Void.class) {
            responses.put("204", Map.of("description", "done"));
        } else if (Response.class.isAssignableFrom(raw)) {
            responses.put("2XX", Map.of("description", "see docs/api.md for the answer",
                    "content", content(types(m.getProducedTypes()), Map.of())));
        } else {
            responses.put("200", Map.of("description", "OK",
                    "content", content(types(m.getProducedTypes()), schema(inv.getResponseType(), Map.of()))));
        }
        responses.put("4XX", Map.of("$ref", PROBLEM_REF));
        op.put("responses", responses);
        if ("/auth/login".equals(path)) {
            op.put("security", List.of()); // the one request without a session
        }
        return op;
    }

    private static List<String> types(List<MediaType> types) {
        List<String> out = new ArrayList<>();
        for (MediaType t : types) {
            String s = t.getType() + "/" + t.getSubtype();
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        if (out.isEmpty() || out.contains("*/*")) {
            out.remove("*/*");
            out.add(MediaType.APPLICATION_JSON);
        }
        return out;
    }

    private static Map<String, Object> content(List<String> types, Map<String, Object> schema) {
        Map<String, Object> c = new LinkedHashMap<>();
        for (String t : types) {
            c.put(t, "application/pdf".equals(t) ? Map.of("schema", Map.of("type", "string", "format", "binary"))
                    : Map.of("schema", schema));
        }
        return c;
    }

    /** A JSON schema for a Java type; Renkou's transfer objects go to components by their simple name. */
    Map<String, Object> schema(Type type, Map<TypeVariable<?>, Type> bound) {
        if (type instanceof TypeVariable<?> v) {
            return bound.containsKey(v) ? schema(bound.get(v), Map.of()) : Map.of();
        }
        if (type instanceof WildcardType w) {
            return w.getUpperBounds().length == 1 ? schema(w.getUpperBounds()[0], bound) : Map.of();
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schema(args[0], bound));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", schema(args[1], bound));
            }
            // a generic transfer object such as Page<ResidentDTO>: described inline with its argument
            Map<TypeVariable<?>, Type> inner = new HashMap<>();
            TypeVariable<?>[] vars = raw.getTypeParameters();
            for (int i = 0; i < vars.length && i < args.length; i++) {
                inner.put(vars[i], args[i] instanceof TypeVariable<?> v && bound.containsKey(v) ? bound.get(v) : args[i]);
            }
            return fields(raw, inner);
        }
        if (!(type instanceof Class<?> c)) {
            return Map.of();
        }
        Map<String, Object> simple = simple(c);
        if (simple != null) {
            return simple;
        }
        if (c.isArray()) {
            return Map.of("type", "array", "items", schema(c.getComponentType(), bound));
        }
        if (Collection.class.isAssignableFrom(c)) {
            return Map.of("type", "array", "items", Map.of());
        }
        if (Map.class.isAssignableFrom(c)) {
            return Map.of("type", "object");
        }
        if (c.getName().startsWith("org.renkou.") && !c.isInterface()) {
            String name = c.getSimpleName();
            if (!schemas.containsKey(name)) {
                schemas.put(name, Map.of()); // placeholder: a DTO that refers to itself ends here
                schemas.put(name, fields(c, Map.of()));
            }
            return Map.of("$ref", "#/components/schemas/" + name);
        }
        return Map.of();
    }

    private static Map<String, Object> simple(Class<?> c) {
        if (c == String.class || c == char.class || c == Character.class) {
            return Map.of("type", "string");
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (c == BigDecimal.class || c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return Map.of("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (c == LocalDateTime.class || c == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == byte[].class) {
            return Map.of("type", "string", "format", "binary");
        }
        if (c.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object o : c.getEnumConstants()) {
                values.add(((Enum<?>) o).name());
            }
            return Map.of("type", "string", "enum", values);
        }
        return null;
    }

    private Map<String, Object> fields(Class<?> c, Map<TypeVariable<?>, Type> bound) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<Field> fields = new ArrayList<>(List.of(c.getFields()));
        fields.sort(Comparator.comparing(f -> f.getDeclaringClass() == c ? 1 : 0)); // inherited first
        for (Field f : fields) {
            if (!Modifier.isStatic(f.getModifiers())) {
                properties.put(f.getName(), schema(f.getGenericType(), bound));
            }
        }
        if (c.isRecord()) {
            for (var rc : c.getRecordComponents()) {
                properties.put(rc.getName(), schema(rc.getGenericType(), bound));
            }
        }
        return Map.of("type", "object", "properties", properties);
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", Map.of("type", "string"));
        p.put("title", Map.of("type", "string"));
        p.put("status", Map.of("type", "integer"));
        p.put("detail", Map.of("type", "string"));
        p.put("errors", Map.of("type", "array", "items", Map.of("type", "object", "properties",
                Map.of("field", Map.of("type", "string"), "message", Map.of("type", "string")))));
        return Map.of("type", "object", "properties", p);
    }

    private static String firstSegment(String path) {
        String p = path == null ? "" : path.replaceAll("^/+", "");
        int slash = p.indexOf('/');
        return slash < 0 ? p : p.substring(0, slash);
    }

    private static String join(String parent, String path) {
        String p = path == null ? "" : path.replaceAll("^/+|/+$", "");
        return p.isEmpty() ? parent : parent + "/" + p;
    }

    /** {@code /certificates/{id:[0-9]+}/print} → {@code /certificates/{id}/print} (OpenAPI has no regex in paths). */
    static String template(String path) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean skipping = false;
        for (char ch : path.toCharArray()) {
            if (ch == '{') {
                depth++;
                if (depth == 1) {
                    out.append(ch);
                    continue;
                }
            } else if (ch == '}') {
                depth--;
                if (depth == 0) {
                    skipping = false;
                    out.append(ch);
                    continue;
                }
            }
            if (depth == 1 && ch == ':') {
                skipping = true;
            }
            if (!skipping) {
                out.append(depth == 1 && ch == ' ' ? "" : ch);
            }
        }
        return out.toString();
    }
}
