package org.renkou.core.internal.staff;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import javax.persistence.EntityManager;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.staff.AuthService;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logins and passwords on table {@code STAFF_CREDENTIAL}. On the first start (no password stored at all) it creates
 * the administrator {@value #FIRST_ADMIN} with a random password, writes that password once to the log, and stores
 * only its hash; the first login must change it.
 */
@Component
public class AuthServiceImpl implements AuthService {
    static final String FIRST_ADMIN = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(AuthServiceImpl.class);

    private final Database db;
    private final Clock clock;
    private final LoginLocks locks;

    @Activate
    public AuthServiceImpl(@Reference CoreDatabase database, BundleContext context) {
        this(database.database(), Clock.systemUTC());
        db.whenReady().thenRunAsync(this::createFirstAdminIfNone);
    }

    AuthServiceImpl(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.locks = new LoginLocks(db);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }

    /** Creates the first administrator when no password exists yet; returns the password, or null. */
    String createFirstAdminIfNone() {
        try {
            String password = Passwords.random();
            boolean created = db.tx(em -> {
                long n = em.createQuery("SELECT COUNT(c) FROM StaffCredentialEntity c", Long.class).getSingleResult();
                if (n > 0) {
                    return false;
                }
                StaffEntity s = em.find(StaffEntity.class, FIRST_ADMIN);
                if (s == null) {
                    s = new StaffEntity();
                    s.username = FIRST_ADMIN;
                    s.name = "系统管理员";
                    s.active = true;
                    s.roles.addAll(EnumSet.of(Role.ADMIN));
                    s.jurisdictionCodes.add("");
                    s.createdAt = now();
                    em.persist(s);
                    em.flush(); // the credential row refers to it
                }
                store(em, FIRST_ADMIN, password.toCharArray(), true);
                AuditLog.write(em, Caller.SYSTEM, AuditAction.CREATE, StaffServiceImpl.TYPE, FIRST_ADMIN, null,
                        "{\"password\":\"set\"}", "首次启动 / first start");
                return true;
            });
            if (!created) {
                return null;
            }
            String line = "=".repeat(72);
            LOG.warn("\n{}\n首次启动：已创建管理员账户 / first start: administrator account created\n"
                    + "  用户名 username: {}\n  初始密码 initial password: {}\n"
                    + "此密码只显示这一次，首次登录时必须修改。/ Shown only this once; change it at the first login.\n{}",
                    line, FIRST_ADMIN, password, line);
            return password;
        } catch (RuntimeException e) {
            LOG.error("First administrator not created: {}", e.toString(), e);
            return null;
        }
    }

    @Override
    public Login login(String username, char[] password, String address) {
        RenkouException wrong = locked();
        LocalDateTime now = now();
        String from = LoginLocks.address(address);
        if (username == null || password == null) {
            Passwords.matches(null, new char[0]);
            locks.refused(from, now);
            throw wrong;
        }
        String name = username.strip();
        // check the hash outside the transaction: it takes ~60 ms and needs no lock
        StaffCredentialEntity found = db.read(em -> em.find(StaffCredentialEntity.class, name));
        String hash = found == null ? null : found.passwordHash;
        LoginLocks.Standing standing = found == null ? LoginLocks.Standing.NONE : locks.standing(name, from, now);
        if (standing.locked()) {
            locks.refused(from, now);
            throw wrong;
        }
        boolean ok = Passwords.matches(hash, password);
        Arrays.fill(password, '\0');
        if (found == null) {
            locks.refused(from, now);
            throw wrong;
        }
        if (!ok) {
            if (locks.failed(name, from, now)) {
                db.tx(em -> {
                    AuditLog.write(em, new Caller(name, Set.of(), Set.of()), AuditAction.DENIED, StaffServiceImpl.TYPE,
                            name, null, null, "登录失败 " + MAX_FAILED_LOGINS + " 次，账户对地址 " + address
                                    + " 锁定 / account locked for address " + address);
                    return null;
                });
            }
            throw wrong;
        }
        if (standing.failures() > 0) {
            locks.succeeded(name, from, now);
        }
        StaffEntity staff = db.read(em -> em.find(StaffEntity.class, name));
        if (staff == null || !staff.active) {
            locks.refused(from, now);
            throw wrong;
        }
        Caller caller = new Caller(staff.username, staff.roles, staff.jurisdictionCodes);
        return new Login(caller, staff.name, changeRequired(found, now));
    }

    @Override
    public long loginWaitSeconds(String address) {
        return locks.waitSeconds(address, now());
    }

    /**
     * The one answer to every failed login — wrong password, unknown user, locked account — so that nobody learns
     * which usernames exist or which accounts are locked.
     */
    private static RenkouException locked() {
        return new RenkouException(RenkouException.Kind.UNAUTHENTICATED, "password",
                "用户名或密码错误；密码连续错误 " + MAX_FAILED_LOGINS + " 次的账户将锁定 " + LOCK_MINUTES + " 分钟。",
                "Wrong username or password; after " + MAX_FAILED_LOGINS + " wrong passwords an account is locked for "
                        + LOCK_MINUTES + " minutes.");
    }

    private static boolean changeRequired(StaffCredentialEntity c, LocalDateTime now) {
        return c.mustChange || c.changedAt.plusMonths(PASSWORD_MAX_AGE_MONTHS).isBefore(now);
    }

    @Override
    public void changePassword(String username, char[] oldPassword, char[] newPassword) {
        StaffCredentialEntity c = db.read(em -> em.find(StaffCredentialEntity.class, username));
        if (c == null || oldPassword == null || !Passwords.matches(c.passwordHash, oldPassword)) {
            throw RenkouException.invalid("oldPassword", "原密码不正确。", "The current password is wrong.");
        }
        Passwords.checkRule(username, newPassword, "newPassword");
        if (Arrays.equals(oldPassword, newPassword)) {
            throw RenkouException.invalid("newPassword", "新密码不能与原密码相同。",
                    "The new password must differ from the current one.");
        }
        db.tx(em -> {
            store(em, username, newPassword, false);
            AuditLog.write(em, new Caller(username, Set.of(), Set.of()), AuditAction.UPDATE, StaffServiceImpl.TYPE,
                    username, null, "{\"password\":\"changed\"}", null);
            return null;
        });
    }

    @Override
    public boolean passwordChangeRequired(String username) {
        StaffCredentialEntity c = db.read(em -> em.find(StaffCredentialEntity.class, username));
        return c == null || changeRequired(c, now());
    }

    /**
     * Sets a password (hash only) and clears the lockout; {@code mustChange} when an administrator set it. Used by
     * {@link StaffServiceImpl} for initial and reset passwords.
     */
    static void store(EntityManager em, String username, char[] password, boolean mustChange) {
        StaffCredentialEntity c = em.find(StaffCredentialEntity.class, username);
        if (c == null) {
            c = new StaffCredentialEntity();
            c.username = username;
            em.persist(c);
        }
        c.passwordHash = Passwords.hash(password);
        c.changedAt = LocalDateTime.now(java.time.ZoneOffset.UTC);
        c.mustChange = mustChange;
        c.failedLogins = 0;
        c.lockedUntil = null;
        LoginLocks.forget(em, username);
    }
}
