package org.renkou.school.internal.reports;

import java.time.LocalDate;
import java.util.List;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.school.internal.Access;
import org.renkou.school.internal.School;
import org.renkou.school.internal.SchoolDatabase;
import org.renkou.school.internal.SchoolDatabase.Audit;
import org.renkou.school.internal.entities.schools.SchoolEntity;
import org.renkou.school.internal.entities.schools.SummaryEntity;

/**
 * The year-end summary (年末总结): figures of the year as the records have them (sessions held, classes, people
 * enrolled, person-times, graduates, pass rate) and a text drafted from them, which the school's teachers edit
 * until a director signs it; a signed summary no longer changes.
 */
@Component(service = SummaryService.class, property = School.CONDITION)
public class SummaryService {
    private final SchoolDatabase db;

    /** The year's figures and the text; {@code drafted} while nothing has been saved yet. */
    public record Summary(Long schoolId, int year, long sessionsPlanned, long sessionsHeld, long classes,
            long enrolled, long declined, long personTimes, long graduates, long scores, long passed, String body,
            boolean drafted, String signedBy, LocalDate signedOn, Long version) {
    }

    /** An edit: the text and the version read. */
    public record Edit(String body, Long version) {
    }

    @Activate
    public SummaryService(@Reference SchoolDatabase db) {
        this.db = db;
    }

    public Summary summary(Caller caller, long schoolId, int year) {
        caller.require("查看年末总结", "read the year-end summary", Access.READERS);
        return db.read(em -> build(em, Access.school(em, caller, schoolId, "schoolId"), year(year)));
    }

    public Summary save(Caller caller, long schoolId, int year, Edit in) {
        Input.body(in);
        String body = Input.required(in.body(), "body", "总结内容", "text", 8000);
        return db.tx(em -> {
            SchoolEntity s = Access.school(em, caller, schoolId, "schoolId");
            Access.requireTeacher(em, caller, s.id, "修改年末总结", "edit the year-end summary");
            SummaryEntity e = stored(em, s.id, year(year));
            if (e == null) {
                e = new SummaryEntity();
                e.schoolId = s.id;
                e.year = year;
                e.body = body;
                em.persist(e);
            } else {
                if (e.signedBy != null) {
                    throw RenkouException.conflict("body", "年末总结已签字，不能再修改。", "The summary is signed: it no longer changes.");
                }
                if (in.version() == null || !in.version().equals(e.version)) {
                    throw RenkouException.conflict("version", "该记录已被他人修改，请刷新后重试。",
                            "The record was changed by someone else; reload it and try again.");
                }
                e.body = body;
            }
            em.flush();
            return build(em, s, year);
        }, o -> new Audit(caller, AuditAction.UPDATE, "SchoolSummary", schoolId + "/" + year, null, "修改年末总结", null));
    }

    /** A director signs: the text as it stands (the draft if nobody edited it). */
    public Summary sign(Caller caller, long schoolId, int year) {
        caller.require("签署年末总结", "sign the year-end summary", Role.DIRECTOR);
        return db.tx(em -> {
            SchoolEntity s = Access.school(em, caller, schoolId, "schoolId");
            SummaryEntity e = stored(em, s.id, year(year));
            if (e == null) {
                e = new SummaryEntity();
                e.schoolId = s.id;
                e.year = year;
                e.body = build(em, s, year).body();
                em.persist(e);
            } else if (e.signedBy != null) {
                throw RenkouException.conflict("year", "年末总结已签字。", "The summary is signed already.");
            }
            e.signedBy = caller.username();
            e.signedOn = db.today();
            em.flush();
            return build(em, s, year);
        }, o -> new Audit(caller, AuditAction.UPDATE, "SchoolSummary", schoolId + "/" + year, null, "签署年末总结", null));
    }

    private int year(int year) {
        if (year < 2000 || year > db.today().getYear()) {
            throw RenkouException.invalid("year", "年份应在 2000 年至今年之间。", "The year lies between 2000 and this year.");
        }
        return year;
    }

    private static SummaryEntity stored(EntityManager em, long schoolId, int year) {
        List<SummaryEntity> l = em.createQuery("SELECT s FROM SummaryEntity s WHERE s.schoolId = :s AND s.year = :y",
                SummaryEntity.class).setParameter("s", schoolId).setParameter("y", year).getResultList();
        return l.isEmpty() ? null : l.get(0);
    }

    private Summary build(EntityManager em, SchoolEntity s, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate to = end.isAfter(db.today()) ? db.today() : end;
        long planned = em.createQuery("SELECT COUNT(x) FROM SessionEntity x WHERE x.schoolId = :s AND x.planYear = :y",
                Long.class).setParameter("s", s.id).setParameter("y", year).getSingleResult();
        long held = em.createQuery("SELECT COUNT(x) FROM SessionEntity x WHERE x.schoolId = :s AND x.heldOn BETWEEN :a AND :b",
                Long.class).setParameter("s", s.id).setParameter("a", from).setParameter("b", to).getSingleResult();
        long classes = count(em, "SELECT COUNT(c) FROM ClassEntity c WHERE c.schoolId = :s AND c.startsOn BETWEEN :a AND :b",
                s.id, from, end);
        String ofClasses = "FROM EnrolmentEntity e, ClassEntity c WHERE e.classId = c.id AND c.schoolId = :s "
                + "AND c.startsOn BETWEEN :a AND :b";
        long enrolled = count(em, "SELECT COUNT(e) " + ofClasses + " AND e.status <> 'DECLINED'", s.id, from, end);
        long declined = count(em, "SELECT COUNT(e) " + ofClasses + " AND e.status = 'DECLINED'", s.id, from, end);
        long graduates = count(em, "SELECT COUNT(e) " + ofClasses + " AND e.status = 'GRADUATED'", s.id, from, end);
        long times = em.createQuery("SELECT COUNT(a) FROM AttendanceEntity a, SessionEntity x WHERE a.sessionId = x.id "
                + "AND x.schoolId = :s AND x.heldOn BETWEEN :a AND :b AND a.mark IN ('PRESENT', 'LATE')", Long.class)
                .setParameter("s", s.id).setParameter("a", from).setParameter("b", to).getSingleResult();
        String ofResults = "FROM ResultEntity r, ExamEntity x, ClassEntity c WHERE r.examId = x.id AND x.classId = c.id "
                + "AND c.schoolId = :s AND x.heldOn BETWEEN :a AND :b";
        long scores = count(em, "SELECT COUNT(r) " + ofResults, s.id, from, end);
        long passed = count(em, "SELECT COUNT(r) " + ofResults + " AND r.passed = TRUE", s.id, from, end);
        SummaryEntity e = stored(em, s.id, year);
        String draft = s.name + year + " 年工作总结\n\n本年度计划课时 " + planned + " 次，实际开展培训 " + held + " 次；开设班次 "
                + classes + " 个，报名学员 " + enrolled + " 人（另有 " + declined + " 人自愿不参加），参训 " + times + " 人次；"
                + "考试（含补考）" + scores + " 人次，及格 " + passed + " 人次；结业 " + graduates + " 人。\n\n"
                + "主要做法与成效：\n\n存在问题与下一年度打算：\n";
        return new Summary(s.id, year, planned, held, classes, enrolled, declined, times, graduates, scores, passed,
                e == null ? draft : e.body, e == null, e == null ? null : e.signedBy, e == null ? null : e.signedOn,
                e == null ? null : e.version);
    }

    private static long count(EntityManager em, String jpql, long schoolId, LocalDate from, LocalDate to) {
        return em.createQuery(jpql, Long.class).setParameter("s", schoolId).setParameter("a", from).setParameter("b", to)
                .getSingleResult();
    }
}
