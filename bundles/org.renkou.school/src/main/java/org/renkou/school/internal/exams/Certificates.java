package org.renkou.school.internal.exams;

import java.security.SecureRandom;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.report.ReportTable;
import org.renkou.school.internal.Access;
import org.renkou.school.internal.School;
import org.renkou.school.internal.SchoolDatabase;
import org.renkou.school.internal.SchoolDatabase.Audit;
import org.renkou.school.internal.entities.classes.ClassEntity;
import org.renkou.school.internal.entities.classes.EnrolmentEntity;
import org.renkou.school.internal.entities.schools.CourseEntity;
import org.renkou.school.internal.entities.schools.SchoolEntity;

/**
 * Completion certificates (结业证书): the code given at graduation, the certificate as a table the platform's PDF
 * writer prints with its CJK font, and the check of a code (验证). The core's certificate verification covers the
 * core's own certificate types only, so the school keeps its codes itself.
 */
@Component(service = Certificates.class, property = School.CONDITION)
public class Certificates {
    /** No 0/O, 1/I/L: read off paper without mistakes. */
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SchoolDatabase db;

    /** What a check of a code answers: enough to match the paper, nothing more (the name masked). */
    public record Verification(String code, boolean valid, String name, String course, String school,
            java.time.LocalDate graduatedOn) {
    }

    @Activate
    public Certificates(@Reference SchoolDatabase db) {
        this.db = db;
    }

    static String newCode() {
        StringBuilder b = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    /** The certificate of a graduate as a table to print; audited (a print of personal data). */
    public ReportTable certificate(Caller caller, long enrolmentId, boolean en) {
        caller.require("打印结业证书", "print a certificate", Role.TEACHER, Role.DIRECTOR, Role.FAMILY_SERVICES);
        return db.tx(em -> {
            EnrolmentEntity e = Access.enrolment(em, caller, enrolmentId, "enrolmentId");
            if (e.certificateCode == null) {
                throw RenkouException.invalid("enrolmentId", "该学员尚未结业。", "This person has not graduated.");
            }
            ClassEntity c = em.find(ClassEntity.class, e.classId);
            CourseEntity course = em.find(CourseEntity.class, c.courseId);
            SchoolEntity s = em.find(SchoolEntity.class, c.schoolId);
            return en ? new ReportTable("Certificate of completion — " + s.name, List.of("Name", "Course", "Class",
                    "Hours", "Completed on", "Verification code"), List.of(List.of(e.residentName, course.title, c.name,
                    course.hours, e.graduatedOn.toString(), e.certificateCode)),
                    List.of(e.residentName + " has completed the course " + course.title + " at " + s.name + ".",
                            "An office checks this certificate by its verification code."))
                    : new ReportTable("结业证书 · " + s.name, List.of("姓名", "课程", "班次", "课时", "结业日期", "验证码"),
                            List.of(List.of(e.residentName, course.title, c.name, course.hours, e.graduatedOn.toString(),
                                    e.certificateCode)),
                            List.of(e.residentName + " 同志参加" + s.name + "“" + course.title + "”课程学习，成绩合格，准予结业。",
                                    "凭验证码可向人口学校所在机构核验本证书。"));
        }, t -> new Audit(caller, AuditAction.READ_SENSITIVE, "SchoolCertificate", Long.toString(enrolmentId), null,
                "打印结业证书", "print"));
    }

    /** Checks a code: valid with the masked name, course, school and date, or not valid. */
    public Verification verify(Caller caller, String code) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!c.matches("[2-9A-Z]{12}")) {
            throw RenkouException.invalid("code", "验证码为 12 位字母数字。", "A verification code has 12 letters and digits.");
        }
        return db.read(em -> em.createQuery("SELECT e FROM EnrolmentEntity e WHERE e.certificateCode = :c",
                EnrolmentEntity.class).setParameter("c", c).getResultList().stream().findFirst().map(e -> {
                    ClassEntity k = em.find(ClassEntity.class, e.classId);
                    return new Verification(c, true, mask(e.residentName), em.find(CourseEntity.class, k.courseId).title,
                            em.find(SchoolEntity.class, k.schoolId).name, e.graduatedOn);
                }).orElse(new Verification(c, false, null, null, null, null)));
    }

    /** 张三丰 → 张**: the paper shows the full name; the check confirms without giving it away. */
    static String mask(String name) {
        return name == null || name.isEmpty() ? "" : name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
    }
}
