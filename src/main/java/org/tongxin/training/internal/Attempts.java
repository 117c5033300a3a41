package org.tongxin.training.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Attempts at exams and their items. */
@Repository
public class Attempts {

    /** An attempt. */
    public record Attempt(long id, long examId, long employeeId, Long assessmentId, int number, String status,
                          OffsetDateTime startedAt, OffsetDateTime deadlineAt, OffsetDateTime submittedAt,
                          String endedBy, BigDecimal score, BigDecimal maxScore, BigDecimal percent, Boolean passed) {

        public boolean inProgress() {
            return status.equals("IN_PROGRESS");
        }
    }

    /** A question of an attempt as it was drawn, with the answer given. */
    public record Item(long attemptId, int position, long questionId, String type, String stem, List<String> options,
                       int[] correct, List<String> accepted, String explanation, String skill, int[] optionOrder,
                       BigDecimal points, int[] chosen, String typed, OffsetDateTime answeredAt, BigDecimal scored) {
    }

    /** One person's attempts at an exam: how many, graded, the best percent, whether any passed, the latest. */
    public record PersonResult(long employeeId, int attempts, int graded, BigDecimal bestPercent, boolean passed,
                               OffsetDateTime lastStartedAt, boolean inProgress) {
    }

    /**
     * An exam's figures: people who attempted, attempts, graded attempts, people with a graded attempt, people who
     * passed, and the mean of each person's best percent.
     */
    public record Totals(int people, int attempts, int graded, int gradedPeople, int passedPeople,
                         BigDecimal meanBestPercent) {

        /** Share of the people with a graded attempt who passed, in percent (null when nobody was graded yet). */
        public BigDecimal passRate() {
            return gradedPeople == 0 ? null : Grading.percent(BigDecimal.valueOf(passedPeople),
                    BigDecimal.valueOf(gradedPeople));
        }
    }

    private static final String COLUMNS = "SELECT id, exam_id, employee_id, assessment_id, number, status, started_at, "
            + "deadline_at, submitted_at, ended_by, score, max_score, percent, passed FROM training_attempt";
    private static final RowMapper<Attempt> MAPPER = (rs, i) -> new Attempt(rs.getLong(1), rs.getLong(2),
            rs.getLong(3), rs.getObject(4, Long.class), rs.getInt(5), rs.getString(6),
            rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class),
            rs.getObject(9, OffsetDateTime.class), rs.getString(10), rs.getBigDecimal(11), rs.getBigDecimal(12),
            rs.getBigDecimal(13), rs.getObject(14, Boolean.class));
    private static final RowMapper<Item> ITEM = (rs, i) -> new Item(rs.getLong(1), rs.getInt(2), rs.getLong(3),
            rs.getString(4), rs.getString(5), Questions.texts(rs, 6), Questions.ints(rs, 7), Questions.texts(rs, 8),
            rs.getString(9), rs.getString(10), Questions.ints(rs, 11), rs.getBigDecimal(12), Questions.ints(rs, 13),
            rs.getString(14), rs.getObject(15, OffsetDateTime.class), rs.getBigDecimal(16));

    private final JdbcClient jdbc;

    Attempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long examId, long employeeId, Long assessmentId, int number, OffsetDateTime startedAt,
                       OffsetDateTime deadlineAt, BigDecimal maxScore) {
        return jdbc.sql("""
                        INSERT INTO training_attempt (exam_id, employee_id, assessment_id, number, status, started_at,
                          deadline_at, max_score)
                        VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?) RETURNING id""")
                .params(examId, employeeId, assessmentId, number, startedAt, deadlineAt, maxScore)
                .query(Long.class).single();
    }

    public void insertItem(long attemptId, int position, Questions.Question q, int[] optionOrder, BigDecimal points) {
        jdbc.sql("""
                        INSERT INTO training_attempt_item (attempt_id, position, question_id, type, stem, options, correct,
                          accepted, explanation, skill, option_order, points)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(attemptId, position, q.id(), q.type(), q.stem(), q.options().toArray(String[]::new),
                        Questions.boxed(q.correct()), q.accepted().toArray(String[]::new), q.explanation(), q.skill(),
                        Questions.boxed(optionOrder), points)
                .update();
    }

    public Optional<Attempt> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(MAPPER).optional();
    }

    public Optional<Attempt> lock(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ? FOR UPDATE").param(id).query(MAPPER).optional();
    }

    /** The attempt, its row locked against grading (which locks it for update) but not against other answers. */
    public Optional<Attempt> lockKeyShare(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ? FOR KEY SHARE").param(id).query(MAPPER).optional();
    }

    public Optional<Attempt> inProgress(long examId, long employeeId) {
        return jdbc.sql(COLUMNS + " WHERE exam_id = ? AND employee_id = ? AND status = 'IN_PROGRESS'")
                .params(examId, employeeId).query(MAPPER).optional();
    }

    public List<Attempt> of(long examId, long employeeId) {
        return jdbc.sql(COLUMNS + " WHERE exam_id = ? AND employee_id = ? ORDER BY number").params(examId, employeeId)
                .query(MAPPER).list();
    }

    public List<Attempt> ofEmployee(long employeeId) {
        return jdbc.sql(COLUMNS + " WHERE employee_id = ? ORDER BY started_at DESC LIMIT 100").param(employeeId)
                .query(MAPPER).list();
    }

    public List<Item> items(long attemptId) {
        return jdbc.sql("""
                        SELECT attempt_id, position, question_id, type, stem, options, correct, accepted, explanation,
                          skill, option_order, points, chosen, typed, answered_at, scored
                        FROM training_attempt_item WHERE attempt_id = ? ORDER BY position""")
                .param(attemptId).query(ITEM).list();
    }

    public Optional<Item> item(long attemptId, int position) {
        return jdbc.sql("""
                        SELECT attempt_id, position, question_id, type, stem, options, correct, accepted, explanation,
                          skill, option_order, points, chosen, typed, answered_at, scored
                        FROM training_attempt_item WHERE attempt_id = ? AND position = ?""")
                .params(attemptId, position).query(ITEM).optional();
    }

    public int answer(long attemptId, int position, int[] chosen, String typed, OffsetDateTime at) {
        return jdbc.sql("""
                        UPDATE training_attempt_item SET chosen = ?, typed = ?, answered_at = ?
                        WHERE attempt_id = ? AND position = ?""")
                .params(Questions.boxed(chosen), typed, at, attemptId, position).update();
    }

    /** Writes the points of every item of the attempt in one statement ({@code scored[k]} for {@code positions[k]}). */
    public void score(long attemptId, Integer[] positions, BigDecimal[] scored) {
        jdbc.sql("""
                        UPDATE training_attempt_item i SET scored = s.scored
                        FROM unnest(?::int[], ?::numeric[]) AS s(position, scored)
                        WHERE i.attempt_id = ? AND i.position = s.position""")
                .params(positions, Arrays.stream(scored).map(BigDecimal::toPlainString).toArray(String[]::new),
                        attemptId)
                .update();
    }

    /**
     * Closes the attempt with its grade, only if it is still in progress: grading happens once even when the
     * submit and the deadline job meet.
     */
    public boolean close(long id, OffsetDateTime at, String endedBy, BigDecimal score, BigDecimal percent,
                         boolean passed) {
        return jdbc.sql("""
                        UPDATE training_attempt SET status = 'GRADED', submitted_at = ?, ended_by = ?, score = ?,
                          percent = ?, passed = ? WHERE id = ? AND status = 'IN_PROGRESS'""")
                .params(at, endedBy, score, percent, passed, id).update() == 1;
    }

    private static final String PER_PERSON = """
            SELECT employee_id, count(*)::int AS attempts, count(*) FILTER (WHERE status = 'GRADED')::int AS graded,
              max(percent) AS best, coalesce(bool_or(passed), false) AS passed, max(started_at) AS last_at,
              bool_or(status = 'IN_PROGRESS') AS open
            FROM training_attempt WHERE exam_id = ? GROUP BY employee_id""";

    /** Per person, best first, a page at a time. */
    public List<PersonResult> results(long examId, int offset, int limit) {
        return jdbc.sql(PER_PERSON + " ORDER BY best DESC NULLS LAST, employee_id OFFSET ? LIMIT ?")
                .params(examId, offset, limit)
                .query((rs, i) -> new PersonResult(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4),
                        rs.getBoolean(5), rs.getObject(6, OffsetDateTime.class), rs.getBoolean(7)))
                .list();
    }

    public Totals totals(long examId) {
        return jdbc.sql("SELECT count(*)::int, coalesce(sum(attempts), 0)::int, coalesce(sum(graded), 0)::int, "
                        + "count(*) FILTER (WHERE graded > 0)::int, count(*) FILTER (WHERE passed)::int, "
                        + "round(avg(best), 2) FROM (" + PER_PERSON + ") p")
                .param(examId)
                .query((rs, i) -> new Totals(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getBigDecimal(6)))
                .single();
    }

    /** In-progress attempts whose deadline (plus the grace given to answers in flight) has passed. */
    public List<Long> pastDeadline(OffsetDateTime before, int limit) {
        return jdbc.sql("""
                        SELECT id FROM training_attempt WHERE status = 'IN_PROGRESS' AND deadline_at < ?
                        ORDER BY deadline_at LIMIT ?""")
                .params(before, limit).query(Long.class).list();
    }
}
