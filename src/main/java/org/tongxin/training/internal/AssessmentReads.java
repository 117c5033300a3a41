package org.tongxin.training.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.training.internal.Assessments.Standing;

/** What the assessment pages read beside the loop itself: attempts, retraining progress, certificates, counts. */
@Repository
public class AssessmentReads {

    /** A person's attempts in an assessment: how many, the one in progress, the last graded score and when. */
    public record AttemptStats(int attempts, Long inProgressId, BigDecimal lastPercent, OffsetDateTime lastAt) {

        static final AttemptStats NONE = new AttemptStats(0, null, null, null);
    }

    /** Where someone is in a course: lessons completed of all, and the due date. */
    public record CourseProgress(int done, int lessons, LocalDate dueOn) {
    }

    private final JdbcClient jdbc;

    AssessmentReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, AttemptStats> attemptStats(long assessmentId) {
        Map<Long, AttemptStats> out = new HashMap<>();
        jdbc.sql("""
                        SELECT employee_id, count(*)::int, max(id) FILTER (WHERE status = 'IN_PROGRESS'),
                          (array_agg(percent ORDER BY number DESC) FILTER (WHERE status = 'GRADED'))[1],
                          max(submitted_at)
                        FROM training_attempt WHERE assessment_id = ? GROUP BY employee_id""")
                .param(assessmentId)
                .query(rs -> {
                    out.put(rs.getLong(1), new AttemptStats(rs.getInt(2), rs.getObject(3, Long.class),
                            rs.getBigDecimal(4), rs.getObject(5, OffsetDateTime.class)));
                });
        return out;
    }

    public Map<Long, CourseProgress> progress(Collection<Long> enrolmentIds) {
        Map<Long, CourseProgress> out = new HashMap<>();
        if (enrolmentIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT e.id, e.due_on,
                          (SELECT count(*) FROM training_progress p JOIN training_lesson l ON l.id = p.lesson_id
                             WHERE p.enrolment_id = e.id AND p.completed_at IS NOT NULL AND l.course_id = e.course_id)::int,
                          (SELECT count(*) FROM training_lesson l WHERE l.course_id = e.course_id)::int
                        FROM training_enrolment e WHERE e.id = ANY(?::bigint[])""")
                .param(enrolmentIds.toArray(Long[]::new))
                .query(rs -> {
                    out.put(rs.getLong(1), new CourseProgress(rs.getInt(3), rs.getInt(4),
                            rs.getObject(2, LocalDate.class)));
                });
        return out;
    }

    /** The valid certificate of each person who passed the assessment. */
    public Map<Long, Long> certificates(long assessmentId) {
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("""
                        SELECT employee_id, id FROM training_certificate
                        WHERE assessment_id = ? AND revoked_at IS NULL""")
                .param(assessmentId)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    /** People per standing of each assessment. */
    public Map<Long, Map<Standing, Integer>> standingCounts(Collection<Long> assessmentIds) {
        Map<Long, Map<Standing, Integer>> out = new HashMap<>();
        if (assessmentIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT assessment_id, status, count(*)::int FROM training_assessee
                        WHERE assessment_id = ANY(?::bigint[]) GROUP BY assessment_id, status""")
                .param(assessmentIds.toArray(Long[]::new))
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(Standing.class))
                            .put(Standing.valueOf(rs.getString(2)), rs.getInt(3));
                });
        return out;
    }

    /** Assessments passed per person. */
    public Map<Long, Integer> passedCounts(Collection<Long> employeeIds) {
        Map<Long, Integer> out = new HashMap<>();
        if (employeeIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT employee_id, count(*)::int FROM training_assessee
                        WHERE status = 'PASSED' AND employee_id = ANY(?::bigint[]) GROUP BY employee_id""")
                .param(employeeIds.toArray(Long[]::new))
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getInt(2));
                });
        return out;
    }

    /** Titles of exams by id, for lists. */
    public Map<Long, String> examTitles(List<Long> ids) {
        return titles("training_exam", ids);
    }

    /** Titles of courses by id, for lists. */
    public Map<Long, String> courseTitles(List<Long> ids) {
        return titles("training_course", ids);
    }

    private Map<Long, String> titles(String table, List<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT id, title FROM " + table + " WHERE id = ANY(?::bigint[])").param(ids.toArray(Long[]::new))
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }
}
