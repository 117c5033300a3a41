package org.tongxin.rights.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Moves overdue appeals up the chain every quarter of an hour (once across nodes: the rows are claimed). */
// Spring Modulith's moments starter switches scheduling on whatever tongxin.scheduling.enabled says, so the jobs
// that write or send honour the switch themselves: tests call them with the times they need.
@Component
@ConditionalOnProperty(name = "tongxin.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class RightsJobs {

    private static final Logger log = LoggerFactory.getLogger(RightsJobs.class);

    private final Appeals appeals;

    RightsJobs(Appeals appeals) {
        this.appeals = appeals;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${tongxin.rights.job-interval:PT15M}")
    void run() {
        int moved = appeals.escalateOverdue(appeals.today());
        if (moved > 0) {
            log.info("Rights: {} overdue appeals moved up the chain", moved);
        }
    }
}
