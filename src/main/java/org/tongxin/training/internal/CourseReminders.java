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
 * Reminds people of a course due in a few days that they have not completed, once per enrolment: the rows are
 * claimed with SKIP LOCKED and marked in the same statement, so two nodes never send one twice, and the notices
 * commit with the marks. Whoever was assigned less than a day ago is left alone: the assignment notice they just
 * got names the date already.
 */
@Service
public class CourseReminders {

    private record Due(long courseId, long employeeId, LocalDate dueOn, String title) {
    }

    private final JdbcClient jdbc;
    private final CourseService courses;
    private final ApplicationEventPublisher events;
    private final int daysBefore;

    CourseReminders(JdbcClient jdbc, CourseService courses, ApplicationEventPublisher events,
                    @Value("${tongxin.training.remind-days-before:3}") int daysBefore) {
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
                          UPDATE training_enrolment SET reminded_at = ? WHERE id IN (
                            SELECT id FROM training_enrolment WHERE completed_at IS NULL AND reminded_at IS NULL
                              AND due_on BETWEEN ? AND ? AND enrolled_at < ? FOR UPDATE SKIP LOCKED)
                          RETURNING course_id, employee_id, due_on)
                        SELECT c.course_id, c.employee_id, c.due_on, t.title FROM claimed c
                        JOIN training_course t ON t.id = c.course_id ORDER BY c.due_on""")
                .params(now, today, today.plusDays(daysBefore), now.minusDays(1))
                .query((rs, i) -> new Due(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4)))
                .list();
        for (Due d : due) {
            events.publishEvent(NotificationRequested.toEmployee(d.employeeId(), Message.of(NoticeKind.TRAINING,
                    "training.course-due-soon", "/training/courses/" + d.courseId(), d.title(), d.dueOn())));
        }
        return due.size();
    }
}
