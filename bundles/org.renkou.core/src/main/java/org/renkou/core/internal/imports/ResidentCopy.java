package org.renkou.core.internal.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.postgresql.PGConnection;
import org.renkou.core.api.household.Relation;
import org.renkou.core.internal.db.CopyText;
import org.renkou.core.internal.resident.NameKeys;
import org.renkou.core.internal.resident.ResidentRules;

/**
 * New residents written with PostgreSQL's {@code COPY … FROM STDIN} (批量复制) instead of a JDBC batch: the same
 * columns as {@link ResidentImporter#INSERT_RESIDENT}, in COPY's text format, on the caller's connection and
 * transaction; the identity column gives the IDs as an INSERT would. Only loaded on PostgreSQL, so the core needs
 * pgjdbc there alone (its Import-Package is optional).
 */
final class ResidentCopy {
    static final String COPY_RESIDENT = "COPY RESIDENT (ID_NUMBER, NAME, SEX, BIRTH_DATE, RESIDENCE_CODE, "
            + "REGISTRATION_CODE, STATUS, MARITAL_STATUS, PHONE, ADDRESS, HOUSEHOLD_ID, RELATION, IMPORT_JOB, VERSION, "
            + "CREATED_AT, UPDATED_AT, HUKOU_NATURE, NAME_KEY) FROM STDIN";

    private final StringBuilder text = new StringBuilder(1 << 16);
    private int rows;

    /** Adds one row; {@code hukouNature} may be null, as may household and relation. */
    ResidentCopy add(ResidentRules.Checked r, Long household, Relation relation, String job, LocalDateTime now,
            String hukouNature) {
        String at = now.truncatedTo(ChronoUnit.MICROS).toString();
        field(r.id().number()).field(r.name()).field(r.id().sex().name()).field(r.id().birthDate().toString())
                .field(r.residenceCode()).field(r.registrationCode()).field(r.status().name())
                .field(r.marital() == null ? null : r.marital().name()).field(r.phone()).field(r.address())
                .field(household == null ? null : household.toString()).field(relation == null ? null : relation.name())
                .field(job).field("1").field(at).field(at).field(hukouNature).field(NameKeys.of(r.name()));
        text.setCharAt(text.length() - 1, '\n');
        rows++;
        return this;
    }

    int rows() {
        return rows;
    }

    /** The rows in COPY's text format (UTF-8), e.g. for a baseline that copies them elsewhere. */
    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Copies the rows added so far into RESIDENT on {@code c}; returns the number of rows the server took. */
    long copyInto(Connection c) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        return copy(c, new ByteArrayInputStream(bytes()));
    }

    /** Runs {@link #COPY_RESIDENT} on {@code c} with {@code in} as its data. */
    static long copy(Connection c, InputStream in) throws SQLException {
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_RESIDENT, in);
        } catch (IOException e) {
            throw new SQLException("COPY of residents failed: " + e.getMessage(), e);
        }
    }

    /** Appends one value and a tab in COPY's text format. */
    private ResidentCopy field(String v) {
        CopyText.field(text, v);
        return this;
    }
}
