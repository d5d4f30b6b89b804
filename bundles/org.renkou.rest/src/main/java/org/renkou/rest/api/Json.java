package org.renkou.rest.api;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.renkou.core.api.Input;
import org.renkou.core.api.staff.StaffDTO;

/**
 * The one JSON configuration of the API: ISO dates, unknown properties rejected (a typo is an error), no control
 * character in any string ({@link SafeStrings}). The JAX-RS application reads and writes with it; a plain servlet
 * beside it (a hot read path) writes with it too, so that both answer the same JSON. Shared: never reconfigure it.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("renkou-dates").addDeserializer(LocalDate.class, new PlausibleDates()))
            .addModule(new SimpleModule("renkou-text").addDeserializer(String.class, new SafeStrings())
                    .addKeyDeserializer(String.class, new SafeKeys()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .addMixIn(StaffDTO.class, StaffWriteOnly.class)
            .build();

    private Json() {
    }

    /**
     * Every date in a request body lies within {@link Input#EARLIEST_DATE}..{@link Input#LATEST_DATE} (one rule for
     * the whole API): {@code -999999999-01-01}, {@code +10000-01-01} or year 0 is a 400 naming the field, not a
     * row the database cannot store. Services narrow the range per kind of date.
     */
    static final class PlausibleDates extends LocalDateDeserializer {
        private static final long serialVersionUID = 1L;

        PlausibleDates() {
            super(DateTimeFormatter.ISO_LOCAL_DATE);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            LocalDate d = super.deserialize(p, ctxt);
            if (d != null && (d.isBefore(Input.EARLIEST_DATE) || d.isAfter(Input.LATEST_DATE))) {
                throw InvalidFormatException.from(p, "date out of range " + Input.EARLIEST_DATE + ".."
                        + Input.LATEST_DATE, d.toString(), LocalDate.class);
            }
            return d;
        }
    }

    /**
     * Every string in a request body — a field, an item of a list, a map's key or value — passes
     * {@link Input#unsafeCharacterAt} (tab and line breaks allowed: notes are free text), else the body is refused
     * with a 400 naming the field. No service sees a NUL, which PostgreSQL refuses in text (SQLSTATE 22021) and
     * Derby stores; Chinese, CJK Extension B and emoji pass.
     */
    static final class SafeStrings extends StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;

        SafeStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            if (s != null) {
                refuse(p, s, Input.unsafeCharacterAt(s, true));
            }
            return s;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** Map keys as {@link SafeStrings}, without line breaks. */
    static final class SafeKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            refuse(ctxt.getParser(), key, Input.unsafeCharacterAt(key, false));
            return key;
        }
    }

    /** The failure the error mapper answers as a control character in the field: a String target, "U+0000" as value. */
    private static void refuse(JsonParser p, String s, int at) throws InvalidFormatException {
        if (at >= 0) {
            String code = String.format("U+%04X", (int) s.charAt(at));
            throw InvalidFormatException.from(p, "unsafe character " + code, code, String.class);
        }
    }

    /** A staff member's password is accepted on create and update and never written out. */
    abstract static class StaffWriteOnly {
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        public String password;
    }
}
