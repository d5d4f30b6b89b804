package org.renkou.core.internal.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.renkou.core.api.staff.AuthService;
import org.renkou.core.internal.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Account locks (账户锁定) bound to the client address that failed, and the throttle per address, counted in table
 * {@code LOGIN_FAILURE} so that every node on the database sees the same attempts (in memory per node, a round-robin
 * proxy gave an attacker one count per node).
 *
 * <p>The rules: {@link AuthService#MAX_FAILED_LOGINS} wrong passwords in a row from one address lock the account for
 * {@link AuthService#LOCK_MINUTES} minutes for that address only, so nobody can lock the administrator out by guessing
 * from elsewhere; a right password from that address starts the count again, and so does a new password (the rows of
 * the account are deleted with it). {@link AuthService#MAX_FAILED_PER_ADDRESS} failed logins of any kind from one
 * address within {@link AuthService#ADDRESS_WINDOW_MINUTES} minutes make it wait until the oldest of them is that old.
 *
 * <p>One row per attempt, added in a transaction of its own and then counted: concurrent failures never update one
 * shared row (no lock waits, no deadlock on Derby), only the row that locked gets its {@code LOCKED_UNTIL}. Failures
 * older than {@link #MEMORY} are forgotten and their rows deleted, at most once a minute per node.
 */
final class LoginLocks {
    private static final Logger LOG = LoggerFactory.getLogger(LoginLocks.class);
    /** A wrong password for an existing account: counts for its lock and for the address. */
    static final String WRONG_PASSWORD = "F";
    /** Any other failed login (unknown name, locked, switched off, nothing sent): counts for the address only. */
    static final String REFUSED = "A";
    /** A right password after failures: the account's count for that address starts again. Not a failure. */
    static final String RIGHT_PASSWORD = "S";
    /** How long a failure counts towards a lock; older rows are deleted. */
    static final Duration MEMORY = Duration.ofHours(24);
    static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    private static final int ADDRESS_LENGTH = 64;

    private final Database db;
    private final AtomicReference<LocalDateTime> nextPurge = new AtomicReference<>(LocalDateTime.MIN);

    LoginLocks(Database db) {
        this.db = db;
    }

    /** The account's standing at one address: locked now, and wrong passwords since its count last started. */
    record Standing(boolean locked, int failures) {
        static final Standing NONE = new Standing(false, 0);
    }

    /** The address as stored: none is "", an overlong one is cut (IPv6 with a zone name). */
    static String address(String address) {
        if (address == null) {
            return "";
        }
        return address.length() > ADDRESS_LENGTH ? address.substring(0, ADDRESS_LENGTH) : address;
    }

    /** Whether {@code username} is locked for {@code address} now, and its count of wrong passwords there. */
    Standing standing(String username, String address, LocalDateTime now) {
        List<?> rows = db.read(em -> em.createNativeQuery("SELECT KIND, LOCKED_UNTIL FROM LOGIN_FAILURE "
                + "WHERE USERNAME = ? AND ADDRESS = ? AND FAILED_AT > ? ORDER BY ID DESC")
                .setParameter(1, username).setParameter(2, address).setParameter(3, ts(now.minus(MEMORY)))
                .getResultList());
        int failures = 0;
        for (Object o : rows) {
            Object[] row = (Object[]) o;
            if (row[1] != null) { // the last lock: in force, or ended (and the count started again after it)
                return new Standing(((Timestamp) row[1]).toLocalDateTime().isAfter(now), failures);
            }
            if (RIGHT_PASSWORD.equals(String.valueOf(row[0]).strip())) {
                break;
            }
            failures++;
        }
        return new Standing(false, failures);
    }

    /**
     * Counts a wrong password for {@code username} from {@code address}; true when it locks the account for that
     * address (the row that reached the limit carries the lock, so every node sees it).
     */
    boolean failed(String username, String address, LocalDateTime now) {
        Long id = add(WRONG_PASSWORD, username, address, now);
        if (id == null) {
            return false;
        }
        Standing s = standing(username, address, now);
        if (s.locked() || s.failures() < AuthService.MAX_FAILED_LOGINS) {
            return false; // already locked by a concurrent failure's row, or not yet
        }
        try {
            db.tx(em -> em.createNativeQuery("UPDATE LOGIN_FAILURE SET LOCKED_UNTIL = ? WHERE ID = ?")
                    .setParameter(1, ts(now.plusMinutes(AuthService.LOCK_MINUTES))).setParameter(2, id)
                    .executeUpdate());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Login lock of {} for {} not written: {}", username, address, e.getMessage());
            return false;
        }
    }

    /** Counts a failed login that is no wrong password (for the address only). */
    void refused(String address, LocalDateTime now) {
        add(REFUSED, null, address, now);
    }

    /** A right password from {@code address} starts its count again (only written when there were failures). */
    void succeeded(String username, String address, LocalDateTime now) {
        add(RIGHT_PASSWORD, username, address, now);
    }

    /**
     * Seconds {@code address} must wait before its next attempt: 0 below {@link AuthService#MAX_FAILED_PER_ADDRESS}
     * failures within the window, else until the oldest of the last so many leaves it.
     */
    long waitSeconds(String address, LocalDateTime now) {
        Duration window = Duration.ofMinutes(AuthService.ADDRESS_WINDOW_MINUTES);
        List<?> times = db.read(em -> em.createNativeQuery("SELECT FAILED_AT FROM LOGIN_FAILURE WHERE ADDRESS = ? "
                + "AND FAILED_AT > ? AND KIND <> ? ORDER BY FAILED_AT DESC FETCH FIRST "
                + AuthService.MAX_FAILED_PER_ADDRESS + " ROWS ONLY")
                .setParameter(1, address(address)).setParameter(2, ts(now.minus(window)))
                .setParameter(3, RIGHT_PASSWORD).getResultList());
        if (times.size() < AuthService.MAX_FAILED_PER_ADDRESS) {
            return 0;
        }
        LocalDateTime oldest = ((Timestamp) times.get(times.size() - 1)).toLocalDateTime();
        return Math.max(1, Duration.between(now, oldest.plus(window)).toSeconds() + 1);
    }

    /** A new password ends every lock and count of the account (in the transaction that stores it). */
    static void forget(EntityManager em, String username) {
        em.createNativeQuery("DELETE FROM LOGIN_FAILURE WHERE USERNAME = ?").setParameter(1, username).executeUpdate();
    }

    /**
     * Adds one row in a transaction of its own; its id, or null when it could not be written (logged: the login
     * still answers 401, never an error of the database).
     */
    private Long add(String kind, String username, String address, LocalDateTime now) {
        purgeNowAndThen(now);
        try {
            return db.tx(em -> {
                try (PreparedStatement ps = em.unwrap(Connection.class).prepareStatement("INSERT INTO LOGIN_FAILURE "
                        + "(ADDRESS, USERNAME, KIND, FAILED_AT) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, address(address));
                    ps.setString(2, username);
                    ps.setString(3, kind);
                    ps.setTimestamp(4, ts(now));
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        return keys.next() ? keys.getLong(1) : 0L; // ID: the first column (PostgreSQL returns all)
                    }
                } catch (SQLException e) {
                    throw new PersistenceException(e); // so that the transaction maps it (Derby's identity range)
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Failed login from {} not recorded: {}", address, e.toString());
            return null;
        }
    }

    /** Deletes the rows that count for nothing any more; one node at a time does it at most once a minute. */
    private void purgeNowAndThen(LocalDateTime now) {
        LocalDateTime due = nextPurge.get();
        if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(PURGE_EVERY))) {
            return;
        }
        try {
            int n = db.tx(em -> em.createNativeQuery("DELETE FROM LOGIN_FAILURE WHERE FAILED_AT < ?")
                    .setParameter(1, ts(now.minus(MEMORY))).executeUpdate());
            if (n > 0) {
                LOG.debug("{} old failed logins deleted", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("Old failed logins not deleted (again within a minute): {}", e.toString());
        }
    }

    private static Timestamp ts(LocalDateTime t) {
        return Timestamp.valueOf(t);
    }
}
