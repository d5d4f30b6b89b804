package org.renkou.rest.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.renkou.core.api.StaffDTO;

/** The one JSON configuration of the API: ISO dates, unknown properties rejected (a typo is an error). */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .addMixIn(StaffDTO.class, StaffWriteOnly.class)
            .build();

    private Json() {
    }

    /** A staff member's password is accepted on create and update and never written out. */
    abstract static class StaffWriteOnly {
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        public String password;
    }
}
