package org.renkou.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.glassfish.jersey.server.model.Resource;
import org.junit.jupiter.api.Test;
import org.renkou.rest.core.internal.certificate.CertificateResource;
import org.renkou.rest.core.internal.staff.StaffResource;

/**
 * The OpenAPI document from Jersey's model of real resources — the host's login resource and two of the core's —
 * without a running server. It lives beside the core's resources (in the host's package, on the test class path
 * only) because the host bundle cannot depend on them.
 */
class OpenApiDocumentTest {

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... keys) {
        Object n = node;
        for (String k : keys) {
            n = ((Map<String, Object>) n).get(k);
        }
        return (T) n;
    }

    @Test
    void describesPathsMethodsParametersAndMediaTypesOfTheGivenResources() throws Exception {
        Map<String, Object> doc = OpenApiDocument.of(List.of(Resource.from(CertificateResource.class),
                Resource.from(StaffResource.class), Resource.from(AuthResource.class)), "1.0.0");
        assertEquals("3.0.3", doc.get("openapi"));
        Map<String, Object> paths = at(doc, "paths");
        // regular expressions of path parameters are dropped; sub-resources are joined to their root
        assertTrue(paths.containsKey("/certificates/{id}/print.pdf"), paths.keySet().toString());
        assertTrue(paths.containsKey("/staff/{username}/password-reset"), paths.keySet().toString());
        assertFalse(paths.keySet().stream().anyMatch(p -> p.contains(":")), paths.keySet().toString());
        assertFalse(paths.keySet().stream().anyMatch(p -> p.startsWith("/residents") && !p.contains("by-id-number")),
                "only what is registered");
        assertTrue(paths.containsKey("/residents/by-id-number/{idNumber}"), "the lookup servlet beside Jersey");

        Map<String, Object> search = at(paths, "/certificates", "get");
        List<Map<String, Object>> params = at(search, "parameters");
        assertTrue(params.stream().anyMatch(p -> p.get("name").equals("holder") && p.get("in").equals("query")
                && at(p, "schema", "type").equals("integer")), params.toString());
        assertTrue(params.stream().anyMatch(p -> p.get("name").equals("status")
                && ((List<?>) at(p, "schema", "enum")).contains("REVOKED")), params.toString());
        // Page<CertificateDTO> inline with its items as a reference to the DTO's schema
        assertEquals("#/components/schemas/CertificateDTO",
                at(search, "responses", "200", "content", "application/json", "schema", "properties", "items", "items", "$ref"));
        Map<String, Object> dto = at(doc, "components", "schemas", "CertificateDTO", "properties");
        assertEquals("date", at(dto, "issuedOn", "format"));
        assertEquals("array", at(dto, "holderIds", "type"));

        Map<String, Object> pdf = at(paths, "/certificates/{id}/print.pdf", "post");
        assertTrue(((Map<?, ?>) at(pdf, "responses", "2XX", "content")).containsKey("application/pdf"));
        assertTrue(((Map<?, ?>) at(pdf, "requestBody", "content")).containsKey("application/json")
                || ((Map<?, ?>) at(pdf, "requestBody", "content")).size() > 0);
        List<Map<String, Object>> pathParams = at(pdf, "parameters");
        assertEquals("path", pathParams.get(0).get("in"));
        assertEquals(Boolean.TRUE, pathParams.get(0).get("required"));
        assertEquals(OpenApiDocument.PROBLEM_REF, at(pdf, "responses", "4XX", "$ref"));

        // only the login goes without a session
        assertEquals(List.of(), at(paths, "/auth/login", "post", "security"));
        assertTrue(((Map<?, ?>) at(paths, "/auth/me", "get")).get("security") == null);
    }

    @Test
    void pathTemplatesLoseTheirRegularExpressions() {
        assertEquals("/a/{id}/b", OpenApiDocument.template("/a/{id:[0-9]+}/b"));
        assertEquals("/a/{code}", OpenApiDocument.template("/a/{ code : [A-Z]{2,8} }"));
        assertEquals("/a/{x}", OpenApiDocument.template("/a/{x}"));
    }
}
