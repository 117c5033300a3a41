package org.tongxin.voice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.shared.security.Viewer;
import org.tongxin.voice.internal.Discussions;
import org.tongxin.voice.internal.Evaluations;
import org.tongxin.voice.internal.SuggestionScheme;

/**
 * Start-up set-up of the voice module for the demo enterprise, through the same services the pages use (checked,
 * scoped, audited as the actor given, points credited by the scheme): suggestions taken step by step, chasing, rounds
 * of democratic evaluation with their ballots. Only {@link #backdate} writes directly, to spread what one start-up
 * did over the past weeks.
 */
@Service
public class VoiceSetup {

    /** A suggestion as an employee writes it. */
    public record Idea(String title, String problem, String proposal, String expected, boolean anonymous) {
    }

    private final SuggestionScheme suggestions;
    private final Evaluations evaluations;
    private final Discussions discussions;
    private final JdbcClient jdbc;

    VoiceSetup(SuggestionScheme suggestions, Evaluations evaluations, Discussions discussions, JdbcClient jdbc) {
        this.suggestions = suggestions;
        this.evaluations = evaluations;
        this.discussions = discussions;
        this.jdbc = jdbc;
    }

    @Transactional
    public long submit(Viewer employee, Idea idea) {
        return suggestions.submit(employee, new SuggestionScheme.Draft(idea.title(), idea.problem(), idea.proposal(),
                idea.expected(), idea.anonymous()));
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
     * is due (or overdue) as if it had been taken then.
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
    }

    /** Opens a round of democratic evaluation over the officers of a unit's subtree. */
    @Transactional
    public long evaluation(Viewer organiser, long unitId, String title, List<String> criteria, LocalDate opensOn,
                           LocalDate closesOn) {
        return evaluations.create(organiser, unitId, title, criteria, opensOn, closesOn);
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
}
