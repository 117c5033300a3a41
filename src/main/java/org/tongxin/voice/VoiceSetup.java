package org.tongxin.voice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.shared.security.Viewer;
import org.tongxin.voice.internal.Discussions;
import org.tongxin.voice.internal.Evaluations;
import org.tongxin.voice.internal.Motions;
import org.tongxin.voice.internal.SuggestionFiles;
import org.tongxin.voice.internal.SuggestionScheme;
import org.tongxin.voice.internal.Surveys;
import org.tongxin.voice.internal.VoiceSnapshots;

/**
 * Start-up set-up of the voice module for the demo enterprise, through the same services the pages use (checked,
 * scoped, audited as the actor given, points credited by the scheme): suggestions taken step by step, chasing, rounds
 * of democratic evaluation with their ballots, surveys with their responses. Only {@link #backdate} and
 * {@link #backdateSurvey} write directly, to spread what one start-up did over the past weeks.
 */
@Service
public class VoiceSetup {

    /** A suggestion as an employee writes it. */
    public record Idea(String title, String problem, String proposal, String expected, boolean anonymous) {
    }

    /**
     * A survey question as an officer writes it: {@code kind} SINGLE, MULTIPLE, SCALE or TEXT; options for the
     * choices, {@code maxChoices} for a multiple choice (null: any), {@code scaleMax} 5 or 10 with its end labels.
     */
    public record SurveyQuestion(String kind, String prompt, boolean required, List<String> options, Integer maxChoices,
                                 Integer scaleMax, String lowLabel, String highLabel) {

        public static SurveyQuestion single(String prompt, String... options) {
            return new SurveyQuestion("SINGLE", prompt, true, List.of(options), null, null, "", "");
        }

        public static SurveyQuestion multiple(String prompt, Integer maxChoices, String... options) {
            return new SurveyQuestion("MULTIPLE", prompt, true, List.of(options), maxChoices, null, "", "");
        }

        public static SurveyQuestion scale(String prompt, int max, String low, String high) {
            return new SurveyQuestion("SCALE", prompt, true, List.of(), null, max, low, high);
        }

        public static SurveyQuestion text(String prompt, boolean required) {
            return new SurveyQuestion("TEXT", prompt, required, List.of(), null, null, "", "");
        }
    }

    private final SuggestionScheme suggestions;
    private final SuggestionFiles attachments;
    private final Evaluations evaluations;
    private final Motions motions;
    private final Discussions discussions;
    private final Surveys surveys;
    private final VoiceSnapshots snapshots;
    private final JdbcClient jdbc;

    VoiceSetup(SuggestionScheme suggestions, SuggestionFiles attachments, Evaluations evaluations, Motions motions,
               Discussions discussions, Surveys surveys, VoiceSnapshots snapshots, JdbcClient jdbc) {
        this.suggestions = suggestions;
        this.attachments = attachments;
        this.evaluations = evaluations;
        this.motions = motions;
        this.discussions = discussions;
        this.surveys = surveys;
        this.snapshots = snapshots;
        this.jdbc = jdbc;
    }

    /** A suggestion with pictures (or other files) sent with it, checked and stored as the form does. */
    @Transactional
    public long submit(Viewer employee, Idea idea, List<byte[]> files) {
        return attachments.submit(employee, new SuggestionScheme.Draft(idea.title(), idea.problem(), idea.proposal(),
                idea.expected(), idea.anonymous()), attachments.check(files));
    }

    @Transactional
    public void accept(Viewer officer, long id) {
        suggestions.accept(officer, id);
    }

    @Transactional
    public void returnIt(Viewer officer, long id, String reason) {
        suggestions.returnIt(officer, id, reason);
    }

    @Transactional
    public void assign(Viewer officer, long id, long ownerUnitId) {
        suggestions.assign(officer, id, ownerUnitId);
    }

    @Transactional
    public void adopt(Viewer officer, long id, String note) {
        suggestions.adopt(officer, id, note);
    }

    @Transactional
    public void decline(Viewer officer, long id, String reason) {
        suggestions.decline(officer, id, reason);
    }

    @Transactional
    public void implemented(Viewer officer, long id, String note) {
        suggestions.implemented(officer, id, note);
    }

    @Transactional
    public void enterValue(Viewer officer, long id, BigDecimal yuan, String note) {
        suggestions.enterValue(officer, id, yuan, note);
    }

    @Transactional
    public void confirmValue(Viewer committee, long id) {
        suggestions.confirmValue(committee, id);
    }

    @Transactional
    public void recognise(Viewer committee, long id, String note) {
        suggestions.recognise(committee, id, note);
    }

    /** Chases every step past its deadline, as the daily job does; returns how many were chased. */
    @Transactional
    public int chaseOverdue() {
        return suggestions.chaseOverdue();
    }

    /**
     * Moves what happened to a suggestion into the past: its steps spread evenly from {@code firstDaysAgo} (the
     * submission) to {@code lastDaysAgo} (the latest step), each step's deadline with it, so that the current step
     * is due (or overdue) as if it had been taken then. The suggestion is published again: the snapshots of its steps
     * carried their real days, and a late one must not win over the rebuilt figures.
     */
    @Transactional
    public void backdate(long id, int firstDaysAgo, int lastDaysAgo) {
        jdbc.sql("""
                        WITH s AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n
                                   FROM voice_suggestion_step WHERE suggestion_id = ?),
                             d AS (SELECT id, CASE WHEN n = 1 THEN ? ELSE round(? + (? - ?) * i / (n - 1.0))::int END AS days
                                   FROM s)
                        UPDATE voice_suggestion_step t SET at = t.at - make_interval(days => d.days),
                          due_on = t.due_on - d.days
                        FROM d WHERE d.id = t.id""")
                .params(id, firstDaysAgo, firstDaysAgo, lastDaysAgo, firstDaysAgo).update();
        jdbc.sql("""
                        UPDATE voice_suggestion SET created_at = created_at - make_interval(days => ?),
                          holder_since = holder_since - make_interval(days => ?), due_on = due_on - ?
                        WHERE id = ?""")
                .params(firstDaysAgo, lastDaysAgo, lastDaysAgo, id).update();
        snapshots.suggestionChanged(id);
    }

    /** Opens a round of democratic evaluation over the officers of a unit's subtree. */
    @Transactional
    public long evaluation(Viewer organiser, long unitId, String title, List<String> criteria, LocalDate opensOn,
                           LocalDate closesOn) {
        return evaluations.create(organiser, unitId, title, criteria, opensOn, closesOn);
    }

    /**
     * Moves a round {@code days} into the past: its opening and closing days and its creation (ballots and votes have
     * no time to move), and publishes it again.
     */
    @Transactional
    public void backdateEvaluation(long evaluationId, int days) {
        jdbc.sql("""
                        UPDATE voice_evaluation SET opens_on = opens_on - ?, closes_on = closes_on - ?,
                          created_at = created_at - make_interval(days => ?)
                        WHERE id = ?""")
                .params(days, days, days, evaluationId).update();
        snapshots.evaluationChanged(evaluationId);
    }

    /** A member's secret ballot on one officer. */
    @Transactional
    public void vote(Viewer member, long evaluationId, long evalueeId, List<Integer> scores, String comment) {
        evaluations.vote(member, evaluationId, evalueeId, scores, comment);
    }

    /** The officers a member may evaluate in a round. */
    public List<Long> evalueesFor(Viewer member, long evaluationId) {
        return evaluations.evalueesFor(member, evaluationId);
    }

    /** Counts pooled ballots in groups of five, as the job does. */
    @Transactional
    public int mix() {
        return evaluations.mix();
    }

    // ----- workers' congress motions (职代会提案) -----

    /** Opens a session of a unit's workers' congress with its filing window and the co-signers a motion needs. */
    @Transactional
    public long congress(Viewer officer, long unitId, String title, LocalDate opensOn, LocalDate closesOn,
                         int cosignersNeeded) {
        return motions.createCongress(officer, unitId, title, opensOn, closesOn, cosignersNeeded);
    }

    /** Adds representatives by employee number. */
    @Transactional
    public int representatives(Viewer officer, long congressId, List<String> employeeNumbers) {
        return motions.addRepresentatives(officer, congressId, String.join("\n", employeeNumbers));
    }

    /** A representative files a motion. */
    @Transactional
    public long motion(Viewer representative, long congressId, String title, String reason, String proposal,
                       String category) {
        return motions.file(representative, congressId, new Motions.Draft(title, reason, proposal, category));
    }

    @Transactional
    public void cosign(Viewer representative, long motionId) {
        motions.cosign(representative, motionId);
    }

    @Transactional
    public void acceptMotion(Viewer officer, long motionId, String note) {
        motions.accept(officer, motionId, note);
    }

    @Transactional
    public long convertMotion(Viewer officer, long motionId, String note) {
        return motions.convert(officer, motionId, note);
    }

    @Transactional
    public void declineMotion(Viewer officer, long motionId, String reason) {
        motions.decline(officer, motionId, reason);
    }

    @Transactional
    public void assignMotion(Viewer officer, long motionId, long unitId, LocalDate dueOn) {
        motions.assign(officer, motionId, unitId, dueOn);
    }

    @Transactional
    public void answerMotion(Viewer officer, long motionId, String text) {
        motions.answer(officer, motionId, text);
    }

    @Transactional
    public void rateMotion(Viewer proposer, long motionId, String rating, String note) {
        motions.rate(proposer, motionId, rating, note);
    }

    /**
     * Moves what happened to a motion into the past, like {@link #backdate} for suggestions: its steps spread evenly
     * from {@code firstDaysAgo} (the filing) to {@code lastDaysAgo}, the co-signatures an hour apart after the filing,
     * and each answer and rating at the time of its step. Due dates stay as they were set.
     */
    @Transactional
    public void backdateMotion(long id, int firstDaysAgo, int lastDaysAgo) {
        jdbc.sql("""
                        WITH s AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n
                                   FROM voice_motion_step WHERE motion_id = ?),
                             d AS (SELECT id, CASE WHEN n = 1 THEN ? ELSE round(? + (? - ?) * i / (n - 1.0))::int END AS days
                                   FROM s)
                        UPDATE voice_motion_step t SET at = t.at - make_interval(days => d.days)
                        FROM d WHERE d.id = t.id""")
                .params(id, firstDaysAgo, firstDaysAgo, lastDaysAgo, firstDaysAgo).update();
        jdbc.sql("""
                        UPDATE voice_motion SET created_at = created_at - make_interval(days => ?),
                          status_since = status_since - make_interval(days => ?) WHERE id = ?""")
                .params(firstDaysAgo, lastDaysAgo, id).update();
        jdbc.sql("""
                        UPDATE voice_motion_cosign c SET at = m.created_at + make_interval(hours => x.n::int)
                        FROM voice_motion m,
                             (SELECT employee_id, row_number() OVER (ORDER BY at, employee_id) AS n
                              FROM voice_motion_cosign WHERE motion_id = ?) x
                        WHERE m.id = c.motion_id AND c.motion_id = ? AND x.employee_id = c.employee_id""")
                .params(id, id).update();
        jdbc.sql("""
                        UPDATE voice_motion_answer a SET answered_at = (SELECT at FROM voice_motion_step s
                            WHERE s.motion_id = a.motion_id AND s.kind = 'ANSWERED' ORDER BY id OFFSET a.round - 1 LIMIT 1),
                          rated_at = CASE WHEN a.rated_at IS NULL THEN NULL ELSE (SELECT at FROM voice_motion_step s
                            WHERE s.motion_id = a.motion_id AND s.kind IN ('REOPENED', 'CLOSED')
                            ORDER BY id OFFSET a.round - 1 LIMIT 1) END
                        WHERE a.motion_id = ?""")
                .param(id).update();
    }

    // --- discussions (交流探讨) ---

    /** Opens a discussion topic for a unit the officer manages, without telling its employees. */
    @Transactional
    public long topic(Viewer officer, long unitId, String title, String intro, LocalDate closesOn) {
        return discussions.create(officer, unitId, title, intro, closesOn, false);
    }

    /**
     * Writes a post (or a reply to {@code parentId}) as the employee, held for review when it has a listed word, and
     * moves it {@code minutesAgo} into the past, so the rate limit lets the same person write again in the demo.
     */
    @Transactional
    public long post(Viewer author, long topicId, Long parentId, String text, int minutesAgo) {
        long id = discussions.post(author, topicId, parentId, text).id();
        jdbc.sql("UPDATE voice_post SET created_at = created_at - make_interval(mins => ?) WHERE id = ?")
                .params(minutesAgo, id).update();
        return id;
    }

    @Transactional
    public void like(Viewer employee, long postId) {
        discussions.like(employee, postId);
    }

    @Transactional
    public void hide(Viewer officer, long postId) {
        discussions.hide(officer, postId);
    }

    @Transactional
    public void lock(Viewer officer, long topicId) {
        discussions.lock(officer, topicId);
    }

    /** Moves a topic's opening {@code daysAgo} into the past. */
    @Transactional
    public void backdateTopic(long topicId, int daysAgo) {
        jdbc.sql("UPDATE voice_topic SET created_at = created_at - make_interval(days => ?) WHERE id = ?")
                .params(daysAgo, topicId).update();
    }

    /**
     * Writes a survey for a unit the officer manages, with its questions in order, and publishes it unless it is to
     * stay a draft; {@code audience} EMPLOYEES or MEMBERS.
     */
    @Transactional
    public long survey(Viewer officer, long unitId, String title, String intro, String audience, LocalDate opensOn,
                       LocalDate closesOn, boolean anonymous, List<SurveyQuestion> questions, boolean publish) {
        long id = surveys.create(officer, unitId, new Surveys.Settings(title, intro, audience, opensOn, closesOn,
                anonymous));
        for (SurveyQuestion q : questions) {
            surveys.addQuestion(officer, id, new Surveys.QuestionDraft(q.kind(), q.prompt(), q.required(), q.options(),
                    q.maxChoices(), q.scaleMax(), q.lowLabel(), q.highLabel()));
        }
        if (publish) {
            surveys.publish(officer, id);
        }
        return id;
    }

    /** Whether the person may answer the survey today and has not yet. */
    public boolean mayRespond(Viewer person, long surveyId) {
        Surveys.Survey s = surveys.find(surveyId);
        return s.open(surveys.today()) && surveys.inAudience(person, s) && !surveys.hasResponded(person, surveyId);
    }

    /**
     * Someone's response, the answers given in question order: for each an option's index or a score (several
     * indices for a multiple choice) or a text; an empty list for a question left out.
     */
    @Transactional
    public void respond(Viewer person, long surveyId, List<List<String>> answers) {
        List<Surveys.Question> questions = surveys.questions(surveyId);
        Map<Long, List<String>> given = new HashMap<>();
        for (int i = 0; i < questions.size() && i < answers.size(); i++) {
            given.put(questions.get(i).id(), answers.get(i));
        }
        surveys.respond(person, surveyId, given);
    }

    /** Closes a published survey early (counting what is left of its anonymous answers). */
    @Transactional
    public void closeSurvey(Viewer officer, long surveyId) {
        surveys.close(officer, surveyId);
    }

    /** Counts pooled anonymous survey answers five or more at a time, as the job does. */
    @Transactional
    public int mixSurveys() {
        return surveys.mix();
    }

    /** Moves a survey into the past by {@code days}: its dates, publication and responses. */
    @Transactional
    public void backdateSurvey(long surveyId, int days) {
        jdbc.sql("""
                        UPDATE voice_survey SET opens_on = opens_on - ?, closes_on = closes_on - ?,
                          created_at = created_at - make_interval(days => ?),
                          published_at = published_at - make_interval(days => ?),
                          closed_at = closed_at - make_interval(days => ?)
                        WHERE id = ?""")
                .params(days, days, days, days, days, surveyId).update();
        jdbc.sql("UPDATE voice_survey_response SET submitted_at = submitted_at - make_interval(days => ?) WHERE survey_id = ?")
                .params(days, surveyId).update();
    }
}
