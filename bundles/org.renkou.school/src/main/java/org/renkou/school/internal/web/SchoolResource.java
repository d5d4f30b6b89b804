package org.renkou.school.internal.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.report.ReportDocuments;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;
import org.renkou.school.internal.Curriculum;
import org.renkou.school.internal.School;
import org.renkou.school.internal.SchoolDTO;
import org.renkou.school.internal.SchoolDTO.Course;
import org.renkou.school.internal.SchoolDTO.Decline;
import org.renkou.school.internal.SchoolDTO.EnrolGroup;
import org.renkou.school.internal.SchoolDTO.EnrolOne;
import org.renkou.school.internal.SchoolDTO.EnrolResult;
import org.renkou.school.internal.SchoolDTO.Enrolment;
import org.renkou.school.internal.SchoolDTO.Equipment;
import org.renkou.school.internal.SchoolDTO.Exam;
import org.renkou.school.internal.SchoolDTO.Graduation;
import org.renkou.school.internal.SchoolDTO.Mark;
import org.renkou.school.internal.SchoolDTO.Result;
import org.renkou.school.internal.SchoolDTO.Saved;
import org.renkou.school.internal.SchoolDTO.SchoolClass;
import org.renkou.school.internal.SchoolDTO.SchoolIn;
import org.renkou.school.internal.SchoolDTO.Score;
import org.renkou.school.internal.SchoolDTO.Session;
import org.renkou.school.internal.SchoolDTO.Teacher;
import org.renkou.school.internal.classes.ClassService;
import org.renkou.school.internal.classes.LessonFiles;
import org.renkou.school.internal.classes.PlanService;
import org.renkou.school.internal.exams.Certificates;
import org.renkou.school.internal.exams.ExamService;
import org.renkou.school.internal.exams.PaperService;
import org.renkou.school.internal.reports.CoverageService;
import org.renkou.school.internal.reports.SummaryService;
import org.renkou.school.internal.schools.SchoolService;

/**
 * {@code /api/school}: the population school API. Present only while the module is on; switched off, every path
 * answers 404 and the data stays. Roles, reach and input are checked in the services; errors are problem+json.
 */
@Component(service = SchoolResource.class, property = School.CONDITION)
@RestResource
@Path("school")
@Produces(MediaType.APPLICATION_JSON)
public class SchoolResource {
    private final SchoolService schools;
    private final ClassService classes;
    private final PlanService plans;
    private final ExamService exams;
    private final CoverageService coverage;
    private final Certificates certificates;
    private final LessonFiles files;
    private final SummaryService summaries;
    private final PaperService papers;
    /** The platform's Excel and PDF writer; optional so that JSON keeps working without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ReportDocuments documents;

    @Activate
    public SchoolResource(@Reference SchoolService schools, @Reference ClassService classes,
            @Reference PlanService plans, @Reference ExamService exams, @Reference CoverageService coverage,
            @Reference Certificates certificates, @Reference LessonFiles files,
            @Reference SummaryService summaries, @Reference PaperService papers) {
        this.schools = schools;
        this.classes = classes;
        this.plans = plans;
        this.exams = exams;
        this.coverage = coverage;
        this.certificates = certificates;
        this.files = files;
        this.summaries = summaries;
        this.papers = papers;
    }

    private static Caller caller(SecurityContext sc) {
        return RestCaller.of(sc);
    }

    private static Response created(String path, Object entity) {
        return Response.created(URI.create("school/" + path)).entity(entity).build();
    }

    /** The fixed vocabularies (life stages, topics, target groups) for the pages' choices. */
    @GET
    @Path("curriculum")
    public Map<String, Map<String, String>> curriculum(@Context SecurityContext sc) {
        caller(sc);
        return Map.of("stages", Curriculum.STAGES, "topics", Curriculum.TOPICS, "groups", Curriculum.GROUPS);
    }

    @GET
    @Path("schools")
    public List<SchoolIn> schools(@Context SecurityContext sc) {
        return schools.schools(caller(sc));
    }

    @POST
    @Path("schools")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createSchool(@Context SecurityContext sc, SchoolIn in) {
        SchoolIn s = schools.createSchool(caller(sc), in);
        return created("schools/" + s.id(), s);
    }

    @GET
    @Path("schools/{id}")
    public SchoolIn school(@Context SecurityContext sc, @PathParam("id") long id) {
        return schools.school(caller(sc), id);
    }

    @GET
    @Path("schools/{id}/equipment")
    public List<Equipment> equipment(@Context SecurityContext sc, @PathParam("id") long id) {
        return schools.equipment(caller(sc), id);
    }

    @POST
    @Path("schools/{id}/equipment")
    @Consumes(MediaType.APPLICATION_JSON)
    public Equipment saveEquipment(@Context SecurityContext sc, @PathParam("id") long id, Equipment in) {
        return schools.saveEquipment(caller(sc), id, in);
    }

    @GET
    @Path("schools/{id}/teachers")
    public List<Teacher> teachers(@Context SecurityContext sc, @PathParam("id") long id) {
        return schools.teachers(caller(sc), id);
    }

    @POST
    @Path("schools/{id}/teachers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addTeacher(@Context SecurityContext sc, @PathParam("id") long id, Teacher in) {
        Teacher t = schools.addTeacher(caller(sc), id, in);
        return created("teachers/" + t.id(), t);
    }

    @GET
    @Path("schools/{id}/courses")
    public List<Course> courses(@Context SecurityContext sc, @PathParam("id") long id) {
        return schools.courses(caller(sc), id);
    }

    @POST
    @Path("schools/{id}/courses")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createCourse(@Context SecurityContext sc, @PathParam("id") long id, Course in) {
        Course c = schools.createCourse(caller(sc), id, in);
        return created("courses/" + c.id(), c);
    }

    @GET
    @Path("schools/{id}/classes")
    public List<SchoolClass> classes(@Context SecurityContext sc, @PathParam("id") long id) {
        return classes.classes(caller(sc), id);
    }

    @POST
    @Path("schools/{id}/classes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createClass(@Context SecurityContext sc, @PathParam("id") long id, SchoolClass in) {
        SchoolClass c = classes.createClass(caller(sc), id, in);
        return created("classes/" + c.id(), c);
    }

    @GET
    @Path("schools/{id}/plan/{year}")
    public List<Session> plan(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("year") int year) {
        return plans.plan(caller(sc), id, year);
    }

    @POST
    @Path("schools/{id}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addSession(@Context SecurityContext sc, @PathParam("id") long id, Session in) {
        Session s = plans.addSession(caller(sc), id, in);
        return created("sessions/" + s.id(), s);
    }

    @GET
    @Path("classes/{id}")
    public SchoolClass classOf(@Context SecurityContext sc, @PathParam("id") long id) {
        return classes.classOf(caller(sc), id);
    }

    @GET
    @Path("classes/{id}/roster")
    public List<Enrolment> roster(@Context SecurityContext sc, @PathParam("id") long id) {
        return classes.roster(caller(sc), id);
    }

    @POST
    @Path("classes/{id}/enrolments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response enrol(@Context SecurityContext sc, @PathParam("id") long id, EnrolOne in) {
        Enrolment e = classes.enrol(caller(sc), id, Input.body(in).residentId());
        return created("enrolments/" + e.id(), e);
    }

    @POST
    @Path("classes/{id}/enrolments/group")
    @Consumes(MediaType.APPLICATION_JSON)
    public EnrolResult enrolGroup(@Context SecurityContext sc, @PathParam("id") long id, EnrolGroup in) {
        return classes.enrolGroup(caller(sc), id, Input.body(in).targetGroup());
    }

    @POST
    @Path("enrolments/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    public Enrolment decline(@Context SecurityContext sc, @PathParam("id") long id, Decline in) {
        return classes.decline(caller(sc), id, in == null ? null : in.reason());
    }

    @GET
    @Path("classes/{id}/sessions")
    public List<Session> sessions(@Context SecurityContext sc, @PathParam("id") long id) {
        return plans.sessionsOf(caller(sc), id);
    }

    @GET
    @Path("sessions/{id}/attendance")
    public List<Mark> attendance(@Context SecurityContext sc, @PathParam("id") long id) {
        return plans.attendance(caller(sc), id);
    }

    @PUT
    @Path("sessions/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    public Saved saveAttendance(@Context SecurityContext sc, @PathParam("id") long id, List<Mark> marks) {
        return plans.saveAttendance(caller(sc), id, marks);
    }

    @GET
    @Path("classes/{id}/exams")
    public List<Exam> exams(@Context SecurityContext sc, @PathParam("id") long id) {
        return exams.exams(caller(sc), id);
    }

    @POST
    @Path("classes/{id}/exams")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createExam(@Context SecurityContext sc, @PathParam("id") long id, Exam in) {
        Exam e = exams.createExam(caller(sc), id, in);
        return created("exams/" + e.id(), e);
    }

    @PUT
    @Path("exams/{id}/scores")
    @Consumes(MediaType.APPLICATION_JSON)
    public Saved saveScores(@Context SecurityContext sc, @PathParam("id") long id, List<Score> scores) {
        return exams.saveScores(caller(sc), id, scores);
    }

    /** The exam's scores; {@code reason} required, the read audited. */
    @GET
    @Path("exams/{id}/results")
    public List<Result> results(@Context SecurityContext sc, @PathParam("id") long id,
            @QueryParam("reason") String reason) {
        return exams.results(caller(sc), id, reason);
    }

    // --- exam papers (考卷) and answer sheets (答卷) -------------------------------------------------------------

    @GET
    @Path("courses/{id}/questions")
    public List<SchoolDTO.Question> questions(@Context SecurityContext sc, @PathParam("id") long id) {
        return papers.questions(caller(sc), id);
    }

    @POST
    @Path("courses/{id}/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addQuestion(@Context SecurityContext sc, @PathParam("id") long id, SchoolDTO.Question in) {
        SchoolDTO.Question q = papers.addQuestion(caller(sc), id, in);
        return created("courses/" + id + "/questions/" + q.id(), q);
    }

    @GET
    @Path("exams/{id}/paper")
    public SchoolDTO.Paper paper(@Context SecurityContext sc, @PathParam("id") long id) {
        return papers.paper(caller(sc), id);
    }

    @POST
    @Path("exams/{id}/paper")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createPaper(@Context SecurityContext sc, @PathParam("id") long id, SchoolDTO.PaperIn in) {
        return created("exams/" + id + "/paper", papers.createPaper(caller(sc), id, in));
    }

    @POST
    @Path("papers/{id}/sheets")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submitSheet(@Context SecurityContext sc, @PathParam("id") long id, SchoolDTO.SheetIn in) {
        SchoolDTO.SheetState s = papers.submit(caller(sc), id, in);
        return created("sheets/" + s.id(), s);
    }

    /** The paper's answer sheets with their scores; {@code reason} required, the read audited. */
    @GET
    @Path("papers/{id}/sheets")
    public List<SchoolDTO.Sheet> sheets(@Context SecurityContext sc, @PathParam("id") long id,
            @QueryParam("reason") String reason) {
        return papers.sheets(caller(sc), id, reason);
    }

    @PUT
    @Path("sheets/{id}/marks")
    @Consumes(MediaType.APPLICATION_JSON)
    public SchoolDTO.SheetState markSheet(@Context SecurityContext sc, @PathParam("id") long id,
            List<SchoolDTO.PointsIn> marks) {
        return papers.mark(caller(sc), id, marks);
    }

    @POST
    @Path("classes/{id}/graduate")
    public Graduation graduate(@Context SecurityContext sc, @PathParam("id") long id) {
        return exams.graduate(caller(sc), id);
    }

    /** The classes a resident is on (the resident's page); no scores. */
    @GET
    @Path("residents/{id}/classes")
    public List<Enrolment> ofResident(@Context SecurityContext sc, @PathParam("id") long id) {
        return classes.ofResident(caller(sc), id);
    }

    /**
     * A resident's classes for the panel on the resident's page; with {@code reason}, whether each exam was passed
     * (for the teacher and the person's office, the read audited).
     */
    @GET
    @Path("residents/{id}/courses")
    public List<SchoolDTO.ResidentCourse> coursesOf(@Context SecurityContext sc, @PathParam("id") long id,
            @QueryParam("reason") String reason) {
        return exams.courses(caller(sc), id, reason);
    }

    /** A person's scores; {@code reason} required, the read audited. */
    @GET
    @Path("residents/{id}/results")
    public List<Result> resultsOf(@Context SecurityContext sc, @PathParam("id") long id,
            @QueryParam("reason") String reason) {
        return exams.resultsOf(caller(sc), id, reason);
    }

    /** Coverage per quarter ({@code 2026Q3}); {@code format=xlsx} or {@code pdf} through the platform's documents. */
    @GET
    @Path("coverage")
    @Produces({MediaType.APPLICATION_JSON, ReportDocuments.XLSX_TYPE, ReportDocuments.PDF_TYPE})
    public Response coverage(@Context SecurityContext sc, @QueryParam("quarter") String quarter,
            @QueryParam("format") String format, @HeaderParam("Accept-Language") String language) {
        CoverageService.Coverage c = coverage.coverage(caller(sc), quarter);
        String f = format == null ? "json" : format.toLowerCase(java.util.Locale.ROOT);
        boolean en = language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("en");
        String file = "school-coverage-" + c.quarter() + "." + f;
        return switch (f) {
            case "json" -> Response.ok(c, MediaType.APPLICATION_JSON_TYPE).build();
            case "xlsx" -> download(documents().xlsx(List.of(CoverageService.table(c, en))), ReportDocuments.XLSX_TYPE, file);
            case "pdf" -> download(documents().pdf(List.of(CoverageService.table(c, en))), ReportDocuments.PDF_TYPE, file);
            default -> throw RenkouException.invalid("format", "导出格式应为 json、xlsx 或 pdf。",
                    "The format is json, xlsx or pdf.");
        };
    }

    private static Response download(byte[] body, String type, String file) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private ReportDocuments documents() {
        ReportDocuments d = documents;
        if (d == null) {
            throw RenkouException.unavailable("报表导出服务暂不可用。", "Report export is not available.");
        }
        return d;
    }

    /** The completion certificate of a graduate, a PDF with the platform's CJK font and the verification code. */
    @GET
    @Path("enrolments/{id}/certificate")
    @Produces({ReportDocuments.PDF_TYPE, MediaType.APPLICATION_JSON})
    public Response certificate(@Context SecurityContext sc, @PathParam("id") long id,
            @HeaderParam("Accept-Language") String language) {
        boolean en = language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("en");
        return download(documents().pdf(List.of(certificates.certificate(caller(sc), id, en))), ReportDocuments.PDF_TYPE,
                "certificate-" + id + ".pdf");
    }

    /** Checks a certificate's verification code (staff of any office). */
    @GET
    @Path("certificates/{code}")
    public Certificates.Verification verify(@Context SecurityContext sc, @PathParam("code") String code) {
        return certificates.verify(caller(sc), code);
    }

    /** Archives a lesson-plan file of a session (教案存档): the body is the file, {@code fileName} its name. */
    @POST
    @Path("sessions/{id}/files")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Response upload(@Context SecurityContext sc, @PathParam("id") long id, @QueryParam("fileName") String fileName,
            byte[] content) {
        LessonFiles.LessonFile f = files.upload(caller(sc), id, fileName, content);
        return created("files/" + f.id(), f);
    }

    @GET
    @Path("sessions/{id}/files")
    public List<LessonFiles.LessonFile> files(@Context SecurityContext sc, @PathParam("id") long id) {
        return files.list(caller(sc), id);
    }

    @GET
    @Path("files/{id}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public Response file(@Context SecurityContext sc, @PathParam("id") long id) {
        LessonFiles.Download d = files.download(caller(sc), id);
        String encoded = java.net.URLEncoder.encode(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(d.content(), d.contentType()).header("Content-Disposition",
                "attachment; filename=\"file\"; filename*=UTF-8''" + encoded).build();
    }

    /** The year-end summary (年末总结): figures and the text (the draft until someone saves it). */
    @GET
    @Path("schools/{id}/summary/{year}")
    public SummaryService.Summary summary(@Context SecurityContext sc, @PathParam("id") long id,
            @PathParam("year") int year) {
        return summaries.summary(caller(sc), id, year);
    }

    @PUT
    @Path("schools/{id}/summary/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SummaryService.Summary saveSummary(@Context SecurityContext sc, @PathParam("id") long id,
            @PathParam("year") int year, SummaryService.Edit in) {
        return summaries.save(caller(sc), id, year, in);
    }

    @POST
    @Path("schools/{id}/summary/{year}/sign")
    public SummaryService.Summary signSummary(@Context SecurityContext sc, @PathParam("id") long id,
            @PathParam("year") int year) {
        return summaries.sign(caller(sc), id, year);
    }
}
