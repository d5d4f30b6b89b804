package org.renkou.core.internal.staff;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.renkou.core.api.staff.AuthService;

/**
 * Account locks (账户锁定) bound to the client address that failed: {@link AuthService#MAX_FAILED_LOGINS} wrong
 * passwords in a row from one address lock the account for {@link AuthService#LOCK_MINUTES} minutes for that address
 * only, so nobody can lock the administrator out by guessing from elsewhere. Guessing across many accounts from one
 * address is throttled in front of this (the web layer's per-address limit).
 *
 * <p>Kept in memory, per node: a restart ends the locks, as does a new password (a lock holds only while the
 * password hash it was counted against is still the stored one, so an administrator's reset ends it).
 */
final class LoginLocks {
    /** Entries kept before those that lock nothing are dropped. */
    static final int MAX_ENTRIES = 50_000;

    private record Key(String username, String address) {
    }

    private static final class Entry {
        int failures;
        LocalDateTime lockedUntil;
        String hash;
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    private static Key key(String username, String address) {
        return new Key(username, address == null ? "" : address);
    }

    /** Whether {@code username} is locked for {@code address} now. */
    boolean locked(String username, String address, String hash, LocalDateTime now) {
        Entry e = entries.get(key(username, address));
        if (e == null) {
            return false;
        }
        synchronized (e) {
            return e.lockedUntil != null && e.lockedUntil.isAfter(now) && Objects.equals(e.hash, hash);
        }
    }

    /** Counts a wrong password from {@code address}; true when it locks the account for that address. */
    boolean failed(String username, String address, String hash, LocalDateTime now) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> {
                synchronized (e) {
                    return e.lockedUntil == null || !e.lockedUntil.isAfter(now);
                }
            });
        }
        Entry e = entries.computeIfAbsent(key(username, address), k -> new Entry());
        synchronized (e) {
            boolean expired = e.lockedUntil != null && !e.lockedUntil.isAfter(now);
            if (expired || !Objects.equals(e.hash, hash)) {
                e.failures = 0;
                e.lockedUntil = null;
                e.hash = hash;
            }
            e.failures++;
            if (e.failures >= AuthService.MAX_FAILED_LOGINS) {
                e.failures = 0;
                e.lockedUntil = now.plusMinutes(AuthService.LOCK_MINUTES);
                return true;
            }
            return false;
        }
    }

    /** A right password from {@code address} starts its count again. */
    void succeeded(String username, String address) {
        entries.remove(key(username, address));
    }
}
