package org.tongxin.training.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Points scored per skill in people's graded attempts: what competence levels are made of. */
@Repository
public class Competences {

    /** Of the points a person could score in a skill across their latest attempts, how many they scored. */
    public record Share(long employeeId, String skill, BigDecimal scored, BigDecimal points) {
    }

    private final JdbcClient jdbc;

    Competences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per person and skill, the points scored and possible in their latest graded attempt at each exam: an earlier
     * attempt at the same exam, before retraining, no longer says where they stand.
     */
    public List<Share> latestShares(Collection<Long> employeeIds) {
        if (employeeIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        WITH latest AS (
                          SELECT DISTINCT ON (employee_id, exam_id) id, employee_id FROM training_attempt
                          WHERE status = 'GRADED' AND employee_id = ANY(?::bigint[])
                          ORDER BY employee_id, exam_id, submitted_at DESC, id DESC)
                        SELECT l.employee_id, i.skill, sum(coalesce(i.scored, 0)), sum(i.points)
                        FROM latest l JOIN training_attempt_item i ON i.attempt_id = l.id
                        GROUP BY l.employee_id, i.skill""")
                .param(employeeIds.toArray(Long[]::new))
                .query((rs, i) -> new Share(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list();
    }
}
