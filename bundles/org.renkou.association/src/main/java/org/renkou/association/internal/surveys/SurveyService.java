package org.renkou.association.internal.surveys;

import static org.renkou.association.internal.AssociationDatabase.association;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.association.internal.Association;
import org.renkou.association.internal.AssociationDTO.Question;
import org.renkou.association.internal.AssociationDTO.Response;
import org.renkou.association.internal.AssociationDTO.Survey;
import org.renkou.association.internal.AssociationDTO.SurveyTally;
import org.renkou.association.internal.AssociationDTO.Tally;
import org.renkou.association.internal.AssociationDatabase;
import org.renkou.association.internal.entities.organisation.AssociationEntity;
import org.renkou.association.internal.entities.surveys.SurveyEntity;
import org.renkou.association.internal.entities.surveys.SurveyResponseEntity;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.audit.AuditAction;

/**
 * Demand surveys (群众需求调查): a questionnaire of single-choice questions, responses typed in by staff from paper or
 * given on a public link (a random token, no login), anonymous by design — a response is the chosen option per
 * question and nothing else, no name, no id, no address — tallied per question, with the written analysis.
 */
@Component(service = SurveyService.class, property = Association.CONDITION)
public class SurveyService {
    static final int MAX_QUESTIONS = 30;
    static final int MAX_OPTIONS = 10;
    /** Twice a year, at least this many responses each (the offices' procedure). */
    static final int RESPONSES_WANTED = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private final AssociationDatabase db;

    @Activate
    public SurveyService(@Reference AssociationDatabase db) {
        this.db = db;
    }

    public List<Survey> surveys(Caller caller, long associationId) {
        caller.require("查看需求调查", "view surveys", Association.READERS);
        return db.read(em -> {
            association(em, caller, associationId, "associationId");
            return em.createQuery("SELECT s FROM SurveyEntity s WHERE s.associationId = :a ORDER BY s.id DESC",
                    SurveyEntity.class).setParameter("a", associationId).getResultList().stream()
                    .map(s -> dto(em, s)).toList();
        });
    }

    public Survey create(Caller caller, long associationId, Survey in) {
        caller.require("建立需求调查", "set up surveys", Association.WRITERS);
        Input.body(in);
        String title = Input.required(in.title(), "title", "调查名称", "title", 100);
        List<Question> qs = in.questions() == null ? List.of() : in.questions();
        if (qs.isEmpty() || qs.size() > MAX_QUESTIONS) {
            throw RenkouException.invalid("questions", "问卷须有 1 至 " + MAX_QUESTIONS + " 道题。",
                    "A questionnaire has 1 to " + MAX_QUESTIONS + " questions.");
        }
        List<Question> clean = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            Question q = qs.get(i);
            String f = "questions[" + i + "]";
            if (q == null || q.options() == null || q.options().size() < 2 || q.options().size() > MAX_OPTIONS) {
                throw RenkouException.invalid(f + ".options", "每道题须有 2 至 " + MAX_OPTIONS + " 个选项。",
                        "Each question has 2 to " + MAX_OPTIONS + " options.");
            }
            List<String> options = new ArrayList<>();
            for (int j = 0; j < q.options().size(); j++) {
                options.add(Input.required(q.options().get(j), f + ".options[" + j + "]", "选项", "option", 100));
            }
            clean.add(new Question(Input.required(q.text(), f + ".text", "题目", "question", 200), options));
        }
        String questions = json(clean);
        if (questions.length() > 8000) {
            throw RenkouException.invalid("questions", "问卷过长。", "The questionnaire is too long.");
        }
        return db.tx(em -> {
            AssociationEntity a = association(em, caller, associationId, "associationId");
            SurveyEntity s = new SurveyEntity();
            s.associationId = a.id;
            s.title = title;
            s.questions = questions;
            s.publicToken = HexFormat.of().formatHex(token());
            s.openedOn = db.today();
            em.persist(s);
            em.flush();
            db.audit(em, caller, AuditAction.CREATE, "Survey", s.id, a.jurisdictionCode, null);
            return dto(em, s);
        });
    }

    private static byte[] token() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A response typed in by staff from a paper questionnaire. */
    public Survey addPaperResponse(Caller caller, long associationId, long id, Response in) {
        caller.require("录入问卷", "enter questionnaires", Association.WRITERS);
        return db.tx(em -> {
            SurveyEntity s = survey(em, association(em, caller, associationId, "associationId"), id);
            store(em, s, in, "PAPER");
            return dto(em, s);
        });
    }

    /** The public link's questionnaire, if the token names an open survey: title and questions only. */
    public Optional<Survey> publicSurvey(String token) {
        if (token == null || !token.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return db.read(em -> open(em, token).map(s -> new Survey(null, null, s.title, questions(s), null,
                null, null, null, 0L, null)));
    }

    /** A response on the public link; false when the token names no open survey. */
    public boolean publicResponse(String token, Response in) {
        if (token == null || !token.matches("[0-9a-f]{32}")) {
            return false;
        }
        return db.tx(em -> {
            Optional<SurveyEntity> s = open(em, token);
            s.ifPresent(x -> store(em, x, in, "LINK"));
            return s.isPresent();
        });
    }

    /** Closes the survey (the link stops answering) and keeps the written analysis. */
    public Survey close(Caller caller, long associationId, long id, Survey in) {
        caller.require("结束需求调查", "close surveys", Association.WRITERS);
        String report = Input.optional(in == null ? null : in.report(), "report", "分析报告", "analysis", 8000);
        return db.tx(em -> {
            AssociationEntity a = association(em, caller, associationId, "associationId");
            SurveyEntity s = survey(em, a, id);
            if (s.closedOn == null) {
                s.closedOn = db.today();
            }
            if (report != null) {
                s.report = report;
            }
            em.flush();
            db.audit(em, caller, AuditAction.UPDATE, "Survey", s.id, a.jurisdictionCode, "{\"closed\":true}");
            return dto(em, s);
        });
    }

    /** Counts per option of every question: the office's view, never a single response. */
    public SurveyTally tally(Caller caller, long associationId, long id) {
        caller.require("查看需求调查", "view surveys", Association.READERS);
        return db.read(em -> {
            SurveyEntity s = survey(em, association(em, caller, associationId, "associationId"), id);
            List<Question> qs = questions(s);
            long[][] counts = new long[qs.size()][];
            for (int i = 0; i < qs.size(); i++) {
                counts[i] = new long[qs.get(i).options().size()];
            }
            List<String> rows = em.createQuery("SELECT r.answers FROM SurveyResponseEntity r WHERE r.surveyId = :s",
                    String.class).setParameter("s", s.id).getResultList();
            for (String row : rows) {
                String[] parts = row.split(",");
                for (int i = 0; i < parts.length && i < qs.size(); i++) {
                    int o = Integer.parseInt(parts[i]);
                    if (o >= 0 && o < counts[i].length) {
                        counts[i][o]++;
                    }
                }
            }
            List<Tally> out = new ArrayList<>();
            for (int i = 0; i < qs.size(); i++) {
                out.add(new Tally(qs.get(i).text(), qs.get(i).options(),
                        Arrays.stream(counts[i]).boxed().toList()));
            }
            return new SurveyTally(s.id, s.title, rows.size(), out, s.report);
        });
    }

    /** Checks and stores one anonymous response: one option index per question (-1 or null: not answered). */
    private void store(EntityManager em, SurveyEntity s, Response in, String channel) {
        if (s.closedOn != null) {
            throw RenkouException.invalid("answers", "该调查已结束。", "The survey is closed.");
        }
        List<Question> qs = questions(s);
        List<Integer> answers = in == null || in.answers() == null ? List.of() : in.answers();
        if (answers.size() != qs.size()) {
            throw RenkouException.invalid("answers", "须对每道题作答（共 " + qs.size() + " 题）。",
                    "Give one answer per question (" + qs.size() + " questions).");
        }
        StringBuilder row = new StringBuilder();
        boolean any = false;
        for (int i = 0; i < qs.size(); i++) {
            Integer o = answers.get(i);
            int v = o == null ? -1 : o;
            if (v < -1 || v >= qs.get(i).options().size()) {
                throw RenkouException.invalid("answers[" + i + "]", "第 " + (i + 1) + " 题的选项无效。",
                        "The answer to question " + (i + 1) + " is not one of its options.");
            }
            any |= v >= 0;
            row.append(i == 0 ? "" : ",").append(v);
        }
        if (!any) {
            throw RenkouException.invalid("answers", "问卷为空。", "The questionnaire is empty.");
        }
        SurveyResponseEntity r = new SurveyResponseEntity();
        r.surveyId = s.id;
        r.answers = row.toString();
        r.channel = channel;
        r.receivedOn = db.today();
        em.persist(r);
    }

    private static Optional<SurveyEntity> open(EntityManager em, String token) {
        return em.createQuery("SELECT s FROM SurveyEntity s WHERE s.publicToken = :t AND s.closedOn IS NULL",
                SurveyEntity.class).setParameter("t", token).getResultStream().findFirst();
    }

    private static SurveyEntity survey(EntityManager em, AssociationEntity a, long id) {
        SurveyEntity s = em.find(SurveyEntity.class, id);
        if (s == null || !s.associationId.equals(a.id)) {
            throw RenkouException.notFound("id", "需求调查 " + id + " 不存在或不属于该协会。",
                    "Survey " + id + " does not exist or does not belong to this association.");
        }
        return s;
    }

    private static Survey dto(EntityManager em, SurveyEntity s) {
        long n = em.createQuery("SELECT COUNT(r) FROM SurveyResponseEntity r WHERE r.surveyId = :s", Long.class)
                .setParameter("s", s.id).getSingleResult();
        return new Survey(s.id, s.associationId, s.title, questions(s), s.publicToken, s.openedOn, s.closedOn,
                s.report, n, s.version);
    }

    static List<Question> questions(SurveyEntity s) {
        try {
            return JSON.readValue(s.questions, new TypeReference<List<Question>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("survey " + s.id + " has unreadable questions", e);
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
