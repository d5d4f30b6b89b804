package org.renkou.association.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.renkou.association.internal.TestAssociation.COMMUNITY;
import static org.renkou.association.internal.TestAssociation.OTHER_COMMUNITY;
import static org.renkou.association.internal.TestAssociation.OTHER_SECRETARY;
import static org.renkou.association.internal.TestAssociation.SECRETARY;
import static org.renkou.association.internal.TestAssociation.STATISTICIAN;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.association.internal.AssociationDTO.Assoc;
import org.renkou.association.internal.AssociationDTO.Attendee;
import org.renkou.association.internal.AssociationDTO.Decision;
import org.renkou.association.internal.AssociationDTO.Download;
import org.renkou.association.internal.AssociationDTO.Group;
import org.renkou.association.internal.AssociationDTO.GroupMeetings;
import org.renkou.association.internal.AssociationDTO.Meeting;
import org.renkou.association.internal.AssociationDTO.MeetingFile;
import org.renkou.association.internal.AssociationDTO.Member;
import org.renkou.association.internal.AssociationDTO.Progress;
import org.renkou.association.internal.meetings.MeetingFiles;
import org.renkou.core.api.RenkouException;

/** Meetings (会议) on the real persistence unit: attendance, minutes, attachments, progress, reach and bad input. */
class MeetingServicesTest {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private TestAssociation t;
    private long a;
    private long other;
    private Group group;
    private Member m1;
    private Member m2;

    @BeforeEach
    void setUp() {
        t = new TestAssociation();
        a = t.org.create(SECRETARY, new Assoc(null, "示例社区计生协会", COMMUNITY, null, "secretary",
                LocalDate.of(2010, 5, 29), null)).id();
        other = t.org.create(OTHER_SECRETARY, new Assoc(null, "另一社区计生协会", OTHER_COMMUNITY, null, null,
                LocalDate.of(2010, 5, 29), null)).id();
        group = t.org.saveGroup(SECRETARY, a, null, new Group(null, null, "第一小组", COMMUNITY + "001", null, null,
                null));
        m1 = admitted(SECRETARY, a, "张会员");
        m2 = admitted(SECRETARY, a, "李会员");
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private Member admitted(org.renkou.core.api.Caller c, long association, String name) {
        Member m = t.org.apply(c, association, new Member(null, null, name, null, null, null, null, null, null,
                null, null, null, null));
        return t.org.decide(c, association, m.id(), new Decision(true, null, null, m.version()));
    }

    private static RenkouException fails(RenkouException.Kind kind, String field, Runnable r) {
        RenkouException e = assertThrows(RenkouException.class, r::run);
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        return e;
    }

    private static Meeting monthly(Long groupId, LocalDate on, List<Attendee> attendance) {
        return new Meeting(null, null, "GROUP_MONTHLY", groupId, on, "活动室", "本月政策学习", null, attendance, null,
                null, null, null, null);
    }

    private Meeting held(LocalDate on) {
        return t.meetings.create(SECRETARY, a, monthly(group.id(), on, List.of()));
    }

    private MeetingFile attach(String name, byte[] content) {
        Meeting m = held(LocalDate.of(2026, 3, 10));
        return t.meetings.attach(SECRETARY, a, m.id(), name, new ByteArrayInputStream(content));
    }

    @Test
    void meetingKeepsAttendanceMinutesAndVersion() {
        Meeting m = t.meetings.create(SECRETARY, a, new Meeting(null, null, "GROUP_MONTHLY", group.id(),
                LocalDate.of(2026, 7, 1), "村委会", "5·29 活动筹备", "一、传达文件；二、分工。",
                List.of(new Attendee(m1.id(), null, "PRESENT"), new Attendee(m2.id(), null, "EXCUSED")), null, null,
                null, null, null));
        assertEquals(1, m.present());
        assertEquals(0, m.absent());
        assertEquals(1, m.excused());
        assertEquals(List.of("张会员", "李会员").stream().sorted().toList(),
                m.attendance().stream().map(Attendee::name).sorted().toList());
        Meeting read = t.meetings.meeting(STATISTICIAN, a, m.id());
        assertEquals("一、传达文件；二、分工。", read.minutes());
        // the list carries counts, not the minutes
        Meeting listed = t.meetings.meetings(STATISTICIAN, a, 2026, group.id()).get(0);
        assertNull(listed.minutes());
        assertEquals(1, listed.excused());
        Meeting changed = t.meetings.update(SECRETARY, a, m.id(), new Meeting(null, null, null, null,
                LocalDate.of(2026, 7, 1), "村委会", "5·29 活动筹备", "补记：全体同意。",
                List.of(new Attendee(m1.id(), null, "PRESENT"), new Attendee(m2.id(), null, "ABSENT")), null, null,
                null, null, m.version()));
        assertEquals(1, changed.absent());
        assertEquals("GROUP_MONTHLY", changed.kind());
        fails(RenkouException.Kind.CONFLICT, "version", () -> t.meetings.update(SECRETARY, a, m.id(),
                new Meeting(null, null, null, null, LocalDate.of(2026, 7, 1), null, "旧版本", null, null, null,
                        null, null, null, m.version())));
        fails(RenkouException.Kind.FORBIDDEN, null, () -> t.meetings.create(STATISTICIAN, a,
                monthly(group.id(), LocalDate.of(2026, 7, 1), List.of())));
    }

    @Test
    void progressShowsMonthlyGroupMeetingsHeld() {
        Group second = t.org.saveGroup(SECRETARY, a, null, new Group(null, null, "第二小组", COMMUNITY + "002", null,
                null, null));
        for (int month = 1; month <= 6; month++) {
            held(LocalDate.of(2026, month, 8));
        }
        held(LocalDate.of(2026, 6, 20)); // a second meeting in June counts once
        held(LocalDate.of(2025, 12, 8)); // last year
        t.meetings.create(SECRETARY, a, monthly(second.id(), LocalDate.of(2026, 2, 3), List.of()));
        t.meetings.create(SECRETARY, a, new Meeting(null, null, "YEARLY_COMMENDATION", null,
                LocalDate.of(2026, 1, 20), "礼堂", "2025 年度表彰大会", null, List.of(), null, null, null, null, null));
        Progress p = t.activities.progress(STATISTICIAN, a, 2026);
        // today is 2026-07-15: six months completed
        assertEquals(List.of(new GroupMeetings(group.id(), "第一小组", 6, 6, true),
                new GroupMeetings(second.id(), "第二小组", 1, 6, false)), p.groupMeetings());
        assertEquals(1, p.commendationMeetings());
        assertEquals(new GroupMeetings(group.id(), "第一小组", 1, 12, false),
                t.activities.progress(STATISTICIAN, a, 2025).groupMeetings().get(0));
    }

    @Test
    void badInputNamesTheField() {
        LocalDate d = LocalDate.of(2026, 7, 1);
        fails(RenkouException.Kind.INVALID, "kind", () -> t.meetings.create(SECRETARY, a, new Meeting(null, null,
                "PARTY", group.id(), d, null, "题", null, null, null, null, null, null, null)));
        fails(RenkouException.Kind.INVALID, "groupId", () -> t.meetings.create(SECRETARY, a,
                monthly(null, d, List.of())));
        fails(RenkouException.Kind.INVALID, "groupId", () -> t.meetings.create(SECRETARY, a, new Meeting(null, null,
                "YEARLY_COMMENDATION", group.id(), d, null, "表彰", null, null, null, null, null, null, null)));
        fails(RenkouException.Kind.INVALID, "heldOn", () -> t.meetings.create(SECRETARY, a,
                monthly(group.id(), LocalDate.of(2026, 7, 16), List.of())));
        fails(RenkouException.Kind.INVALID, "heldOn", () -> t.meetings.create(SECRETARY, a,
                monthly(group.id(), LocalDate.of(1979, 12, 31), List.of())));
        fails(RenkouException.Kind.INVALID, "topic", () -> t.meetings.create(SECRETARY, a, new Meeting(null, null,
                "GROUP_MONTHLY", group.id(), d, null, " ", null, null, null, null, null, null, null)));
        fails(RenkouException.Kind.INVALID, "minutes", () -> t.meetings.create(SECRETARY, a, new Meeting(null, null,
                "GROUP_MONTHLY", group.id(), d, null, "题", "记".repeat(20_001), null, null, null, null, null,
                null)));
        fails(RenkouException.Kind.INVALID, "attendance[1].memberId", () -> t.meetings.create(SECRETARY, a,
                monthly(group.id(), d, List.of(new Attendee(m1.id(), null, "PRESENT"),
                        new Attendee(m1.id(), null, "ABSENT")))));
        fails(RenkouException.Kind.INVALID, "attendance[0].status", () -> t.meetings.create(SECRETARY, a,
                monthly(group.id(), d, List.of(new Attendee(m1.id(), null, "SICK")))));
        fails(RenkouException.Kind.INVALID, "attendance[0].memberId", () -> t.meetings.create(SECRETARY, a,
                monthly(group.id(), d, List.of(new Attendee(null, null, "PRESENT")))));
        fails(RenkouException.Kind.INVALID, "year", () -> t.meetings.meetings(SECRETARY, a, 1999, null));
        assertTrue(t.meetings.meetings(SECRETARY, a, 2026, null).isEmpty());
    }

    @Test
    void everyIdIsScopedLikeADirectRead() {
        Meeting mine = held(LocalDate.of(2026, 7, 1));
        MeetingFile f = t.meetings.attach(SECRETARY, a, mine.id(), "签到表.pdf", new ByteArrayInputStream(PDF));
        Group theirs = t.org.saveGroup(OTHER_SECRETARY, other, null, new Group(null, null, "别处小组",
                OTHER_COMMUNITY + "001", null, null, null));
        Member stranger = admitted(OTHER_SECRETARY, other, "外会员");
        Meeting elsewhere = t.meetings.create(OTHER_SECRETARY, other, monthly(theirs.id(), LocalDate.of(2026, 7, 1),
                List.of()));
        // another association's secretary: the association, its meetings and files are "not found"
        fails(RenkouException.Kind.NOT_FOUND, "associationId", () -> t.meetings.meeting(OTHER_SECRETARY, a,
                mine.id()));
        fails(RenkouException.Kind.NOT_FOUND, "associationId", () -> t.meetings.download(OTHER_SECRETARY, a,
                mine.id(), f.id()));
        fails(RenkouException.Kind.NOT_FOUND, "associationId", () -> t.meetings.meetings(OTHER_SECRETARY, a, 2026,
                null));
        // ids of another association through one's own association
        fails(RenkouException.Kind.NOT_FOUND, "id", () -> t.meetings.meeting(SECRETARY, a, elsewhere.id()));
        fails(RenkouException.Kind.NOT_FOUND, "groupId", () -> t.meetings.create(SECRETARY, a,
                monthly(theirs.id(), LocalDate.of(2026, 7, 1), List.of())));
        fails(RenkouException.Kind.NOT_FOUND, "groupId", () -> t.meetings.meetings(SECRETARY, a, 2026, theirs.id()));
        fails(RenkouException.Kind.NOT_FOUND, "attendance[1].memberId", () -> t.meetings.create(SECRETARY, a,
                monthly(group.id(), LocalDate.of(2026, 7, 1), List.of(new Attendee(m1.id(), null, "PRESENT"),
                        new Attendee(stranger.id(), null, "PRESENT")))));
        fails(RenkouException.Kind.NOT_FOUND, "attendance[0].memberId", () -> t.meetings.update(SECRETARY, a,
                mine.id(), new Meeting(null, null, null, null, LocalDate.of(2026, 7, 1), null, "题", null,
                        List.of(new Attendee(stranger.id(), null, "PRESENT")), null, null, null, null,
                        mine.version())));
        fails(RenkouException.Kind.NOT_FOUND, "meetingId", () -> t.meetings.attach(SECRETARY, a, elsewhere.id(),
                "x.pdf", new ByteArrayInputStream(PDF)));
        fails(RenkouException.Kind.NOT_FOUND, "fileId", () -> t.meetings.download(SECRETARY, a,
                held(LocalDate.of(2026, 7, 2)).id(), f.id()));
        fails(RenkouException.Kind.NOT_FOUND, "meetingId", () -> t.meetings.removeFile(OTHER_SECRETARY, other,
                mine.id(), f.id()));
        // the rejected writes left nothing behind
        assertEquals(0, t.meetings.meeting(SECRETARY, a, mine.id()).attendance().size());
    }

    @Test
    void attachmentsAreCheckedStoredWithChecksumAndDownloadable() throws Exception {
        MeetingFile f = attach("签到表.pdf", PDF);
        assertEquals("application/pdf", f.contentType());
        assertEquals("姓名:SECRETARY", f.uploadedByName());
        assertEquals("姓名:SECRETARY", t.meetings.meeting(STATISTICIAN, a, f.meetingId()).files().get(0).uploadedByName());
        assertEquals(PDF.length, f.size());
        assertEquals(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(PDF)),
                f.sha256());
        Download d = t.meetings.download(STATISTICIAN, a, f.meetingId(), f.id());
        assertArrayEquals(PDF, d.content());
        assertEquals("签到表.pdf", d.fileName());
        assertEquals(1, t.meetings.meeting(SECRETARY, a, f.meetingId()).files().size());
        assertEquals("text/plain; charset=UTF-8", attach("会议记录.txt", "一、学习文件\n".getBytes(StandardCharsets.UTF_8))
                .contentType());
        assertEquals(MeetingFiles.XLSX, attach("签到.xlsx", zip("xl/workbook.xml")).contentType());
        // the audit names type, size and checksum, never the file name
        assertTrue(t.audit.stream().noneMatch(s -> s.contains("签到")), t.audit.toString());
        t.meetings.removeFile(SECRETARY, a, f.meetingId(), f.id());
        fails(RenkouException.Kind.NOT_FOUND, "fileId", () -> t.meetings.download(SECRETARY, a, f.meetingId(),
                f.id()));
        fails(RenkouException.Kind.FORBIDDEN, null, () -> t.meetings.attach(STATISTICIAN, a, f.meetingId(), "x.pdf",
                new ByteArrayInputStream(PDF)));
    }

    @Test
    void badAttachmentsAreRefusedNamingTheField() throws IOException {
        fails(RenkouException.Kind.INVALID, "fileName", () -> attach("../../etc/x.pdf", PDF));
        fails(RenkouException.Kind.INVALID, "fileName", () -> attach("C:\\temp\\x.pdf", PDF));
        fails(RenkouException.Kind.INVALID, "fileName", () -> attach("sub/x.pdf", PDF));
        fails(RenkouException.Kind.INVALID, "fileName", () -> attach(".htaccess", PDF));
        fails(RenkouException.Kind.INVALID, "fileName", () -> attach(" ", PDF));
        fails(RenkouException.Kind.INVALID, "file", () -> attach("empty.pdf", new byte[0]));
        fails(RenkouException.Kind.INVALID, "file", () -> attach("big.pdf", new byte[MeetingFiles.MAX_SIZE + 1]));
        // a program, whatever its name says
        byte[] exe = "MZ\u0090\u0000\u0003 This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
        fails(RenkouException.Kind.INVALID, "file", () -> attach("setup.pdf", exe));
        fails(RenkouException.Kind.INVALID, "file", () -> attach("setup.txt", exe));
        fails(RenkouException.Kind.INVALID, "file", () -> attach("run.txt", "#!/bin/sh\nrm -rf /\n".getBytes(
                StandardCharsets.US_ASCII)));
        fails(RenkouException.Kind.INVALID, "file", () -> attach("photo.pdf", new byte[] {(byte) 0x89, 'P', 'N',
                'G', 13, 10, 26, 10}));
        fails(RenkouException.Kind.INVALID, "file", () -> attach("doc.exe", PDF));
        // active content inside an allowed type
        fails(RenkouException.Kind.INVALID, "file", () -> attach("script.pdf", ("%PDF-1.4\n1 0 obj << /OpenAction "
                + "<< /S /JavaScript /JS (app.alert(1)) >> >> endobj\n").getBytes(StandardCharsets.US_ASCII)));
        byte[] macro = zip("word/document.xml", "word/vbaProject.bin");
        fails(RenkouException.Kind.INVALID, "file", () -> attach("macro.docx", macro));
        assertEquals(0, t.audit.stream().filter(s -> s.startsWith("CREATE AssociationMeetingFile")).count());
    }

    /** A minimal Office Open XML package naming the given parts. */
    private static byte[] zip(String... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write("<Types/>".getBytes(StandardCharsets.US_ASCII));
            for (String p : parts) {
                z.putNextEntry(new ZipEntry(p));
                z.write("<x/>".getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }
}
