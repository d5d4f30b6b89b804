package org.renkou.association.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.renkou.association.internal.TestAssociation.COMMUNITY;
import static org.renkou.association.internal.TestAssociation.DIRECTOR;
import static org.renkou.association.internal.TestAssociation.OTHER_SECRETARY;
import static org.renkou.association.internal.TestAssociation.SECRETARY;
import static org.renkou.association.internal.TestAssociation.TODAY;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.association.internal.AssociationDTO.Assoc;
import org.renkou.association.internal.AssociationDTO.Board;
import org.renkou.association.internal.AssociationDTO.Case;
import org.renkou.association.internal.AssociationDTO.Commendation;
import org.renkou.association.internal.AssociationDTO.Decision;
import org.renkou.association.internal.AssociationDTO.Member;
import org.renkou.association.internal.AssociationDTO.Notice;
import org.renkou.association.internal.AssociationDTO.Question;
import org.renkou.association.internal.AssociationDTO.Response;
import org.renkou.association.internal.AssociationDTO.Survey;
import org.renkou.association.internal.AssociationDTO.SurveyTally;
import org.renkou.core.api.RenkouException;

/** The notice board, commendations and demand surveys: what the public sees, and that it is nothing personal. */
class PublicSideTest {
    private TestAssociation t;
    private long a;

    @BeforeEach
    void setUp() {
        t = new TestAssociation();
        a = t.org.create(SECRETARY, new Assoc(null, "示例社区计生协会", COMMUNITY, null, "secretary", null, null)).id();
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    @Test
    void boardShowsPublishedItemsAndApprovedCommendationsButNothingPersonal() {
        Member m = t.org.apply(SECRETARY, a, new Member(null, null, "周志愿", "13700001111", 3L, null, null, null, null,
                null, null, null, null));
        t.cases.open(SECRETARY, a, new Case(null, null, 8L, "CHILD_DECEASED", "contact-a", "contact-b", null, null,
                null, "保密备注", null, false, null, null));
        Notice n = t.notices.publish(SECRETARY, a, new Notice(null, null, "POLICY", "奖励扶助政策", "符合条件的家庭可申请。",
                TODAY, TODAY.plusDays(30), null, null));
        t.notices.publish(SECRETARY, a, new Notice(null, null, "FINANCE", "明年", "尚未公开", TODAY.plusDays(10), null,
                null, null));
        Board b = t.notices.board(a).orElseThrow();
        assertEquals(1, b.items().size());
        assertEquals("奖励扶助政策", b.items().get(0).title());
        assertSame(b, t.notices.board(a).orElseThrow(), "cached");

        Commendation c = t.notices.nominate(SECRETARY, a, new Commendation(null, null, null, "VOLUNTEER", "周志愿",
                m.id(), "常年走访联系户", null, null, null, null, null, null));
        c = t.notices.decide(SECRETARY, a, c.id(), new Decision(true, null, null, c.version()));
        assertEquals("REVIEWED", c.status());
        assertTrue(t.notices.board(a).orElseThrow().commendations().isEmpty(), "only approved ones show");
        c = t.notices.decide(DIRECTOR, a, c.id(), new Decision(true, null, null, c.version()));
        assertEquals("APPROVED", c.status());
        b = t.notices.board(a).orElseThrow();
        assertEquals("周志愿", b.commendations().get(0).nominee());
        String all = b.toString();
        assertFalse(all.contains("13700001111") || all.contains("保密") || all.contains("contact-a")
                || all.contains("secretary") || all.contains("CHILD_"), all);

        t.notices.withdraw(SECRETARY, a, n.id());
        assertTrue(t.notices.board(a).orElseThrow().items().isEmpty());
        assertTrue(t.notices.board(999).isEmpty());
        RenkouException e = assertThrows(RenkouException.class, () -> t.notices.publish(SECRETARY, a,
                new Notice(null, null, "POLICY", "标题", "内容", TODAY, TODAY.minusDays(1), null, null)));
        assertEquals("publishUntil", e.field());
        e = assertThrows(RenkouException.class, () -> t.notices.decide(SECRETARY, a, 12345L,
                new Decision(false, null, null, null)));
        assertEquals("note", e.field());
        e = assertThrows(RenkouException.class, () -> t.notices.notices(OTHER_SECRETARY, a));
        assertEquals(RenkouException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void surveyCollectsAnonymousResponsesOnPaperAndLinkAndTalliesThem() {
        Survey s = t.surveys.create(SECRETARY, a, new Survey(null, null, "2026 年上半年群众需求调查", List.of(
                new Question("您最需要哪项服务？", List.of("优生优育指导", "养老照护", "心理支持")),
                new Question("您是否了解奖励扶助政策？", List.of("了解", "不了解"))), null, null, null, null, 0L, null));
        assertTrue(s.publicToken().matches("[0-9a-f]{32}"));
        for (int i = 0; i < 30; i++) {
            t.surveys.addPaperResponse(SECRETARY, a, s.id(), new Response(List.of(i % 3, i % 2)));
        }
        for (int i = 0; i < 20; i++) {
            assertTrue(t.surveys.publicResponse(s.publicToken(), new Response(List.of(1, -1))));
        }
        assertFalse(t.surveys.publicResponse("0".repeat(32), new Response(List.of(1, 1))));
        assertEquals("您最需要哪项服务？", t.surveys.publicSurvey(s.publicToken()).orElseThrow().questions().get(0).text());
        SurveyTally tally = t.surveys.tally(DIRECTOR, a, s.id());
        assertEquals(50, tally.responses());
        assertEquals(List.of(10L, 30L, 10L), tally.questions().get(0).counts());
        assertEquals(List.of(15L, 15L), tally.questions().get(1).counts());

        RenkouException e = assertThrows(RenkouException.class, () -> t.surveys.publicResponse(s.publicToken(),
                new Response(List.of(5, 0))));
        assertEquals("answers[0]", e.field());
        e = assertThrows(RenkouException.class, () -> t.surveys.publicResponse(s.publicToken(),
                new Response(List.of(0))));
        assertEquals("answers", e.field());
        e = assertThrows(RenkouException.class, () -> t.surveys.create(SECRETARY, a, new Survey(null, null, "题",
                List.of(new Question("只有一个选项", List.of("是"))), null, null, null, null, 0L, null)));
        assertEquals("questions[0].options", e.field());

        t.surveys.close(SECRETARY, a, s.id(), new Survey(null, null, null, null, null, null, null,
                "养老照护需求最高，建议增设上门服务。", 0L, null));
        assertTrue(t.surveys.publicSurvey(s.publicToken()).isEmpty(), "a closed survey's link answers no more");
        assertEquals("养老照护需求最高，建议增设上门服务。", t.surveys.tally(SECRETARY, a, s.id()).report());
        // a response is the chosen options and nothing else; creating the survey is the only audit entry
        List<String> audit = new ArrayList<>(t.audit);
        assertEquals(1, audit.stream().filter(x -> x.startsWith("CREATE Survey")).count());
    }
}
