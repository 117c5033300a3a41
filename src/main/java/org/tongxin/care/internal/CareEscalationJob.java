package org.tongxin.care.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for care cases whose first talk or planned follow-up is overdue; rows are claimed with SKIP LOCKED, so
 * several nodes are fine.
 */
@Component
class CareEscalationJob {

    private static final Logger log = LoggerFactory.getLogger(CareEscalationJob.class);

    private final CareService care;

    CareEscalationJob(CareService care) {
        this.care = care;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${tongxin.care.escalation-check:PT15M}")
    void run() {
        int escalated = care.escalateOverdue();
        if (escalated > 0) {
            log.info("Escalated {} missed care dates (first talks or follow-ups)", escalated);
        }
    }
}
