package org.renkou.core.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.session.LoginSession;
import org.renkou.core.internal.db.TestDatabase;

/**
 * Sessions in the database: two instances on one database stand for two nodes; what one ends the other no longer
 * finds, and only the hash of the id is stored.
 */
class DbLoginSessionsTest {
    private final TestDatabase db = new TestDatabase();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T02:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final DbLoginSessions nodeA = new DbLoginSessions(db.database, clock);
    private final DbLoginSessions nodeB = new DbLoginSessions(db.database, clock);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSessionOfOneNodeIsKnownToTheOtherAndEndsOnBoth() {
        LoginSession s = nodeA.create("li", true);
        LoginSession onB = nodeB.find(s.id()).orElseThrow();
        assertEquals("li", onB.username());
        assertEquals(s.csrfToken(), onB.csrfToken());
        assertTrue(onB.passwordChangeRequired());
        nodeB.passwordChanged(s.id());
        assertFalse(nodeA.find(s.id()).orElseThrow().passwordChangeRequired());

        LoginSession other = nodeA.create("li", false);
        nodeB.endAllOf("li", other.id()); // a password change in session "other"
        assertTrue(nodeA.find(s.id()).isEmpty());
        assertTrue(nodeA.find(other.id()).isPresent());
        nodeB.end(other.id()); // logout on B
        assertTrue(nodeA.find(other.id()).isEmpty());
        assertTrue(nodeA.find("no-such-session").isEmpty());
        int stored = db.database.jdbc("SELECT COUNT(*) FROM LOGIN_SESSION WHERE ID_HASH = ?", ps -> {
            ps.setString(1, s.id());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertEquals(0, stored, "the id itself is never stored");
    }

    @Test
    void idleAndOldSessionsEnd() {
        LoginSession s = nodeA.create("wang", false);
        now.set(now.get().plus(Duration.ofMinutes(20)));
        assertTrue(nodeB.find(s.id()).isPresent(), "used within 30 minutes: touched");
        now.set(now.get().plus(Duration.ofMinutes(25)));
        assertTrue(nodeA.find(s.id()).isPresent(), "idle 25 minutes after the last use");
        for (int i = 0; i < 30; i++) {
            now.set(now.get().plus(Duration.ofMinutes(25)));
            nodeA.find(s.id());
        }
        assertTrue(nodeA.find(s.id()).isEmpty(), "12 hours at most");
        LoginSession idle = nodeA.create("wang", false);
        now.set(now.get().plus(Duration.ofMinutes(31)));
        assertTrue(nodeB.find(idle.id()).isEmpty(), "30 idle minutes");
    }
}
