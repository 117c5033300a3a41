package org.tongxin.care.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.tongxin.shared.BackgroundJob;

/**
 * Reminds case holders shortly before a first talk or a planned follow-up falls due, and escalates those missed;
 * rows are claimed with SKIP LOCKED, so several nodes are fine.
 */
@BackgroundJob
class CareJobs {

    private static final Logger log = LoggerFactory.getLogger(CareJobs.class);

    private final CareService care;
    private final CareReminders reminders;

    CareJobs(CareService care, CareReminders reminders) {
        this.care = care;
        this.reminders = reminders;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${tongxin.care.escalation-check:PT15M}")
    void escalate() {
        int escalated = care.escalateOverdue();
        if (escalated > 0) {
            log.info("Escalated {} missed care dates (first talks or follow-ups)", escalated);
        }
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "${tongxin.care.reminder-interval:PT1H}")
    void remind() {
        int reminded = reminders.remindDue();
        if (reminded > 0) {
            log.info("Reminded the holders of {} care dates falling due", reminded);
        }
    }
}
