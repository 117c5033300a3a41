package org.tongxin.training.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;

/**
 * Reminds the people of an assessment who have not passed it yet, and may take it now, a few days before it closes:
 * once per person and assessment. The rows are claimed with SKIP LOCKED and marked in the same statement, so two
 * nodes never send one twice, and the notices commit with the marks. Whoever was assigned less than a day ago is left
 * alone (the assignment notice names the closing date); whoever is in retraining is reminded by the retraining
 * course, which falls due the day the assessment closes.
 */
@Service
public class AssessmentReminders {

    private record Due(long assessmentId, long employeeId, LocalDate endsOn, String title) {
    }

    private final JdbcClient jdbc;
    private final CourseService courses;
    private final ApplicationEventPublisher events;
    private final int daysBefore;

    AssessmentReminders(JdbcClient jdbc, CourseService courses, ApplicationEventPublisher events,
                        @Value("${tongxin.training.assessment-remind-days-before:2}") int daysBefore) {
        this.jdbc = jdbc;
        this.courses = courses;
        this.events = events;
        this.daysBefore = daysBefore;
    }

    /** Sends the reminders due now; returns how many. */
    @Transactional
    public int remind() {
        OffsetDateTime now = courses.now();
        LocalDate today = now.toLocalDate();
        List<Due> due = jdbc.sql("""
                        WITH claimed AS (
                          UPDATE training_assessee SET reminded_at = ? WHERE (assessment_id, employee_id) IN (
                            SELECT s.assessment_id, s.employee_id FROM training_assessee s
                            JOIN training_assessment a ON a.id = s.assessment_id
                            WHERE s.reminded_at IS NULL AND s.status IN ('ASSIGNED', 'MAY_RETRY')
                              AND (s.status = 'MAY_RETRY' OR s.updated_at < ?)
                              AND a.starts_on <= ? AND a.ends_on BETWEEN ? AND ?
                            FOR UPDATE OF s SKIP LOCKED)
                          RETURNING assessment_id, employee_id)
                        SELECT c.assessment_id, c.employee_id, a.ends_on, a.title FROM claimed c
                        JOIN training_assessment a ON a.id = c.assessment_id ORDER BY a.ends_on, c.employee_id""")
                .params(now, now.minusDays(1), today, today, today.plusDays(daysBefore))
                .query((rs, i) -> new Due(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4)))
                .list();
        for (Due d : due) {
            events.publishEvent(NotificationRequested.toEmployee(d.employeeId(), Message.of(NoticeKind.TRAINING,
                    "training.assessment-closing", "/training/assessments/" + d.assessmentId(), d.title(),
                    d.endsOn())));
        }
        return due.size();
    }
}
