package org.renkou.association.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the association API reads and writes (JSON), and the kinds it knows; entities never leave the bundle. */
public final class AssociationDTO {

    private AssociationDTO() {
    }

    /** A council seat (理事会职务). */
    public enum Position { PRESIDENT, VICE_PRESIDENT, SECRETARY_GENERAL, DIRECTOR }

    /** A member's status: applied, rejected, active, lapsed (未缴费/未参加活动), left. */
    public enum MemberStatus { APPLIED, REJECTED, ACTIVE, LAPSED, LEFT }

    /** What a visit to a contact household was for: information, help, referral to a service. */
    public enum VisitKind { INFORMATION, HELP, REFERRAL }

    /** 5·29 会员活动日, 宣传, 义诊, 培训, 项目 (幸福家庭, 向日葵亲子小屋 …). */
    public enum ActivityKind { MEMBER_DAY, PROMOTION, FREE_CLINIC, TRAINING, PROJECT }

    /** Why the family is a special family (计生特殊家庭): the only child died or is disabled. */
    public enum FamilyKind { CHILD_DECEASED, CHILD_DISABLED }

    /** An entry of a case's timeline: a visit, or support given (心理慰藉, 就医绿色通道, 家庭医生签约, 节日慰问). */
    public enum CaseEntryKind { VISIT, PSYCHOLOGICAL, GREEN_CHANNEL, FAMILY_DOCTOR, HOLIDAY_VISIT, OTHER }

    /** 政策公告, 服务承诺, 活动, 表彰, 财务公开. */
    public enum NoticeKind { POLICY, COMMITMENT, ACTIVITY, COMMENDATION, FINANCE }

    /** 先进单位, 先进工作者, 优秀志愿者. */
    public enum CommendationKind { UNIT, WORKER, VOLUNTEER }

    /** {@code secretaryName}: the secretary's name (姓名) as a staff member, on reading only. */
    public record Assoc(Long id, String name, String jurisdictionCode, String jurisdictionName, String secretary,
            LocalDate foundedOn, Long version, String secretaryName) {
        public Assoc(Long id, String name, String jurisdictionCode, String jurisdictionName, String secretary,
                LocalDate foundedOn, Long version) {
            this(id, name, jurisdictionCode, jurisdictionName, secretary, foundedOn, version, null);
        }
    }

    public record Seat(String position, String personName, Long memberId) {
    }

    /** A council term (届); a new one (换届) ends the current one on its start date. */
    public record Term(Long id, Integer number, LocalDate startedOn, LocalDate endedOn, String note,
            List<Seat> seats) {
    }

    /** A member; {@code phone} is masked (138****5678) in lists. */
    public record Member(Long id, Long associationId, String name, String phone, Long residentId, String skills,
            String status, LocalDate appliedOn, LocalDate decidedOn, String decidedBy, String decisionNote,
            Long groupId, Long version) {
    }

    /** The council's decision on an application, or a later status change (ACTIVE, LAPSED, LEFT). */
    public record Decision(Boolean approve, String status, String note, Long version) {
    }

    public record Group(Long id, Long associationId, String name, String residentGroupCode,
            String residentGroupName, Long leaderMemberId, Long version) {
    }

    public record Contact(Long id, Long memberId, Long householdId, LocalDate assignedOn, LocalDate endedOn,
            LocalDate lastVisit, Long visits) {
    }

    /** {@code recordedBy} the account, {@code recordedByName} the staff member's name (on reading only). */
    public record Visit(Long id, Long contactId, LocalDate visitedOn, String kind, String outcome,
            String recordedBy, String recordedByName) {
        public Visit(Long id, Long contactId, LocalDate visitedOn, String kind, String outcome, String recordedBy) {
            this(id, contactId, visitedOn, kind, outcome, recordedBy, null);
        }
    }

    /** A participant: a member of the association, a resident (by id), or a name only. */
    public record Participant(Long memberId, Long residentId, String name) {
    }

    public record Activity(Long id, Long associationId, String kind, String title, LocalDate heldOn, String place,
            String organisers, Boolean large, Integer leaflets, Integer personTimes, Integer items,
            List<Participant> participants, Long version) {
    }

    /** The yearly rules: at least two large activities, every active member trained at least twice. */
    public record Progress(Long associationId, int year, int largeActivities, int largeRequired, int trainings,
            int activeMembers, int membersTrainedTwice, boolean largeMet, boolean trainingMet,
            List<GroupMeetings> groupMeetings, int commendationMeetings) {
    }

    /**
     * A member group's monthly meetings in a year: {@code held} months with a meeting, {@code due} the months
     * completed so far (12 for a past year), {@code met} when every completed month had one.
     */
    public record GroupMeetings(Long groupId, String name, int held, int due, boolean met) {
    }

    /** 会员小组月例会, 年度表彰大会. */
    public enum MeetingKind { GROUP_MONTHLY, YEARLY_COMMENDATION }

    /** 出席, 缺席, 请假. */
    public enum AttendanceStatus { PRESENT, ABSENT, EXCUSED }

    /** A member's attendance; {@code name} on reading only. */
    public record Attendee(Long memberId, String name, String status) {
    }

    /** A meeting; {@code attendance}, {@code minutes} and {@code files} only on a single read. */
    public record Meeting(Long id, Long associationId, String kind, Long groupId, LocalDate heldOn, String place,
            String topic, String minutes, List<Attendee> attendance, Integer present, Integer absent,
            Integer excused, List<MeetingFile> files, Long version) {
    }

    /** An attachment as listed (no content). */
    public record MeetingFile(Long id, Long meetingId, String fileName, String contentType, Integer size,
            String sha256, String uploadedBy, LocalDate uploadedOn, String uploadedByName) {
    }

    /** An attachment to download. */
    public record Download(String fileName, String contentType, byte[] content) {
    }

    /** The yearly statistics (协会统计年报) of the associations at or below a jurisdiction, one row per level. */
    public record YearRow(String level, String levelName, long associations, long members, long groups,
            long contactHouseholds, long activities, long personTimes, long specialFamilies) {
    }

    public record YearStats(String jurisdictionCode, String jurisdictionName, int year, List<YearRow> rows,
            YearRow total) {
    }

    /**
     * A special-family case; {@code entries} only on a single read. {@code contactA}/{@code contactB} are the two
     * contacts' accounts, {@code contactAName}/{@code contactBName} their names as staff (on reading only).
     */
    public record Case(Long id, Long associationId, Long householdId, String familyKind, String contactA,
            String contactB, Long benefitApplicationId, LocalDate openedOn, LocalDate closedOn, String note,
            LocalDate lastContact, Boolean contactDue, List<CaseEntry> entries, Long version, String contactAName,
            String contactBName) {
        public Case(Long id, Long associationId, Long householdId, String familyKind, String contactA,
                String contactB, Long benefitApplicationId, LocalDate openedOn, LocalDate closedOn, String note,
                LocalDate lastContact, Boolean contactDue, List<CaseEntry> entries, Long version) {
            this(id, associationId, householdId, familyKind, contactA, contactB, benefitApplicationId, openedOn,
                    closedOn, note, lastContact, contactDue, entries, version, null, null);
        }
    }

    public record CaseEntry(Long id, LocalDate entryOn, String kind, String note, BigDecimal amount,
            String recordedBy, String recordedByName) {
        public CaseEntry(Long id, LocalDate entryOn, String kind, String note, BigDecimal amount, String recordedBy) {
            this(id, entryOn, kind, note, amount, recordedBy, null);
        }
    }

    public record Notice(Long id, Long associationId, String kind, String title, String body,
            LocalDate publishFrom, LocalDate publishUntil, LocalDate withdrawnOn, Long version) {
    }

    /** A single-choice question with its options. */
    public record Question(String text, List<String> options) {
    }

    public record Survey(Long id, Long associationId, String title, List<Question> questions, String publicToken,
            LocalDate openedOn, LocalDate closedOn, String report, Long responses, Long version) {
    }

    /** One anonymous response: the chosen option's index per question, in order. */
    public record Response(List<Integer> answers) {
    }

    public record Tally(String question, List<String> options, List<Long> counts) {
    }

    public record SurveyTally(Long surveyId, String title, long responses, List<Tally> questions, String report) {
    }

    public record Commendation(Long id, Long associationId, Integer year, String kind, String nominee,
            Long memberId, String reason, String status, String nominatedBy, String reviewedBy, String decidedBy,
            String decisionNote, Long version) {
    }

    /** The public notice board (公开栏) of an association: no personal data beyond publicly honoured names. */
    public record Board(Long associationId, String name, String jurisdictionName, String asOf, List<BoardItem> items,
            List<BoardCommendation> commendations) {
    }

    /** A published item, dates as ISO text. */
    public record BoardItem(String kind, String title, String body, String publishFrom, String publishUntil) {
    }

    public record BoardCommendation(int year, String kind, String nominee, String reason) {
    }
}
