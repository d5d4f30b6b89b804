package org.renkou.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;

import javax.persistence.PersistenceException;

import org.junit.jupiter.api.Test;
import org.renkou.core.api.RenkouException;

/**
 * PostgreSQL refuses a NUL in text (SQLSTATE 22021) and a character outside its encoding (22P05): whichever way the
 * error comes up — wrapped by a JPQL query, unwrapped from {@code em.find}, from a plain JDBC read — it is bad input,
 * a 400, never a 500 (FuzzIT on PostgreSQL, {@code GET /api/jurisdictions?parent=%00}). Derby stores NUL, so the
 * errors are raised here as PostgreSQL raises them.
 */
class UnstorableTextTest {

    @Test
    void postgresqlRefusingTextIsInvalidInputOnEveryPath() {
        try (TestDatabase t = new TestDatabase()) {
            RenkouException e = assertThrows(RenkouException.class, () -> t.database.tx(em -> {
                throw new PersistenceException(refused("22021"));
            }));
            assertEquals(RenkouException.Kind.INVALID, e.kind());
            assertNull(e.field());
            assertEquals(RenkouException.Kind.INVALID, assertThrows(RenkouException.class, () -> t.database.tx(em -> {
                throw new IllegalStateException("EclipseLink's DatabaseException", refused("22P05"));
            })).kind());
            assertEquals(RenkouException.Kind.INVALID, assertThrows(RenkouException.class, () -> t.database.read(em -> {
                throw new IllegalStateException("EclipseLink's DatabaseException", refused("22021"));
            })).kind());
            assertEquals(RenkouException.Kind.INVALID, assertThrows(RenkouException.class,
                    () -> t.database.jdbc("VALUES 1", ps -> {
                        throw refused("22021");
                    })).kind());
            // anything else stays what it was
            IllegalStateException other = new IllegalStateException("other", new SQLException("x", "42X01"));
            assertSame(other, assertThrows(IllegalStateException.class, () -> t.database.read(em -> {
                throw other;
            })));
        }
    }

    private static SQLException refused(String state) {
        return new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", state);
    }
}
