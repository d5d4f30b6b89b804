package org.renkou.rest.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}): what every error of the API answers with.
 * {@code errors} names the input fields at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";

    public String type = "about:blank";
    public String title;
    public int status;
    public String detail;
    public List<FieldError> errors;

    /** One input field and what is wrong with it. */
    public static class FieldError {
        public String field;
        public String message;

        public FieldError(String field, String message) {
            this.field = field;
            this.message = message;
        }
    }

    /** A problem; {@code field}, when given, becomes the one entry of {@code errors}. */
    public static Problem of(int status, String title, String detail, String field) {
        Problem p = new Problem();
        p.status = status;
        p.title = title;
        p.detail = detail;
        if (field != null) {
            p.errors = List.of(new FieldError(field, detail));
        }
        return p;
    }
}
