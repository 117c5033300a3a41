package org.tongxin.training.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
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

    public int answer(long attemptId, int position, int[] chosen, String typed, OffsetDateTime at) {
        return jdbc.sql("""
                        UPDATE training_attempt_item SET chosen = ?, typed = ?, answered_at = ?
                        WHERE attempt_id = ? AND position = ?""")
                .params(Questions.boxed(chosen), typed, at, attemptId, position).update();
    }

    public void score(long attemptId, int position, BigDecimal scored) {
        jdbc.sql("UPDATE training_attempt_item SET scored = ? WHERE attempt_id = ? AND position = ?")
                .params(scored, attemptId, position).update();
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

    /** In-progress attempts whose deadline (plus the grace given to answers in flight) has passed. */
    public List<Long> pastDeadline(OffsetDateTime before, int limit) {
        return jdbc.sql("""
                        SELECT id FROM training_attempt WHERE status = 'IN_PROGRESS' AND deadline_at < ?
                        ORDER BY deadline_at LIMIT ?""")
                .params(before, limit).query(Long.class).list();
    }
}
