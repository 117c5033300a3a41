package org.tongxin.rights.internal;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every quarter of an hour: moves overdue appeals up the chain, reminds the mediation committee of cases near their
 * limit and the chair's office of letters due (each once across nodes: the rows are claimed).
 */
// Spring Modulith's moments starter switches scheduling on whatever tongxin.scheduling.enabled says, so the jobs
// that write or send honour the switch themselves: tests call them with the times they need.
@Component
@ConditionalOnProperty(name = "tongxin.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class RightsJobs {

    private static final Logger log = LoggerFactory.getLogger(RightsJobs.class);

    private final Appeals appeals;
    private final Mediations mediations;
    private final Letters letters;

    RightsJobs(Appeals appeals, Mediations mediations, Letters letters) {
        this.appeals = appeals;
        this.mediations = mediations;
        this.letters = letters;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${tongxin.rights.job-interval:PT15M}")
    void run() {
        LocalDate today = appeals.today();
        int moved = appeals.escalateOverdue(today);
        if (moved > 0) {
            log.info("Rights: {} overdue appeals moved up the chain", moved);
        }
        int cases = mediations.remind(today).size();
        int due = letters.remind(today).size();
        if (cases + due > 0) {
            log.info("Rights: reminded of {} mediation cases near their limit and {} letters due", cases, due);
        }
    }
}
