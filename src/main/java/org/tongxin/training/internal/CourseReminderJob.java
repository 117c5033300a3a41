package org.tongxin.training.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the due-date reminders of courses now and then. */
@Component
class CourseReminderJob {

    private static final Logger log = LoggerFactory.getLogger(CourseReminderJob.class);

    private final CourseReminders reminders;

    CourseReminderJob(CourseReminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "${tongxin.training.reminder-interval:PT1H}")
    void remind() {
        int sent = reminders.remind();
        if (sent > 0) {
            log.info("Reminded {} people of courses falling due", sent);
        }
    }
}
