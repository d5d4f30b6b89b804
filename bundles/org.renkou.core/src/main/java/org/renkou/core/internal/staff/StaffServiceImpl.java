package org.renkou.core.internal.staff;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.staff.StaffDTO;
import org.renkou.core.api.staff.StaffService;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.jurisdiction.JurisdictionEntity;
import org.renkou.core.internal.jurisdiction.Scope;

/** Staff, roles and jurisdiction assignments on the core persistence unit. */
@Component
public class StaffServiceImpl implements StaffService {
    static final String TYPE = "staff";
    /** The jurisdiction code that covers every other (全国). */
    private static final String WHOLE_COUNTRY = "";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,40}");

    private final Database db;
    /**
     * Callers by username, so that the check on every request reads no database. Roles, jurisdictions and the
     * active flag change only through {@link #update}, which empties this after its transaction; a read that
     * overlapped a change is not kept ({@link #generation}), so a switched-off account still counts at once.
     */
    private final Map<String, Caller> callers = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    @Activate
    public StaffServiceImpl(@Reference CoreDatabase database) {
        this(database.database());
    }

    StaffServiceImpl(Database db) {
        this.db = db;
    }

    @Override
    public List<StaffDTO> list(Caller caller) {
        caller.require("查看工作人员", "list staff", Role.ADMIN, Role.DIRECTOR, Role.AUDITOR);
        return db.tx(em -> em.createNamedQuery(StaffEntity.ALL, StaffEntity.class).getResultList().stream()
                .filter(s -> inScope(caller, s)).map(StaffServiceImpl::toDTO)
                .collect(Collectors.toList()));
    }

    @Override
    public Optional<StaffDTO> find(Caller caller, String username) {
        if (!caller.username().equals(username)) {
            caller.require("查看工作人员", "read staff records", Role.ADMIN, Role.DIRECTOR, Role.AUDITOR);
        }
        // the list's scope: staff whose jurisdictions all lie outside the caller's are not found
        return db.tx(em -> Optional.ofNullable(em.find(StaffEntity.class, username))
                .filter(s -> s.username.equals(caller.username()) || inScope(caller, s)).map(StaffServiceImpl::toDTO));
    }

    private static boolean inScope(Caller caller, StaffEntity s) {
        return s.jurisdictionCodes.stream().anyMatch(caller::covers);
    }

    @Override
    public StaffDTO create(Caller caller, StaffDTO in) {
        caller.require("管理工作人员", "manage staff", Role.ADMIN);
        Checked c = check(caller, in);
        return db.tx(em -> {
            checkCodes(em, c.codes);
            if (em.find(StaffEntity.class, c.username) != null) {
                throw RenkouException.conflict("username", "用户名 " + c.username + " 已存在。",
                        "Username " + c.username + " is taken.");
            }
            StaffEntity s = new StaffEntity();
            s.username = c.username;
            s.createdAt = LocalDateTime.now(ZoneOffset.UTC);
            apply(c, s);
            em.persist(s);
            em.flush();
            storePassword(em, c);
            AuditLog.write(em, caller, AuditAction.CREATE, TYPE, s.username, first(s), AuditLog.diff(Map.of(), view(s)), null);
            return toDTO(s);
        });
    }

    @Override
    public StaffDTO update(Caller caller, String username, StaffDTO in) {
        caller.require("管理工作人员", "manage staff", Role.ADMIN);
        long version = Input.present(in == null ? null : in.version, "version", "版本号", "version");
        if (in != null && in.username == null) {
            in.username = username;
        }
        Checked c = check(caller, in);
        if (!c.username.equals(username)) {
            throw RenkouException.invalid("username", "用户名不能修改。", "The username cannot be changed.");
        }
        // an administrator who locks themselves out may leave an office with no one to manage staff
        if (username.equals(caller.username()) && !c.active) {
            throw RenkouException.invalid("active", "不能停用自己的账户。", "You cannot switch off your own account.");
        }
        if (username.equals(caller.username()) && !c.roles.contains(Role.ADMIN)) {
            throw RenkouException.invalid("roles", "不能取消自己的系统管理员岗位。",
                    "You cannot take away your own administrator role.");
        }
        try {
            return updateInTx(caller, username, version, c);
        } finally {
            generation.incrementAndGet();
            callers.clear();
        }
    }

    private StaffDTO updateInTx(Caller caller, String username, long version, Checked c) {
        return db.tx(em -> {
            StaffEntity s = managed(em, caller, username);
            if (s.version != version) {
                throw Database.staleVersion();
            }
            checkCodes(em, c.codes);
            Map<String, Object> before = view(s);
            apply(c, s);
            em.lock(s, javax.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            em.flush();
            storePassword(em, c);
            Map<String, Object> after = view(s);
            if (c.password != null) {
                after.put("password", "reset");
            }
            AuditLog.write(em, caller, AuditAction.UPDATE, TYPE, username, first(s), AuditLog.diff(before, after), null);
            return toDTO(s);
        });
    }

    @Override
    public String resetPassword(Caller caller, String username) {
        caller.require("管理工作人员", "manage staff", Role.ADMIN);
        String password = Passwords.random();
        db.tx(em -> {
            StaffEntity s = managed(em, caller, username);
            AuthServiceImpl.store(em, s.username, password.toCharArray(), true);
            AuditLog.write(em, caller, AuditAction.UPDATE, TYPE, s.username, first(s),
                    AuditLog.diff(Map.of(), Map.of("password", "reset")), "重置密码 / password reset");
            return null;
        });
        return password;
    }

    /** A staff record the caller manages: one of its jurisdictions lies within the caller's (else 404, audited). */
    private StaffEntity managed(javax.persistence.EntityManager em, Caller caller, String username) {
        StaffEntity s = username == null ? null : em.find(StaffEntity.class, username);
        if (s == null) {
            throw Scope.notFound(TYPE, username);
        }
        if (s.jurisdictionCodes.stream().noneMatch(caller::covers)) {
            throw AuditLog.denied(db, caller, TYPE, username, first(s));
        }
        return s;
    }

    @Override
    public Optional<Caller> callerFor(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Optional.empty();
        }
        Caller known = callers.get(username);
        if (known != null) {
            return Optional.of(known);
        }
        long seen = generation.get();
        Optional<Caller> found = db.read(em -> Optional.ofNullable(em.find(StaffEntity.class, username)))
                .filter(s -> s.active)
                .map(s -> new Caller(s.username, s.roles, s.jurisdictionCodes));
        found.ifPresent(c -> {
            callers.put(username, c);
            if (generation.get() != seen) { // a change ended meanwhile: what was read may predate it
                callers.remove(username, c);
            }
        });
        return found;
    }

    private record Checked(String username, String name, Set<Role> roles, Set<String> codes, boolean active,
            String password) {
    }

    /** An initial or reset password set by an administrator: the staff member must change it at the next login. */
    private static void storePassword(javax.persistence.EntityManager em, Checked c) {
        if (c.password != null) {
            AuthServiceImpl.store(em, c.username, c.password.toCharArray(), true);
        }
    }

    private static Checked check(Caller caller, StaffDTO in) {
        Input.body(in);
        String username = Input.required(in.username, "username", "用户名", "username", 40);
        if (!USERNAME.matcher(username).matches()) {
            throw RenkouException.invalid("username", "用户名只能包含字母、数字和 . _ -，2 到 40 个字符。",
                    "A username has 2 to 40 letters, digits, '.', '_' or '-'.");
        }
        String name = Input.required(in.name, "name", "姓名", "name", 50);
        if (in.roles == null || in.roles.isEmpty() || in.roles.contains(null)) {
            throw RenkouException.invalid("roles", "请至少选择一个岗位。", "Choose at least one role.");
        }
        if (in.jurisdictionCodes == null || in.jurisdictionCodes.isEmpty()) {
            throw RenkouException.invalid("jurisdictionCodes", "请至少指定一个工作辖区。",
                    "Assign at least one jurisdiction.");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : in.jurisdictionCodes) {
            String t = Input.trimToNull(code);
            if (t == null && code != null && caller.jurisdictionCodes().contains(WHOLE_COUNTRY)) {
                codes.add(WHOLE_COUNTRY); // 全国, as the first administrator has it: only from someone who has it
                continue;
            }
            if (t == null || !caller.covers(t)) {
                throw RenkouException.invalid("jurisdictionCodes", "辖区 " + code + " 不在您的辖区内。",
                        "Jurisdiction " + code + " lies outside your own.");
            }
            codes.add(t);
        }
        if (in.password != null) {
            Passwords.checkRule(username, in.password.toCharArray(), "password");
        }
        return new Checked(username, name, in.roles, codes, in.active == null || in.active, in.password);
    }

    private static void checkCodes(javax.persistence.EntityManager em, Set<String> codes) {
        for (String code : codes) {
            if (!code.equals(WHOLE_COUNTRY) && em.find(JurisdictionEntity.class, code) == null) {
                throw RenkouException.invalid("jurisdictionCodes", "辖区 " + code + " 不存在。",
                        "Jurisdiction " + code + " does not exist.");
            }
        }
    }

    private static void apply(Checked c, StaffEntity s) {
        s.name = c.name;
        s.roles.clear();
        s.roles.addAll(c.roles);
        s.jurisdictionCodes.clear();
        s.jurisdictionCodes.addAll(c.codes);
        s.active = c.active;
    }

    private static String first(StaffEntity s) {
        return s.jurisdictionCodes.isEmpty() ? null : s.jurisdictionCodes.iterator().next();
    }

    private static Map<String, Object> view(StaffEntity s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name);
        m.put("roles", s.roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        m.put("jurisdictionCodes", s.jurisdictionCodes.stream().sorted().collect(Collectors.joining(",")));
        m.put("active", s.active);
        return m;
    }

    static StaffDTO toDTO(StaffEntity s) {
        StaffDTO d = new StaffDTO();
        d.username = s.username;
        d.name = s.name;
        d.roles = new LinkedHashSet<>(s.roles);
        d.jurisdictionCodes = new LinkedHashSet<>(s.jurisdictionCodes);
        d.active = s.active;
        d.version = s.version;
        return d;
    }
}
