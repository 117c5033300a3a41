package org.tongxin.training.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What officers see of their courses: how many are enrolled and done, and each person's progress. */
@Repository
public class CourseReports {

    /** People in a course: enrolled and not yet done, and done. */
    public record Counts(long open, long completed) {
    }

    /** A person's latest enrolment in a course, with the lessons completed in it. */
    public record Enrolee(long employeeId, String source, LocalDate dueOn, OffsetDateTime completedAt, int lessonsDone) {
    }

    private final JdbcClient jdbc;

    CourseReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, Counts> counts(Collection<Long> courseIds) {
        Map<Long, Counts> out = new HashMap<>();
        if (courseIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT course_id, count(*) FILTER (WHERE completed_at IS NULL),
                          count(DISTINCT employee_id) FILTER (WHERE completed_at IS NOT NULL)
                        FROM training_enrolment WHERE course_id IN (:ids) GROUP BY course_id""")
                .param("ids", courseIds)
                .query(rs -> {
                    out.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3)));
                });
        return out;
    }

    /** Everyone ever enrolled in the course, by their latest enrolment: not done first, soonest due first. */
    public List<Enrolee> enrolees(long courseId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM (
                          SELECT DISTINCT ON (e.employee_id) e.employee_id, e.source, e.due_on, e.completed_at,
                            (SELECT count(*) FROM training_progress p
                             WHERE p.enrolment_id = e.id AND p.completed_at IS NOT NULL) AS done
                          FROM training_enrolment e WHERE e.course_id = ?
                          ORDER BY e.employee_id, e.enrolled_at DESC, e.id DESC) latest
                        ORDER BY completed_at IS NOT NULL, due_on NULLS LAST, employee_id LIMIT ?""")
                .params(courseId, limit)
                .query((rs, i) -> new Enrolee(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getInt(5)))
                .list();
    }
}
