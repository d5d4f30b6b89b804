package org.renkou.core.internal.staff;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A staff member's login password (登录密码) as a bcrypt hash, with the lockout counter. Times are UTC. */
@Entity
@Table(name = "STAFF_CREDENTIAL")
public class StaffCredentialEntity {
    @Id
    public String username;
    @Column(name = "PASSWORD_HASH")
    public String passwordHash;
    @Column(name = "CHANGED_AT")
    public LocalDateTime changedAt;
    @Column(name = "MUST_CHANGE")
    public boolean mustChange;
    /** No longer counted here: locks are per client address, in LOGIN_FAILURE ({@link LoginLocks}); cleared on a new password. */
    @Column(name = "FAILED_LOGINS")
    public int failedLogins;
    @Column(name = "LOCKED_UNTIL")
    public LocalDateTime lockedUntil;
}
