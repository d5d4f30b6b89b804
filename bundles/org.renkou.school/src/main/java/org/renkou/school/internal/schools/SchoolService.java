package org.renkou.school.internal.schools;


import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.jurisdiction.JurisdictionDTO;
import org.renkou.core.api.jurisdiction.JurisdictionService;
import org.renkou.core.api.staff.StaffDTO;
import org.renkou.core.api.staff.StaffService;
import org.renkou.school.internal.Access;
import org.renkou.school.internal.Curriculum;
import org.renkou.school.internal.School;
import org.renkou.school.internal.SchoolDTO.Course;
import org.renkou.school.internal.SchoolDTO.Equipment;
import org.renkou.school.internal.SchoolDTO.SchoolIn;
import org.renkou.school.internal.SchoolDTO.Teacher;
import org.renkou.school.internal.SchoolDatabase;
import org.renkou.school.internal.SchoolDatabase.Audit;
import org.renkou.school.internal.entities.schools.CourseEntity;
import org.renkou.school.internal.entities.schools.EquipmentEntity;
import org.renkou.school.internal.entities.schools.SchoolEntity;
import org.renkou.school.internal.entities.schools.TeacherEntity;

/**
 * Schools (one per community or township), their equipment register (设备登记), teachers and courses. Directors
 * and administrators set up schools and teachers; a school's teachers keep its register and courses.
 */
@Component(service = SchoolService.class, property = School.CONDITION)
public class SchoolService {
    private final SchoolDatabase db;
    private final JurisdictionService jurisdictions;
    private final StaffService staff;

    @Activate
    public SchoolService(@Reference SchoolDatabase db, @Reference JurisdictionService jurisdictions,
            @Reference StaffService staff) {
        this.db = db;
        this.jurisdictions = jurisdictions;
        this.staff = staff;
    }

    public List<SchoolIn> schools(Caller caller) {
        caller.require("查看人口学校", "read the schools", Access.READERS);
        return db.read(em -> em.createQuery("SELECT s FROM SchoolEntity s ORDER BY s.jurisdictionCode",
                SchoolEntity.class).getResultList().stream().filter(s -> caller.covers(s.jurisdictionCode))
                .map(this::dto).toList());
    }

    public SchoolIn school(Caller caller, long id) {
        caller.require("查看人口学校", "read the schools", Access.READERS);
        SchoolEntity s = db.read(em -> Access.school(em, caller, id, "schoolId"));
        return dto(s);
    }

    public SchoolIn createSchool(Caller caller, SchoolIn in) {
        caller.require("设立人口学校", "set up a school", Role.DIRECTOR, Role.ADMIN);
        Input.body(in);
        String code = Input.required(in.jurisdictionCode(), "jurisdictionCode", "所属辖区", "jurisdiction", 15);
        JurisdictionLevel level = JurisdictionLevel.ofCodeFor(code, "jurisdictionCode");
        if (level != JurisdictionLevel.COMMUNITY && level != JurisdictionLevel.STREET) {
            throw RenkouException.invalid("jurisdictionCode", "人口学校设在社区（村）或街道（乡镇）。",
                    "A school belongs to a community (village) or a street (township).");
        }
        if (!caller.covers(code) || jurisdictions.find(code).isEmpty()) {
            throw RenkouException.invalid("jurisdictionCode", "辖区 " + code + " 不存在或不在您的辖区内。",
                    "Jurisdiction " + code + " does not exist or lies outside your jurisdiction.");
        }
        SchoolEntity s = new SchoolEntity();
        s.name = Input.required(in.name(), "name", "学校名称", "name", 100);
        s.jurisdictionCode = code;
        s.classroom = Input.optional(in.classroom(), "classroom", "教室", "classroom", 200);
        SchoolEntity out = db.tx(em -> {
            if (!em.createQuery("SELECT s.id FROM SchoolEntity s WHERE s.jurisdictionCode = :c", Long.class)
                    .setParameter("c", code).getResultList().isEmpty()) {
                throw RenkouException.conflict("jurisdictionCode", "该辖区已设有人口学校。",
                        "This jurisdiction already has a school.");
            }
            em.persist(s);
            em.flush();
            return s;
        }, o -> new Audit(caller, AuditAction.CREATE, "School", o.id.toString(), code, "设立 " + o.name, null));
        return dto(out);
    }

    // --- equipment register ----------------------------------------------------------------------------------

    public List<Equipment> equipment(Caller caller, long schoolId) {
        caller.require("查看设备登记", "read the equipment register", Access.READERS);
        return db.read(em -> {
            Access.school(em, caller, schoolId, "schoolId");
            return em.createQuery("SELECT e FROM EquipmentEntity e WHERE e.schoolId = :s ORDER BY e.category, e.id",
                    EquipmentEntity.class).setParameter("s", schoolId).getResultList().stream()
                    .map(SchoolService::dto).toList();
        });
    }

    /** Adds a line to the register, or replaces one when {@code in.id} is given (with its version). */
    public Equipment saveEquipment(Caller caller, long schoolId, Equipment in) {
        Input.body(in);
        String item = Input.required(in.item(), "item", "物品名称", "item", 100);
        String category = Curriculum.oneOf(in.category(), Curriculum.CATEGORIES, "category", "类别", "category");
        int quantity = Curriculum.range(in.quantity(), 0, 100_000, "quantity", "数量", "quantity");
        String state = Curriculum.oneOf(in.state(), Curriculum.STATES, "state", "状态", "state");
        String keeper = Input.required(in.keeper(), "keeper", "保管人", "keeper", 60);
        if (in.checkedOn() != null && in.checkedOn().isAfter(db.today())) {
            throw RenkouException.invalid("checkedOn", "检查日期不能晚于今天。", "The date checked lies in the future.");
        }
        EquipmentEntity out = db.tx(em -> {
            SchoolEntity s = Access.school(em, caller, schoolId, "schoolId");
            Access.requireTeacher(em, caller, s.id, "登记设备", "keep the equipment register");
            EquipmentEntity e;
            if (in.id() == null) {
                e = new EquipmentEntity();
                e.schoolId = s.id;
            } else {
                e = em.find(EquipmentEntity.class, in.id());
                if (e == null || !e.schoolId.equals(s.id)) {
                    throw RenkouException.notFound("id", "设备 " + in.id() + " 不存在。",
                            "Register line " + in.id() + " does not exist.");
                }
                if (in.version() == null || !in.version().equals(e.version)) {
                    throw RenkouException.conflict("version", "该记录已被他人修改，请刷新后重试。",
                            "The record was changed by someone else; reload it and try again.");
                }
            }
            e.item = item;
            e.category = category;
            e.quantity = quantity;
            e.state = state;
            e.keeper = keeper;
            e.checkedOn = in.checkedOn() == null ? db.today() : in.checkedOn();
            if (e.id == null) {
                em.persist(e);
            }
            em.flush();
            return e;
        }, o -> new Audit(caller, in.id() == null ? AuditAction.CREATE : AuditAction.UPDATE, "SchoolEquipment",
                o.id.toString(), null, o.item + " ×" + o.quantity + " " + o.state, null));
        return dto(out);
    }

    // --- teachers --------------------------------------------------------------------------------------------

    public List<Teacher> teachers(Caller caller, long schoolId) {
        caller.require("查看教师", "read the teachers", Access.READERS);
        return db.read(em -> {
            Access.school(em, caller, schoolId, "schoolId");
            return em.createQuery("SELECT t FROM TeacherEntity t WHERE t.schoolId = :s ORDER BY t.id",
                    TeacherEntity.class).setParameter("s", schoolId).getResultList().stream()
                    .map(SchoolService::dto).toList();
        });
    }

    /** A staff member with the TEACHER role ({@code username}) or an outside lecturer (name and organisation). */
    public Teacher addTeacher(Caller caller, long schoolId, Teacher in) {
        caller.require("聘任教师", "appoint teachers", Role.DIRECTOR, Role.ADMIN);
        Input.body(in);
        TeacherEntity t = new TeacherEntity();
        t.username = Input.optional(in.username(), "username", "工作人员账号", "staff username", 40);
        if (t.username != null) {
            StaffDTO s = staff.find(caller, t.username).orElseThrow(() -> RenkouException.invalid("username",
                    "工作人员 " + in.username() + " 不存在或不在您的辖区内。",
                    "Staff member " + in.username() + " does not exist or lies outside your jurisdiction."));
            if (!s.roles.contains(Role.TEACHER)) {
                throw RenkouException.invalid("username", "该工作人员没有“教师”岗位。",
                        "This staff member does not hold the TEACHER role.");
            }
            t.name = Input.optional(in.name(), "name", "姓名", "name", 60);
            t.name = t.name == null ? s.name : t.name;
        } else {
            t.name = Input.required(in.name(), "name", "姓名", "name", 60);
            t.organisation = Input.required(in.organisation(), "organisation", "外聘讲师所在单位",
                    "outside lecturer's organisation", 100);
        }
        TeacherEntity out = db.tx(em -> {
            t.schoolId = Access.school(em, caller, schoolId, "schoolId").id;
            em.persist(t);
            em.flush();
            return t;
        }, o -> new Audit(caller, AuditAction.CREATE, "SchoolTeacher", o.id.toString(), null, o.name, null));
        return dto(out);
    }

    // --- courses ---------------------------------------------------------------------------------------------

    public List<Course> courses(Caller caller, long schoolId) {
        caller.require("查看课程", "read the courses", Access.READERS);
        return db.read(em -> {
            Access.school(em, caller, schoolId, "schoolId");
            return em.createQuery("SELECT c FROM CourseEntity c WHERE c.schoolId = :s ORDER BY c.id",
                    CourseEntity.class).setParameter("s", schoolId).getResultList().stream()
                    .map(SchoolService::dto).toList();
        });
    }

    public Course createCourse(Caller caller, long schoolId, Course in) {
        Input.body(in);
        CourseEntity c = new CourseEntity();
        c.title = Input.required(in.title(), "title", "课程名称", "title", 100);
        if (in.stages() == null || in.stages().isEmpty()) {
            throw RenkouException.invalid("stages", "请至少选择一个人生阶段。", "Choose at least one life stage.");
        }
        Set<String> stages = new LinkedHashSet<>();
        for (String st : in.stages()) {
            stages.add(Curriculum.oneOf(st, Curriculum.STAGES.keySet(), "stages", "人生阶段", "life stage"));
        }
        c.stages = String.join(",", stages);
        c.topic = Curriculum.oneOf(in.topic(), Curriculum.TOPICS.keySet(), "topic", "专题", "topic");
        c.hours = Curriculum.range(in.hours(), 1, 200, "hours", "课时数", "hours");
        c.passMark = Curriculum.range(in.passMark(), 1, 100, "passMark", "及格分", "pass mark");
        c.maxAbsences = in.maxAbsences() == null ? 1
                : Curriculum.range(in.maxAbsences(), 0, 50, "maxAbsences", "允许缺课次数", "absences allowed");
        c.maxAttempts = in.maxAttempts() == null ? 2
                : Curriculum.range(in.maxAttempts(), 1, 5, "maxAttempts", "考试次数上限（含补考）",
                        "attempts allowed (make-up included)");
        CourseEntity out = db.tx(em -> {
            c.schoolId = Access.school(em, caller, schoolId, "schoolId").id;
            Access.requireTeacher(em, caller, c.schoolId, "设置课程", "set up courses");
            em.persist(c);
            em.flush();
            return c;
        }, o -> new Audit(caller, AuditAction.CREATE, "SchoolCourse", o.id.toString(), null, o.title, null));
        return dto(out);
    }

    // --- mapping ---------------------------------------------------------------------------------------------

    private SchoolIn dto(SchoolEntity s) {
        String name = jurisdictions.find(s.jurisdictionCode).map((JurisdictionDTO j) -> j.name).orElse(null);
        return new SchoolIn(s.id, s.name, s.jurisdictionCode, name, s.classroom, s.version);
    }

    static Equipment dto(EquipmentEntity e) {
        return new Equipment(e.id, e.schoolId, e.item, e.category, e.quantity, e.state, e.keeper, e.checkedOn,
                e.version);
    }

    static Teacher dto(TeacherEntity t) {
        return new Teacher(t.id, t.schoolId, t.username, t.name, t.organisation, t.version);
    }

    static Course dto(CourseEntity c) {
        return new Course(c.id, c.schoolId, c.title, Arrays.asList(c.stages.split(",")), c.topic, c.hours,
                c.passMark, c.maxAbsences, c.maxAttempts, c.version);
    }
}
