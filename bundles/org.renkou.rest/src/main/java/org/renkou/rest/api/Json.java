package org.renkou.rest.api;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
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
 * The one JSON configuration of the API: ISO dates, unknown properties rejected (a typo is an error). The JAX-RS
 * application reads and writes with it; a plain servlet beside it (a hot read path) writes with it too, so that both
 * answer the same JSON. Shared: never reconfigure it.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("renkou-dates").addDeserializer(LocalDate.class, new PlausibleDates()))
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

    /** A staff member's password is accepted on create and update and never written out. */
    abstract static class StaffWriteOnly {
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        public String password;
    }
}
