package org.tongxin.training.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Exams and what they are made of. */
@Repository
public class Exams {

    /** An exam's settings. */
    public record Exam(long id, String title, long ownerUnitId, int timeLimitMin, int passPercent,
                       Integer attemptsAllowed, int minGapMinutes, boolean shuffleQuestions, boolean shuffleOptions,
                       String review, Grading.MultipleScoring multipleScoring, OffsetDateTime opensAt,
                       OffsetDateTime closesAt, String status) {

        public boolean openAt(OffsetDateTime now) {
            return status.equals("PUBLISHED") && (opensAt == null || !now.isBefore(opensAt))
                    && (closesAt == null || now.isBefore(closesAt));
        }
    }

    /** A rule (count questions of a type, skill, difficulty) or one fixed question, each worth {@code points}. */
    public record Part(int position, String type, String skill, Integer difficulty, Long questionId, int count,
                       BigDecimal points) {
    }

    /** What an officer sets. */
    public record Draft(String title, long ownerUnitId, int timeLimitMin, int passPercent, Integer attemptsAllowed,
                        int minGapMinutes, boolean shuffleQuestions, boolean shuffleOptions, String review,
                        Grading.MultipleScoring multipleScoring, OffsetDateTime opensAt, OffsetDateTime closesAt) {
    }

    private static final String COLUMNS = "SELECT id, title, owner_unit_id, time_limit_min, pass_percent, attempts_allowed, "
            + "min_gap_minutes, shuffle_questions, shuffle_options, review, multiple_scoring, opens_at, closes_at, status "
            + "FROM training_exam";
    private static final RowMapper<Exam> MAPPER = (rs, i) -> new Exam(rs.getLong(1), rs.getString(2), rs.getLong(3),
            rs.getInt(4), rs.getInt(5), rs.getObject(6, Integer.class), rs.getInt(7), rs.getBoolean(8),
            rs.getBoolean(9), rs.getString(10), Grading.MultipleScoring.valueOf(rs.getString(11)),
            rs.getObject(12, OffsetDateTime.class), rs.getObject(13, OffsetDateTime.class), rs.getString(14));

    private final JdbcClient jdbc;

    Exams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Draft d, long createdBy) {
        return jdbc.sql("""
                        INSERT INTO training_exam (title, owner_unit_id, time_limit_min, pass_percent, attempts_allowed,
                          min_gap_minutes, shuffle_questions, shuffle_options, review, multiple_scoring, opens_at,
                          closes_at, status, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?) RETURNING id""")
                .params(d.title(), d.ownerUnitId(), d.timeLimitMin(), d.passPercent(), d.attemptsAllowed(),
                        d.minGapMinutes(), d.shuffleQuestions(), d.shuffleOptions(), d.review(),
                        d.multipleScoring().name(), d.opensAt(), d.closesAt(), createdBy)
                .query(Long.class).single();
    }

    public void update(long id, Draft d) {
        jdbc.sql("""
                        UPDATE training_exam SET title = ?, time_limit_min = ?, pass_percent = ?, attempts_allowed = ?,
                          min_gap_minutes = ?, shuffle_questions = ?, shuffle_options = ?, review = ?,
                          multiple_scoring = ?, opens_at = ?, closes_at = ? WHERE id = ?""")
                .params(d.title(), d.timeLimitMin(), d.passPercent(), d.attemptsAllowed(), d.minGapMinutes(),
                        d.shuffleQuestions(), d.shuffleOptions(), d.review(), d.multipleScoring().name(), d.opensAt(),
                        d.closesAt(), id)
                .update();
    }

    public void setStatus(long id, String status) {
        jdbc.sql("UPDATE training_exam SET status = ? WHERE id = ?").params(status, id).update();
    }

    public Optional<Exam> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(MAPPER).optional();
    }

    public List<Exam> ofUnits(java.util.Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE owner_unit_id IN (:ids) ORDER BY id DESC").param("ids", unitIds)
                .query(MAPPER).list();
    }

    /** Published exams owned by any of the units that are not the exam of an assessment, newest first. */
    public List<Exam> standalone(java.util.Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + """
                         e WHERE owner_unit_id IN (:ids) AND status = 'PUBLISHED'
                          AND NOT EXISTS (SELECT 1 FROM training_assessment a WHERE a.exam_id = e.id)
                        ORDER BY id DESC""").param("ids", unitIds).query(MAPPER).list();
    }

    public List<Exam> all() {
        return jdbc.sql(COLUMNS + " ORDER BY id DESC").query(MAPPER).list();
    }

    public List<Part> parts(long examId) {
        return jdbc.sql("""
                        SELECT position, type, skill, difficulty, question_id, count, points FROM training_exam_part
                        WHERE exam_id = ? ORDER BY position""")
                .param(examId)
                .query((rs, i) -> new Part(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Integer.class), rs.getObject(5, Long.class), rs.getInt(6), rs.getBigDecimal(7)))
                .list();
    }

    /** Replaces the exam's parts (numbered in the order given). */
    public void setParts(long examId, List<Part> parts) {
        jdbc.sql("DELETE FROM training_exam_part WHERE exam_id = ?").param(examId).update();
        int position = 1;
        for (Part p : parts) {
            jdbc.sql("""
                            INSERT INTO training_exam_part (exam_id, position, type, skill, difficulty, question_id,
                              count, points) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(examId, position++, p.type(), p.skill(), p.difficulty(), p.questionId(), p.count(),
                            p.points())
                    .update();
        }
    }
}
