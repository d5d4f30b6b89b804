package org.renkou.core.internal.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.session.LoginSession;
import org.renkou.core.api.session.LoginSessions;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;

/**
 * Login sessions in the table {@code LOGIN_SESSION} (登录会话), shared by every node on the database: only the
 * SHA-256 of a session id is stored, so the table gives nobody a usable cookie. A session ends after
 * {@value #IDLE_MINUTES} idle minutes or {@value #MAX_HOURS} hours; its last use is written at most once a minute,
 * so a busy session costs one indexed read per request, not a write.
 */
@Component
public class DbLoginSessions implements LoginSessions {
    static final long IDLE_MINUTES = 30;
    static final long MAX_HOURS = 12;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String FIND = "SELECT USERNAME, CSRF_TOKEN, MUST_CHANGE, CREATED_AT, LAST_SEEN FROM LOGIN_SESSION "
            + "WHERE ID_HASH = ?";

    private final Database db;
    private final Clock clock;

    @Activate
    public DbLoginSessions(@Reference CoreDatabase db) {
        this(db.database(), Clock.systemUTC());
    }

    DbLoginSessions(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public LoginSession create(String username, boolean passwordChangeRequired) {
        String id = randomToken();
        String csrf = randomToken();
        Instant now = clock.instant();
        db.tx(em -> {
            Connection c = em.unwrap(Connection.class);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO LOGIN_SESSION (ID_HASH, USERNAME, CSRF_TOKEN, "
                    + "MUST_CHANGE, CREATED_AT, LAST_SEEN) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, hash(id));
                ps.setString(2, username);
                ps.setString(3, csrf);
                ps.setInt(4, passwordChangeRequired ? 1 : 0);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setTimestamp(6, Timestamp.from(now));
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot store the login session: " + e.getMessage(), e);
            }
            // ended sessions go with each login, not by a job of their own
            update(c, "DELETE FROM LOGIN_SESSION WHERE LAST_SEEN < ? OR CREATED_AT < ?",
                    Timestamp.from(now.minus(Duration.ofMinutes(IDLE_MINUTES))),
                    Timestamp.from(now.minus(Duration.ofHours(MAX_HOURS))));
            return null;
        });
        return new LoginSession(id, username, csrf, passwordChangeRequired, now, now);
    }

    @Override
    public Optional<LoginSession> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        String h = hash(id);
        LoginSession s = db.jdbc(FIND, ps -> {
            ps.setString(1, h);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new LoginSession(id, rs.getString(1), rs.getString(2), rs.getInt(3) != 0,
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()) : null;
            }
        });
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (s.lastSeen().plus(Duration.ofMinutes(IDLE_MINUTES)).isBefore(now)
                || s.created().plus(Duration.ofHours(MAX_HOURS)).isBefore(now)) {
            end(id);
            return Optional.empty();
        }
        if (s.lastSeen().plus(TOUCH_EVERY).isBefore(now)) {
            db.tx(em -> update(em.unwrap(Connection.class), "UPDATE LOGIN_SESSION SET LAST_SEEN = ? WHERE ID_HASH = ?",
                    Timestamp.from(now), h));
        }
        return Optional.of(s);
    }

    @Override
    public void end(String id) {
        if (id != null && !id.isEmpty()) {
            db.tx(em -> update(em.unwrap(Connection.class), "DELETE FROM LOGIN_SESSION WHERE ID_HASH = ?", hash(id)));
        }
    }

    @Override
    public void endAllOf(String username, String keepId) {
        db.tx(em -> update(em.unwrap(Connection.class), "DELETE FROM LOGIN_SESSION WHERE USERNAME = ? AND ID_HASH <> ?",
                username, keepId == null || keepId.isEmpty() ? "" : hash(keepId)));
    }

    @Override
    public void passwordChanged(String id) {
        db.tx(em -> update(em.unwrap(Connection.class), "UPDATE LOGIN_SESSION SET MUST_CHANGE = 0 WHERE ID_HASH = ?",
                hash(id)));
    }

    private static Integer update(Connection c, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Login session update failed: " + e.getMessage(), e);
        }
    }

    static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
