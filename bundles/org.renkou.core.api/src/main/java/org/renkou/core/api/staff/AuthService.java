package org.renkou.core.api.staff;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;

/**
 * Passwords of staff members (登录密码): checks a login, changes a password. Passwords are stored only as slow
 * hashes (bcrypt); five wrong passwords in a row from one client address lock the account for 15 minutes for that
 * address only (counted in the database: every node sees the same attempts) (so nobody can lock an account, the administrator's included, from elsewhere); a password older than six months,
 * or one set by an administrator, must be changed before anything else (the offices' own rule).
 *
 * <p>Sessions are not kept here: the web layer keeps them and asks {@link StaffService#callerFor} on every request,
 * so a deactivated account or a changed role takes effect at once.
 */
@ProviderType
public interface AuthService {

    /** Failed logins in a row from one address that lock an account for that address. */
    int MAX_FAILED_LOGINS = 5;
    /** How long a lock lasts, in minutes. */
    int LOCK_MINUTES = 15;
    /** Failed logins of any kind from one address within {@link #ADDRESS_WINDOW_MINUTES} before it must wait. */
    int MAX_FAILED_PER_ADDRESS = 20;
    /** The window of {@link #MAX_FAILED_PER_ADDRESS}, in minutes. */
    int ADDRESS_WINDOW_MINUTES = 15;
    /** Months after which a password must be changed. */
    int PASSWORD_MAX_AGE_MONTHS = 6;

    /** The answer to a successful login. */
    record Login(Caller caller, String name, boolean passwordChangeRequired) {
    }

    /**
     * Checks {@code password} sent from {@code address} (the client's address as the server sees it); fails with
     * UNAUTHENTICATED in the same words for an unknown user, a wrong password and an account locked for that address.
     */
    Login login(String username, char[] password, String address);

    /** {@link #login(String, char[], String)} from no particular address (all such calls share one lock). */
    default Login login(String username, char[] password) {
        return login(username, password, null);
    }

    /**
     * Seconds {@code address} must wait before its next login attempt: 0, or, after {@link #MAX_FAILED_PER_ADDRESS}
     * failed logins from it within {@link #ADDRESS_WINDOW_MINUTES} minutes (counted by every node on the database),
     * until the oldest of them is that old. So one address cannot try passwords (or lock accounts) at will.
     */
    default long loginWaitSeconds(String address) {
        return 0;
    }

    /**
     * Replaces the password after checking the old one: at least 8 characters with a letter and a digit, not the
     * username, not the old password. INVALID naming {@code newPassword} otherwise.
     */
    void changePassword(String username, char[] oldPassword, char[] newPassword);

    /** Whether the staff member must change their password now (first login, set by an admin, or too old). */
    boolean passwordChangeRequired(String username);
}
