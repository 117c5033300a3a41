package org.tongxin.training.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assessments and the people assessed. */
@Repository
public class Assessments {

    /** Where a person stands in an assessment's loop. */
    public enum Standing {
        ASSIGNED, RETRAINING, MAY_RETRY, PASSED;

        public boolean mayAttempt() {
            return this == ASSIGNED || this == MAY_RETRY;
        }
    }

    /** An assessment. */
    public record Assessment(long id, String title, long examId, long retrainingCourseId, long ownerUnitId,
                             int passPercent, LocalDate startsOn, LocalDate endsOn, Integer certificateMonths) {
    }

    /** What an officer sets. */
    public record Draft(String title, long examId, long retrainingCourseId, long ownerUnitId, int passPercent,
                        LocalDate startsOn, LocalDate endsOn, Integer certificateMonths) {
    }

    /** A person assessed. */
    public record Assessee(long assessmentId, long employeeId, Standing status, int rounds, Long enrolmentId,
                           BigDecimal bestPercent, OffsetDateTime passedAt, OffsetDateTime updatedAt) {
    }

    private static final String COLUMNS = "SELECT id, title, exam_id, retraining_course_id, owner_unit_id, pass_percent, "
            + "starts_on, ends_on, certificate_months FROM training_assessment";
    private static final RowMapper<Assessment> MAPPER = (rs, i) -> new Assessment(rs.getLong(1), rs.getString(2),
            rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getInt(6), rs.getObject(7, LocalDate.class),
            rs.getObject(8, LocalDate.class), rs.getObject(9, Integer.class));
    private static final String ASSESSEE = "SELECT assessment_id, employee_id, status, rounds, enrolment_id, best_percent, "
            + "passed_at, updated_at FROM training_assessee";
    private static final RowMapper<Assessee> ASSESSEE_MAPPER = (rs, i) -> new Assessee(rs.getLong(1), rs.getLong(2),
            Standing.valueOf(rs.getString(3)), rs.getInt(4), rs.getObject(5, Long.class), rs.getBigDecimal(6),
            rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class));

    private final JdbcClient jdbc;

    Assessments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Draft d, long createdBy) {
        return jdbc.sql("""
                        INSERT INTO training_assessment (title, exam_id, retraining_course_id, owner_unit_id, pass_percent,
                          starts_on, ends_on, certificate_months, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(d.title(), d.examId(), d.retrainingCourseId(), d.ownerUnitId(), d.passPercent(), d.startsOn(),
                        d.endsOn(), d.certificateMonths(), createdBy)
                .query(Long.class).single();
    }

    public Optional<Assessment> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(MAPPER).optional();
    }

    public List<Assessment> ofUnits(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE owner_unit_id IN (:ids) ORDER BY starts_on DESC, id DESC").param("ids", unitIds)
                .query(MAPPER).list();
    }

    public List<Assessment> all() {
        return jdbc.sql(COLUMNS + " ORDER BY starts_on DESC, id DESC").query(MAPPER).list();
    }

    /** Adds a person to the assessment; false when they were already in it. */
    public boolean addAssessee(long assessmentId, long employeeId) {
        return jdbc.sql("""
                        INSERT INTO training_assessee (assessment_id, employee_id, status) VALUES (?, ?, 'ASSIGNED')
                        ON CONFLICT DO NOTHING""")
                .params(assessmentId, employeeId).update() == 1;
    }

    public Optional<Assessee> assessee(long assessmentId, long employeeId) {
        return jdbc.sql(ASSESSEE + " WHERE assessment_id = ? AND employee_id = ?").params(assessmentId, employeeId)
                .query(ASSESSEE_MAPPER).optional();
    }

    public Optional<Assessee> lockAssessee(long assessmentId, long employeeId) {
        return jdbc.sql(ASSESSEE + " WHERE assessment_id = ? AND employee_id = ? FOR UPDATE")
                .params(assessmentId, employeeId).query(ASSESSEE_MAPPER).optional();
    }

    public List<Assessee> assessees(long assessmentId) {
        return jdbc.sql(ASSESSEE + " WHERE assessment_id = ? ORDER BY employee_id").param(assessmentId)
                .query(ASSESSEE_MAPPER).list();
    }

    public List<Assessee> ofEmployee(long employeeId) {
        return jdbc.sql(ASSESSEE + " WHERE employee_id = ? ORDER BY updated_at DESC").param(employeeId)
                .query(ASSESSEE_MAPPER).list();
    }

    /** Those in retraining through this enrolment. */
    public List<Assessee> retrainingThrough(long enrolmentId) {
        return jdbc.sql(ASSESSEE + " WHERE enrolment_id = ? AND status = 'RETRAINING' FOR UPDATE").param(enrolmentId)
                .query(ASSESSEE_MAPPER).list();
    }

    public void passed(long assessmentId, long employeeId, BigDecimal percent, OffsetDateTime at) {
        jdbc.sql("""
                        UPDATE training_assessee SET status = 'PASSED', passed_at = ?, updated_at = ?,
                          best_percent = greatest(coalesce(best_percent, 0), ?) WHERE assessment_id = ? AND employee_id = ?""")
                .params(at, at, percent, assessmentId, employeeId).update();
    }

    public void retraining(long assessmentId, long employeeId, long enrolmentId, BigDecimal percent, OffsetDateTime at) {
        jdbc.sql("""
                        UPDATE training_assessee SET status = 'RETRAINING', rounds = rounds + 1, enrolment_id = ?,
                          updated_at = ?, best_percent = greatest(coalesce(best_percent, 0), ?)
                        WHERE assessment_id = ? AND employee_id = ?""")
                .params(enrolmentId, at, percent, assessmentId, employeeId).update();
    }

    public void mayRetry(long assessmentId, long employeeId, OffsetDateTime at) {
        jdbc.sql("""
                        UPDATE training_assessee SET status = 'MAY_RETRY', updated_at = ?
                        WHERE assessment_id = ? AND employee_id = ? AND status = 'RETRAINING'""")
                .params(at, assessmentId, employeeId).update();
    }
}
