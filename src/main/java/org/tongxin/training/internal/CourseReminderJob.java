package org.tongxin.training.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.tongxin.shared.BackgroundJob;

/**
 * Every {@code tongxin.training.reminder-interval} (an hour): reminds people of courses falling due and of
 * assessments closing that they have not passed. Each reminder goes out once however many nodes run it.
 */
@BackgroundJob
class CourseReminderJob {

    private static final Logger log = LoggerFactory.getLogger(CourseReminderJob.class);

    private final CourseReminders reminders;
    private final AssessmentReminders assessments;

    CourseReminderJob(CourseReminders reminders, AssessmentReminders assessments) {
        this.reminders = reminders;
        this.assessments = assessments;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "${tongxin.training.reminder-interval:PT1H}")
    void remind() {
        int sent = reminders.remind();
        if (sent > 0) {
            log.info("Reminded {} people of courses falling due", sent);
        }
        int closing = assessments.remind();
        if (closing > 0) {
            log.info("Reminded {} people of assessments closing that they have not passed", closing);
        }
    }
}
