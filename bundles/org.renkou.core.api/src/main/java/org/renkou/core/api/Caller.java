package org.renkou.core.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who is asking: every service method that reads or writes people takes one, and never returns or touches rows
 * outside the caller's jurisdictions. A staff member's jurisdictions are their office's and their assignments
 * (联村/包片); each covers itself and everything below it in the tree.
 */
public final class Caller {
    /** The platform itself (sample data, start-up work, the Gogo shell): every role, the whole country. */
    public static final Caller SYSTEM = new Caller("system", EnumSet.allOf(Role.class), Set.of(""));

    private final String username;
    private final Set<Role> roles;
    private final Set<String> jurisdictionCodes;
    private final Set<String> prefixes;

    /**
     * @param jurisdictionCodes the jurisdictions the caller works in; the empty code stands for the whole country
     */
    public Caller(String username, Set<Role> roles, Set<String> jurisdictionCodes) {
        this.username = username;
        this.roles = roles.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        this.jurisdictionCodes = Collections.unmodifiableSet(new LinkedHashSet<>(jurisdictionCodes));
        Set<String> p = new LinkedHashSet<>();
        for (String code : jurisdictionCodes) {
            p.add(code.isEmpty() ? "" : JurisdictionLevel.ofCode(code).childPrefix(code));
        }
        this.prefixes = Collections.unmodifiableSet(p);
    }

    public String username() {
        return username;
    }

    public Set<Role> roles() {
        return roles;
    }

    public Set<String> jurisdictionCodes() {
        return jurisdictionCodes;
    }

    /**
     * The code prefixes this caller may see: {@code 4406} for 佛山市 (440600), the full code below county level.
     * The empty prefix covers everything.
     */
    public Set<String> scopePrefixes() {
        return prefixes;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller holds at least one of {@code any}. */
    public boolean hasAny(Role... any) {
        for (Role r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the caller holds at least one of {@code any} (e.g. {@link Role#PEOPLE_WRITERS}). */
    public boolean hasAny(Set<Role> any) {
        for (Role r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether one of these jurisdiction codes (nulls ignored) lies within the caller's reach: the rule for records
     * seen from several places, e.g. a resident, whom the place of residence and the place of registration both
     * see (dual jurisdiction, 双重管理).
     */
    public boolean coversAny(String... codes) {
        for (String code : codes) {
            if (covers(code)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the jurisdiction {@code code} lies within one of the caller's jurisdictions. */
    public boolean covers(String code) {
        if (code == null) {
            return false;
        }
        for (String p : prefixes) {
            if (code.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fails with a FORBIDDEN error unless the caller holds one of {@code roles}.
     *
     * @param actionZh what was attempted, in Chinese, for the message (e.g. 修改居民信息)
     */
    public void require(String actionZh, String actionEn, Role... any) {
        require(actionZh, actionEn, Set.of(any));
    }

    /** {@link #require(String, String, Role...)} for a role set such as {@link Role#PEOPLE_WRITERS}. */
    public void require(String actionZh, String actionEn, Set<Role> any) {
        if (!hasAny(any)) {
            throw RenkouException.forbidden("您的岗位无权" + actionZh + "。",
                    "Your role does not allow you to " + actionEn + ".");
        }
    }

    /** Whether the caller works over the whole tree (the empty code), as platform-level staff do. */
    public boolean coversEverything() {
        return prefixes.contains("");
    }

    /**
     * Fails with FORBIDDEN unless the caller is a platform-level administrator: ADMIN over the whole tree. Operations
     * that change the platform for everybody (modules, deploy, configuration) need it; an ADMIN of one community
     * manages only their own staff.
     */
    public void requirePlatformAdmin(String actionZh, String actionEn) {
        if (!has(Role.ADMIN) || !coversEverything()) {
            throw RenkouException.forbidden("只有平台级管理员（辖区为全部）可以" + actionZh + "。",
                    "Only a platform-level administrator (jurisdiction: all) may " + actionEn + ".");
        }
    }

    @Override
    public String toString() {
        return username + roles + jurisdictionCodes;
    }
}
