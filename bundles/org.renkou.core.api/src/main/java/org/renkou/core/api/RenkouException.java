package org.renkou.core.api;

/**
 * An error Renkou's services raise for something the caller can act on: bad input, a missing record, a clash with
 * existing data, or a part of the platform that is not running. It carries a message in Simplified Chinese (for
 * office staff) and in English, and the input field it is about, if any, so that the REST layer can answer with an
 * {@code application/problem+json} body that names the field.
 */
public class RenkouException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, which decides the HTTP status. */
    public enum Kind {
        /** Input missing or malformed: 400. */
        INVALID(400),
        /** The caller is not known: 401. */
        UNAUTHENTICATED(401),
        /** The caller's role does not allow this: 403. */
        FORBIDDEN(403),
        /** No such record, or outside the caller's reach: 404. */
        NOT_FOUND(404),
        /** A taken key or a stale version: 409. */
        CONFLICT(409),
        /** A part the request needs is not running (yet): 503. */
        UNAVAILABLE(503);

        public final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }
    }

    private final Kind kind;
    private final String field;
    private final String messageZh;

    public RenkouException(Kind kind, String field, String messageZh, String messageEn) {
        super(messageEn);
        this.kind = kind;
        this.field = field;
        this.messageZh = messageZh;
    }

    public static RenkouException invalid(String field, String messageZh, String messageEn) {
        return new RenkouException(Kind.INVALID, field, messageZh, messageEn);
    }

    public static RenkouException notFound(String field, String messageZh, String messageEn) {
        return new RenkouException(Kind.NOT_FOUND, field, messageZh, messageEn);
    }

    public static RenkouException conflict(String field, String messageZh, String messageEn) {
        return new RenkouException(Kind.CONFLICT, field, messageZh, messageEn);
    }

    public static RenkouException forbidden(String messageZh, String messageEn) {
        return new RenkouException(Kind.FORBIDDEN, null, messageZh, messageEn);
    }

    public static RenkouException unavailable(String messageZh, String messageEn) {
        return new RenkouException(Kind.UNAVAILABLE, null, messageZh, messageEn);
    }

    public Kind kind() {
        return kind;
    }

    /** The input field at fault (JSON property name), or {@code null} when the error is about the whole request. */
    public String field() {
        return field;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return getMessage();
    }
}
