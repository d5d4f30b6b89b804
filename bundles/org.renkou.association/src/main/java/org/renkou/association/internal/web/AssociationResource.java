package org.renkou.association.internal.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.renkou.association.internal.Association;
import org.renkou.association.internal.AssociationDTO;
import org.renkou.association.internal.AssociationDTO.Activity;
import org.renkou.association.internal.AssociationDTO.Assoc;
import org.renkou.association.internal.AssociationDTO.Case;
import org.renkou.association.internal.AssociationDTO.CaseEntry;
import org.renkou.association.internal.AssociationDTO.Contact;
import org.renkou.association.internal.AssociationDTO.Decision;
import org.renkou.association.internal.AssociationDTO.Group;
import org.renkou.association.internal.AssociationDTO.Member;
import org.renkou.association.internal.AssociationDTO.Progress;
import org.renkou.association.internal.AssociationDTO.Term;
import org.renkou.association.internal.AssociationDTO.Visit;
import org.renkou.association.internal.AssociationDTO.YearStats;
import org.renkou.association.internal.activities.ActivityService;
import org.renkou.association.internal.families.ContactService;
import org.renkou.association.internal.families.SpecialCaseService;
import org.renkou.association.internal.meetings.MeetingService;
import org.renkou.association.internal.notices.NoticeService;
import org.renkou.association.internal.organisation.OrganisationService;
import org.renkou.association.internal.surveys.SurveyService;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.report.ReportDocuments;
import org.renkou.core.api.report.ReportTable;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;

/**
 * {@code /api/association}: the association's API. Present only while the module is on; switched off, every path
 * answers 404 and the data stays. Roles, reach and input are checked in the services; errors are the platform's
 * problem+json naming the field.
 */
@Component(service = AssociationResource.class, property = Association.CONDITION)
@RestResource
@Path("association")
@Produces(MediaType.APPLICATION_JSON)
public class AssociationResource {
    private static final String A = "associations/{a:[0-9]+}";
    private final OrganisationService org;
    private final ContactService contacts;
    private final ActivityService activities;
    private final SpecialCaseService cases;
    /** The platform's Excel writer; optional so that the JSON keeps working without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ReportDocuments documents;

    private final NoticeService notices;
    private final SurveyService surveys;
    private final MeetingService meetings;

    @Activate
    public AssociationResource(@Reference OrganisationService org, @Reference ContactService contacts,
            @Reference ActivityService activities, @Reference SpecialCaseService cases,
            @Reference NoticeService notices, @Reference SurveyService surveys, @Reference MeetingService meetings) {
        this.org = org;
        this.contacts = contacts;
        this.activities = activities;
        this.cases = cases;
        this.notices = notices;
        this.surveys = surveys;
        this.meetings = meetings;
    }

    private static Response created(String path, Object entity) {
        return Response.created(URI.create("association/" + path)).entity(entity).build();
    }

    @GET
    @Path("associations")
    public List<Assoc> associations(@Context SecurityContext sc) {
        return org.associations(RestCaller.of(sc));
    }

    @POST
    @Path("associations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext sc, Assoc in) {
        Assoc a = org.create(RestCaller.of(sc), in);
        return created("associations/" + a.id(), a);
    }

    @GET
    @Path(A)
    public Assoc association(@Context SecurityContext sc, @PathParam("a") long a) {
        return org.association(RestCaller.of(sc), a);
    }

    @PUT
    @Path(A)
    @Consumes(MediaType.APPLICATION_JSON)
    public Assoc update(@Context SecurityContext sc, @PathParam("a") long a, Assoc in) {
        return org.update(RestCaller.of(sc), a, in);
    }

    @GET
    @Path(A + "/terms")
    public List<Term> terms(@Context SecurityContext sc, @PathParam("a") long a) {
        return org.terms(RestCaller.of(sc), a);
    }

    @POST
    @Path(A + "/terms")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response newTerm(@Context SecurityContext sc, @PathParam("a") long a, Term in) {
        Term t = org.newTerm(RestCaller.of(sc), a, in);
        return created("associations/" + a + "/terms/" + t.id(), t);
    }

    @GET
    @Path(A + "/members")
    public List<Member> members(@Context SecurityContext sc, @PathParam("a") long a,
            @QueryParam("status") String status) {
        return org.members(RestCaller.of(sc), a, status);
    }

    @POST
    @Path(A + "/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response apply(@Context SecurityContext sc, @PathParam("a") long a, Member in) {
        Member m = org.apply(RestCaller.of(sc), a, in);
        return created("associations/" + a + "/members/" + m.id(), m);
    }

    @GET
    @Path(A + "/members/{id:[0-9]+}")
    public Member member(@Context SecurityContext sc, @PathParam("a") long a, @PathParam("id") long id) {
        return org.member(RestCaller.of(sc), a, id);
    }

    @POST
    @Path(A + "/members/{id:[0-9]+}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Member decide(@Context SecurityContext sc, @PathParam("a") long a, @PathParam("id") long id,
            Decision in) {
        return org.decide(RestCaller.of(sc), a, id, in);
    }

    @GET
    @Path(A + "/groups")
    public List<Group> groups(@Context SecurityContext sc, @PathParam("a") long a) {
        return org.groups(RestCaller.of(sc), a);
    }

    @POST
    @Path(A + "/groups")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createGroup(@Context SecurityContext sc, @PathParam("a") long a, Group in) {
        Group g = org.saveGroup(RestCaller.of(sc), a, null, in);
        return created("associations/" + a + "/groups/" + g.id(), g);
    }

    @PUT
    @Path(A + "/groups/{id:[0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Group updateGroup(@Context SecurityContext sc, @PathParam("a") long a, @PathParam("id") long id,
            Group in) {
        return org.saveGroup(RestCaller.of(sc), a, id, in);
    }

    @GET
    @Path(A + "/contacts")
    public List<Contact> contacts(@Context SecurityContext sc, @PathParam("a") long a,
            @QueryParam("memberId") Long memberId) {
        return contacts.contacts(RestCaller.of(sc), a, memberId);
    }

    @POST
    @Path(A + "/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assign(@Context SecurityContext sc, @PathParam("a") long a, Contact in) {
        Contact c = contacts.assign(RestCaller.of(sc), a, in);
        return created("associations/" + a + "/contacts/" + c.id(), c);
    }

    @POST
    @Path(A + "/contacts/{id:[0-9]+}/end")
    public Contact endContact(@Context SecurityContext sc, @PathParam("a") long a, @PathParam("id") long id) {
        return contacts.end(RestCaller.of(sc), a, id);
    }

    @GET
    @Path(A + "/contacts/{id:[0-9]+}/visits")
    public List<Visit> visits(@Context SecurityContext sc, @PathParam("a") long a, @PathParam("id") long id) {
        return contacts.visits(RestCaller.of(sc), a, id);
    }

    @POST
    @Path(A + "/contacts/{id:[0-9]+}/visits")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response logVisit(@Context SecurityContext sc, @PathParam("a") long a, @PathParam("id") long id,
            Visit in) {
        return Response.status(Response.Status.CREATED).entity(contacts.logVisit(RestCaller.of(sc), a, id, in))
                .build();
    }

    @GET
    @Path(A + "/activities")
    public List<Activity> activities(@Context SecurityContext sc, @PathParam("a") long a,
            @QueryParam("year") Integer year) {
        return activities.activities(RestCaller.of(sc), a, year);
    }

    @POST
    @Path(A + "/activities")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createActivity(@Context SecurityContext sc, @PathParam("a") long a, Activity in) {
        Activity x = activities.create(RestCaller.of(sc), a, in);
        return created("associations/" + a + "/activities/" + x.id(), x);
    }

    @GET
    @Path(A + "/activities/{id:[0-9]+}")
    public Activity activity(@Context SecurityContext sc, @PathParam("a") long a, @PathParam("id") long id) {
        return activities.activity(RestCaller.of(sc), a, id);
    }

    @GET
    @Path(A + "/progress")
    public Progress progress(@Context SecurityContext sc, @PathParam("a") long a, @QueryParam("year") Integer year) {
        return activities.progress(RestCaller.of(sc), a, year);
    }

    @GET
    @Path("statistics")
    public YearStats statistics(@Context SecurityContext sc, @QueryParam("jurisdictionCode") String code,
            @QueryParam("year") Integer year) {
        return activities.yearly(RestCaller.of(sc), code, year);
    }

    /** The yearly statistics as an Excel workbook, in the caller's language. */
    @GET
    @Path("statistics.xlsx")
    @Produces(ReportDocuments.XLSX_TYPE)
    public Response statisticsXlsx(@Context SecurityContext sc, @Context HttpHeaders headers,
            @QueryParam("jurisdictionCode") String code, @QueryParam("year") Integer year) {
        YearStats s = activities.yearly(RestCaller.of(sc), code, year);
        return download(documents().xlsx(List.of(statisticsTable(s, english(headers)))), ReportDocuments.XLSX_TYPE,
                "association-" + s.jurisdictionCode() + "-" + s.year() + ".xlsx");
    }

    /** The yearly statistics as a PDF (A4, the platform's CJK font), in the caller's language. */
    @GET
    @Path("statistics.pdf")
    @Produces({ReportDocuments.PDF_TYPE, MediaType.APPLICATION_JSON})
    public Response statisticsPdf(@Context SecurityContext sc, @Context HttpHeaders headers,
            @QueryParam("jurisdictionCode") String code, @QueryParam("year") Integer year) {
        YearStats s = activities.yearly(RestCaller.of(sc), code, year);
        return download(documents().pdf(List.of(statisticsTable(s, english(headers)))), ReportDocuments.PDF_TYPE,
                "association-" + s.jurisdictionCode() + "-" + s.year() + ".pdf");
    }

    /** The statistics report (协会统计年报): one row per level, then the total. */
    static ReportTable statisticsTable(YearStats s, boolean en) {
        List<String> cols = en
                ? List.of("Level", "Associations", "Members", "Member groups", "Contact households", "Activities",
                        "Person-times", "Special families supported")
                : List.of("层级", "协会数", "会员数", "会员小组", "联系户", "活动次数", "服务人次", "帮扶特殊家庭");
        List<List<Object>> rows = new ArrayList<>();
        List<AssociationDTO.YearRow> all = new ArrayList<>(s.rows());
        all.add(s.total());
        for (AssociationDTO.YearRow r : all) {
            rows.add(List.of(en ? r.level() : r.levelName(), r.associations(), r.members(), r.groups(),
                    r.contactHouseholds(), r.activities(), r.personTimes(), r.specialFamilies()));
        }
        String title = (s.jurisdictionName() == null ? s.jurisdictionCode() : s.jurisdictionName()) + " "
                + s.year() + (en ? " association statistics" : " 计生协会统计年报");
        return new ReportTable(title, cols, rows, List.of());
    }

    private static boolean english(HttpHeaders headers) {
        return headers.getAcceptableLanguages().stream().findFirst().map(l -> l.getLanguage().equals("en"))
                .orElse(false);
    }

    private ReportDocuments documents() {
        ReportDocuments docs = documents;
        if (docs == null) {
            throw RenkouException.unavailable("报表导出组件未运行。", "The report writer is not running.");
        }
        return docs;
    }

    private static Response download(byte[] body, String type, String file) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    @GET
    @Path(A + "/cases")
    public List<Case> cases(@Context SecurityContext sc, @PathParam("a") long a) {
        return cases.cases(RestCaller.of(sc), a);
    }

    @POST
    @Path(A + "/cases")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response openCase(@Context SecurityContext sc, @PathParam("a") long a, Case in) {
        Case c = cases.open(RestCaller.of(sc), a, in);
        return created("associations/" + a + "/cases/" + c.id(), c);
    }

    @GET
    @Path(A + "/cases/{id:[0-9]+}")
    public Case readCase(@Context SecurityContext sc, @PathParam("a") long a, @PathParam("id") long id,
            @QueryParam("reason") String reason) {
        return cases.read(RestCaller.of(sc), a, id, reason);
    }

    @POST
    @Path(A + "/cases/{id:[0-9]+}/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addEntry(@Context SecurityContext sc, @PathParam("a") long a, @PathParam("id") long id,
            CaseEntry in) {
        return Response.status(Response.Status.CREATED).entity(cases.addEntry(RestCaller.of(sc), a, id, in))
                .build();
    }

    // --- notice board, commendations, surveys ---------------------------------------------------------------

    @GET
    @Path(A + "/notices")
    public List<AssociationDTO.Notice> notices(@Context SecurityContext sc, @PathParam("a") long a) {
        return notices.notices(RestCaller.of(sc), a);
    }

    @POST
    @Path(A + "/notices")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(@Context SecurityContext sc, @PathParam("a") long a, AssociationDTO.Notice in) {
        AssociationDTO.Notice n = notices.publish(RestCaller.of(sc), a, in);
        return created("associations/" + a + "/notices/" + n.id(), n);
    }

    @POST
    @Path(A + "/notices/{id:[0-9]+}/withdraw")
    public AssociationDTO.Notice withdraw(@Context SecurityContext sc, @PathParam("a") long a,
            @PathParam("id") long id) {
        return notices.withdraw(RestCaller.of(sc), a, id);
    }

    @GET
    @Path(A + "/commendations")
    public List<AssociationDTO.Commendation> commendations(@Context SecurityContext sc, @PathParam("a") long a) {
        return notices.commendations(RestCaller.of(sc), a);
    }

    @POST
    @Path(A + "/commendations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response nominate(@Context SecurityContext sc, @PathParam("a") long a, AssociationDTO.Commendation in) {
        AssociationDTO.Commendation c = notices.nominate(RestCaller.of(sc), a, in);
        return created("associations/" + a + "/commendations/" + c.id(), c);
    }

    @POST
    @Path(A + "/commendations/{id:[0-9]+}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public AssociationDTO.Commendation decideCommendation(@Context SecurityContext sc, @PathParam("a") long a,
            @PathParam("id") long id, Decision in) {
        return notices.decide(RestCaller.of(sc), a, id, in);
    }

    @GET
    @Path(A + "/surveys")
    public List<AssociationDTO.Survey> surveys(@Context SecurityContext sc, @PathParam("a") long a) {
        return surveys.surveys(RestCaller.of(sc), a);
    }

    @POST
    @Path(A + "/surveys")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createSurvey(@Context SecurityContext sc, @PathParam("a") long a, AssociationDTO.Survey in) {
        AssociationDTO.Survey s = surveys.create(RestCaller.of(sc), a, in);
        return created("associations/" + a + "/surveys/" + s.id(), s);
    }

    @POST
    @Path(A + "/surveys/{id:[0-9]+}/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response paperResponse(@Context SecurityContext sc, @PathParam("a") long a, @PathParam("id") long id,
            AssociationDTO.Response in) {
        return Response.status(Response.Status.CREATED)
                .entity(surveys.addPaperResponse(RestCaller.of(sc), a, id, in)).build();
    }

    @POST
    @Path(A + "/surveys/{id:[0-9]+}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public AssociationDTO.Survey closeSurvey(@Context SecurityContext sc, @PathParam("a") long a,
            @PathParam("id") long id, AssociationDTO.Survey in) {
        return surveys.close(RestCaller.of(sc), a, id, in);
    }

    @GET
    @Path(A + "/surveys/{id:[0-9]+}/tally")
    public AssociationDTO.SurveyTally tally(@Context SecurityContext sc, @PathParam("a") long a,
            @PathParam("id") long id) {
        return surveys.tally(RestCaller.of(sc), a, id);
    }

    /** The tally as an Excel workbook: one row per option with its count and share, then the written analysis. */
    @GET
    @Path(A + "/surveys/{id:[0-9]+}/tally.xlsx")
    @Produces(ReportDocuments.XLSX_TYPE)
    public Response tallyXlsx(@Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("a") long a,
            @PathParam("id") long id) {
        AssociationDTO.SurveyTally t = surveys.tally(RestCaller.of(sc), a, id);
        return download(documents().xlsx(List.of(tallyTable(t, english(headers)))), ReportDocuments.XLSX_TYPE,
                "survey-" + id + ".xlsx");
    }

    /** The tally and the analysis report as a PDF (A4, the platform's CJK font). */
    @GET
    @Path(A + "/surveys/{id:[0-9]+}/tally.pdf")
    @Produces({ReportDocuments.PDF_TYPE, MediaType.APPLICATION_JSON})
    public Response tallyPdf(@Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("a") long a,
            @PathParam("id") long id) {
        AssociationDTO.SurveyTally t = surveys.tally(RestCaller.of(sc), a, id);
        return download(documents().pdf(List.of(tallyTable(t, english(headers)))), ReportDocuments.PDF_TYPE,
                "survey-" + id + ".pdf");
    }

    /** The survey's tally (调查汇总): per question its options with count and share; the analysis as notes. */
    static ReportTable tallyTable(AssociationDTO.SurveyTally t, boolean en) {
        List<List<Object>> rows = new ArrayList<>();
        for (int q = 0; q < t.questions().size(); q++) {
            AssociationDTO.Tally x = t.questions().get(q);
            long answered = x.counts().stream().mapToLong(Long::longValue).sum();
            for (int o = 0; o < x.options().size(); o++) {
                long n = x.counts().get(o);
                rows.add(Arrays.asList(o == 0 ? (q + 1) + ". " + x.question() : null, x.options().get(o), n,
                        answered == 0 ? "—" : Math.round(100.0 * n / answered) + "%"));
            }
        }
        List<String> notes = new ArrayList<>(List.of((en ? "Responses: " : "答卷份数：") + t.responses()));
        if (t.report() != null) {
            notes.add((en ? "Analysis: " : "分析报告：") + t.report());
        }
        return new ReportTable(t.title(), en ? List.of("Question", "Option", "Count", "Share")
                : List.of("题目", "选项", "人数", "占比"), rows, notes);
    }

    @GET
    @Path(A + "/meetings")
    public List<AssociationDTO.Meeting> meetings(@Context SecurityContext sc, @PathParam("a") long a,
            @QueryParam("year") Integer year, @QueryParam("groupId") Long groupId) {
        return meetings.meetings(RestCaller.of(sc), a, year, groupId);
    }

    @POST
    @Path(A + "/meetings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createMeeting(@Context SecurityContext sc, @PathParam("a") long a, AssociationDTO.Meeting in) {
        AssociationDTO.Meeting m = meetings.create(RestCaller.of(sc), a, in);
        return created("associations/" + a + "/meetings/" + m.id(), m);
    }

    @GET
    @Path(A + "/meetings/{id:[0-9]+}")
    public AssociationDTO.Meeting meeting(@Context SecurityContext sc, @PathParam("a") long a,
            @PathParam("id") long id) {
        return meetings.meeting(RestCaller.of(sc), a, id);
    }

    @PUT
    @Path(A + "/meetings/{id:[0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AssociationDTO.Meeting updateMeeting(@Context SecurityContext sc, @PathParam("a") long a,
            @PathParam("id") long id, AssociationDTO.Meeting in) {
        return meetings.update(RestCaller.of(sc), a, id, in);
    }

    /** Attaches a file to a meeting (会议附件): the body is the file, {@code fileName} its name. */
    @POST
    @Path(A + "/meetings/{id:[0-9]+}/files")
    @Consumes(MediaType.WILDCARD)
    public Response attach(@Context SecurityContext sc, @PathParam("a") long a, @PathParam("id") long id,
            @QueryParam("fileName") String fileName, java.io.InputStream body) {
        AssociationDTO.MeetingFile f = meetings.attach(RestCaller.of(sc), a, id, fileName, body);
        return created("associations/" + a + "/meetings/" + id + "/files/" + f.id(), f);
    }

    @GET
    @Path(A + "/meetings/{id:[0-9]+}/files/{f:[0-9]+}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public Response meetingFile(@Context SecurityContext sc, @PathParam("a") long a, @PathParam("id") long id,
            @PathParam("f") long f) {
        AssociationDTO.Download d = meetings.download(RestCaller.of(sc), a, id, f);
        String encoded = java.net.URLEncoder.encode(d.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        // always a download, never rendered in the application's origin
        return Response.ok(d.content(), d.contentType()).header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename=\"file\"; filename*=UTF-8''" + encoded).build();
    }

    @jakarta.ws.rs.DELETE
    @Path(A + "/meetings/{id:[0-9]+}/files/{f:[0-9]+}")
    public Response removeMeetingFile(@Context SecurityContext sc, @PathParam("a") long a, @PathParam("id") long id,
            @PathParam("f") long f) {
        meetings.removeFile(RestCaller.of(sc), a, id, f);
        return Response.noContent().build();
    }
}
