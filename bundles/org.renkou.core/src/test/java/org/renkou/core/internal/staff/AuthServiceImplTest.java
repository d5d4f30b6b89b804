package org.renkou.core.internal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.staff.AuthService;
import org.renkou.core.api.staff.StaffDTO;
import org.renkou.core.internal.db.MovableClock;
import org.renkou.core.internal.db.TestDatabase;
import org.renkou.core.internal.jurisdiction.JurisdictionServiceImpl;
import org.renkou.core.internal.sample.SampleData;

/** Logins, lockout, expiry and the first administrator on the real persistence unit. */
class AuthServiceImplTest {
    private TestDatabase db;
    private MovableClock clock;
    private AuthServiceImpl auth;
    private StaffServiceImpl staff;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        SampleData.loadIfEmpty(JurisdictionServiceImpl.on(db.database));
        clock = new MovableClock(LocalDate.now());
        auth = new AuthServiceImpl(db.database, clock);
        staff = new StaffServiceImpl(db.database);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void createStaff(String username, String password) {
        StaffDTO d = new StaffDTO();
        d.username = username;
        d.name = "王芳";
        d.roles = new java.util.LinkedHashSet<>(Set.of(Role.FAMILY_SERVICES));
        d.jurisdictionCodes = new java.util.LinkedHashSet<>(Set.of("440606901001"));
        d.password = password;
        staff.create(Caller.SYSTEM, d);
    }

    @Test
    void firstAdminIsCreatedOnceWithAHashedPasswordThatMustBeChanged() {
        String password = auth.createFirstAdminIfNone();
        assertNotNull(password);
        assertNull(auth.createFirstAdminIfNone(), "only on the very first start");
        String hash = db.database.read(em -> em.find(StaffCredentialEntity.class, "admin").passwordHash);
        assertTrue(hash.startsWith("$2b$10$") && !hash.contains(password));
        AuthService.Login login = auth.login("admin", password.toCharArray());
        assertTrue(login.passwordChangeRequired());
        assertTrue(login.caller().has(Role.ADMIN) && login.caller().covers("530102901001"));
        auth.changePassword("admin", password.toCharArray(), "neues-Passwort-1".toCharArray());
        assertFalse(auth.login("admin", "neues-Passwort-1".toCharArray()).passwordChangeRequired());
    }

    @Test
    void theCallerOfASessionFollowsEveryChangeToTheStaffMemberAtOnce() {
        createStaff("wangfang", "start-pass-1");
        Caller first = staff.callerFor("wangfang").orElseThrow();
        assertTrue(first.covers("440606901001") && !first.covers("440606901002"));
        assertTrue(first == staff.callerFor("wangfang").orElseThrow(), "kept between requests");

        StaffDTO d = staff.find(Caller.SYSTEM, "wangfang").orElseThrow();
        d.jurisdictionCodes = new java.util.LinkedHashSet<>(Set.of("440606901002"));
        d = staff.update(Caller.SYSTEM, "wangfang", d);
        Caller moved = staff.callerFor("wangfang").orElseThrow();
        assertTrue(moved.covers("440606901002") && !moved.covers("440606901001"), "the new jurisdiction counts at once");

        d.active = false;
        staff.update(Caller.SYSTEM, "wangfang", d);
        assertTrue(staff.callerFor("wangfang").isEmpty(), "a switched-off account counts at once");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutesForThatAddressOnly() {
        createStaff("wangfang", "start-pass-1");
        String attacker = "10.0.0.66";
        RenkouException unknown = assertThrows(RenkouException.class,
                () -> auth.login("nobody", "wrong1234".toCharArray(), attacker));
        for (int i = 1; i < AuthService.MAX_FAILED_LOGINS; i++) {
            RenkouException e = assertThrows(RenkouException.class,
                    () -> auth.login("wangfang", "wrong1234".toCharArray(), attacker));
            assertEquals(RenkouException.Kind.UNAUTHENTICATED, e.kind());
        }
        RenkouException locked = assertThrows(RenkouException.class,
                () -> auth.login("wangfang", "wrong1234".toCharArray(), attacker));
        assertEquals(unknown.messageZh(), locked.messageZh(), "a lock answers like an unknown user");
        // even the right password is refused while locked, from that address
        RenkouException refused = assertThrows(RenkouException.class,
                () -> auth.login("wangfang", "start-pass-1".toCharArray(), attacker));
        assertEquals(unknown.getMessage(), refused.getMessage());
        // the owner at another address logs in: failures elsewhere never lock the account for them
        assertTrue(auth.login("wangfang", "start-pass-1".toCharArray(), "10.0.0.7").passwordChangeRequired());
        assertThrows(RenkouException.class, () -> auth.login("wangfang", "start-pass-1".toCharArray(), attacker));
        long audited = db.database.read(em -> em.createQuery("SELECT COUNT(a) FROM AuditEntryEntity a WHERE "
                + "a.entityId = 'wangfang' AND a.reason LIKE '%10.0.0.66%'", Long.class).getSingleResult());
        assertEquals(1, audited, "the lock is audited with the address");
        clock.plusDays(1);
        assertTrue(auth.login("wangfang", "start-pass-1".toCharArray(), attacker).passwordChangeRequired(),
                "a password set by the administrator must be changed");
    }

    @Test
    void aPasswordOlderThanSixMonthsMustBeChanged() {
        createStaff("lina", "start-pass-1");
        auth.changePassword("lina", "start-pass-1".toCharArray(), "own-pass-22".toCharArray());
        assertFalse(auth.login("lina", "own-pass-22".toCharArray()).passwordChangeRequired());
        clock.plusDays(190);
        assertTrue(auth.login("lina", "own-pass-22".toCharArray()).passwordChangeRequired());
        assertTrue(auth.passwordChangeRequired("lina"));
    }

    @Test
    void weakOrUnchangedPasswordsAreRefusedInWords() {
        createStaff("zhao", "start-pass-1");
        RenkouException weak = assertThrows(RenkouException.class,
                () -> auth.changePassword("zhao", "start-pass-1".toCharArray(), "short".toCharArray()));
        assertEquals("newPassword", weak.field());
        RenkouException same = assertThrows(RenkouException.class,
                () -> auth.changePassword("zhao", "start-pass-1".toCharArray(), "start-pass-1".toCharArray()));
        assertEquals("newPassword", same.field());
        RenkouException old = assertThrows(RenkouException.class,
                () -> auth.changePassword("zhao", "nope-1234".toCharArray(), "better-pass-9".toCharArray()));
        assertEquals("oldPassword", old.field());
        assertThrows(RenkouException.class, () -> auth.login("nobody", "whatever1".toCharArray()));
    }

    @Test
    void aResetGivesATemporaryPasswordOnceThatMustBeChangedAndEndsALock() {
        createStaff("sun", "start-pass-1");
        for (int i = 0; i < AuthService.MAX_FAILED_LOGINS; i++) {
            assertThrows(RenkouException.class, () -> auth.login("sun", "wrong1234".toCharArray()));
        }
        assertThrows(RenkouException.class, () -> auth.login("sun", "start-pass-1".toCharArray()), "locked");
        Caller admin = new Caller("chief", Set.of(Role.ADMIN), Set.of("440606"));
        String temporary = staff.resetPassword(admin, "sun");
        assertTrue(temporary.length() >= 12 && temporary.chars().anyMatch(Character::isDigit), temporary);
        assertThrows(RenkouException.class, () -> auth.login("sun", "start-pass-1".toCharArray()));
        assertTrue(auth.login("sun", temporary.toCharArray()).passwordChangeRequired(), "unlocked, must change");
        String hash = db.database.read(em -> em.find(StaffCredentialEntity.class, "sun").passwordHash);
        assertFalse(hash.contains(temporary));
        long audited = db.database.read(em -> em.createQuery("SELECT COUNT(a) FROM AuditEntryEntity a WHERE "
                + "a.entityType = 'staff' AND a.entityId = 'sun' AND a.actor = 'chief' AND a.changes LIKE '%reset%'",
                Long.class).getSingleResult());
        assertEquals(1, audited);

        // not an administrator; an administrator of another county; an unknown name
        Caller officer = new Caller("wang", Set.of(Role.DIRECTOR), Set.of("440606"));
        assertEquals(RenkouException.Kind.FORBIDDEN,
                assertThrows(RenkouException.class, () -> staff.resetPassword(officer, "sun")).kind());
        Caller yunnan = new Caller("yn-admin", Set.of(Role.ADMIN), Set.of("530102"));
        assertEquals(RenkouException.Kind.NOT_FOUND,
                assertThrows(RenkouException.class, () -> staff.resetPassword(yunnan, "sun")).kind());
        assertEquals(RenkouException.Kind.NOT_FOUND,
                assertThrows(RenkouException.class, () -> staff.resetPassword(admin, "nobody")).kind());
    }

    @Test
    void anAdministratorCannotSwitchOffThemselvesOrDropTheirOwnAdminRole() {
        createStaff("boss", "start-pass-1");
        StaffDTO me = staff.find(Caller.SYSTEM, "boss").orElseThrow();
        me.roles = new java.util.LinkedHashSet<>(Set.of(Role.ADMIN));
        me = staff.update(Caller.SYSTEM, "boss", me);
        Caller boss = new Caller("boss", Set.of(Role.ADMIN), Set.of("440606901001"));
        StaffDTO off = staff.find(boss, "boss").orElseThrow();
        off.active = false;
        assertEquals("active", assertThrows(RenkouException.class, () -> staff.update(boss, "boss", off)).field());
        StaffDTO demoted = staff.find(boss, "boss").orElseThrow();
        demoted.roles = new java.util.LinkedHashSet<>(Set.of(Role.DIRECTOR));
        assertEquals("roles", assertThrows(RenkouException.class, () -> staff.update(boss, "boss", demoted)).field());
        // someone else may be switched off, and on again
        createStaff("li", "start-pass-1");
        StaffDTO li = staff.find(boss, "li").orElseThrow();
        li.active = false;
        li = staff.update(boss, "li", li);
        assertFalse(li.active);
        assertTrue(staff.callerFor("li").isEmpty(), "a switched-off account acts as no one");
        li.active = true;
        assertTrue(staff.update(boss, "li", li).active);
        // the first administrator (the whole country, "") edits their own record; a community admin cannot grant ""
        StaffDTO chief = new StaffDTO();
        chief.username = "chief";
        chief.name = "系统管理员";
        chief.roles = new java.util.LinkedHashSet<>(Set.of(Role.ADMIN));
        chief.jurisdictionCodes = new java.util.LinkedHashSet<>(Set.of(""));
        staff.create(Caller.SYSTEM, chief);
        Caller first = new Caller("chief", Set.of(Role.ADMIN), Set.of(""));
        StaffDTO self = staff.find(first, "chief").orElseThrow();
        self.name = "王主任";
        assertEquals("王主任", staff.update(first, "chief", self).name);
        li.jurisdictionCodes = new java.util.LinkedHashSet<>(Set.of(""));
        li.version = staff.find(boss, "li").orElseThrow().version;
        StaffDTO country = li;
        assertEquals("jurisdictionCodes", assertThrows(RenkouException.class, () -> staff.update(boss, "li", country)).field());
        assertTrue(staff.callerFor("li").isPresent());
    }

    /** An ADMIN of one community reads only the staff of their reach and has no platform powers (issue 19). */
    @Test
    void aCommunityAdministratorIsNoPlatformAdministrator() {
        Caller local = new Caller("local", java.util.Set.of(org.renkou.core.api.Role.ADMIN), java.util.Set.of("440606901001"));
        StaffDTO d = new StaffDTO();
        d.username = "faraway";
        d.name = "远方";
        d.roles.add(org.renkou.core.api.Role.FAMILY_SERVICES);
        d.jurisdictionCodes.add("530102");
        d.password = "Start-12345678";
        staff.create(Caller.SYSTEM, d);
        assertTrue(staff.find(local, "faraway").isEmpty(), "outside the list's scope: not found");
        assertTrue(staff.find(Caller.SYSTEM, "faraway").isPresent());
        assertThrows(RenkouException.class, () -> local.requirePlatformAdmin("启用或停用模块", "switch modules"));
        Caller.SYSTEM.requirePlatformAdmin("启用或停用模块", "switch modules");
    }
}
