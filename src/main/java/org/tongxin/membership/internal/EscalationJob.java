package org.tongxin.membership.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.tongxin.shared.BackgroundJob;

/** Looks for applications past their deadline; on several nodes each application is escalated once (rows are claimed with SKIP LOCKED). */
@BackgroundJob
class EscalationJob {

    private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);

    private final MembershipService membership;

    EscalationJob(MembershipService membership) {
        this.membership = membership;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${tongxin.membership.escalation-check:PT15M}")
    void run() {
        int escalated = membership.escalateOverdue();
        if (escalated > 0) {
            log.info("Escalated {} membership applications past their deadline", escalated);
        }
    }
}
