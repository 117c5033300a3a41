package org.tongxin.rights.internal;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.tongxin.shared.BackgroundJob;

/**
 * Every quarter of an hour: moves overdue appeals up the chain, reminds the mediation committee of cases near their
 * limit and the chair's office of letters due (each once across nodes: the rows are claimed).
 */
@BackgroundJob
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
