package org.tongxin.shared.audit;

import org.springframework.scheduling.annotation.Scheduled;
import org.tongxin.shared.BackgroundJob;

/** Chains new audit rows every minute, so a row stays outside the hash chain only briefly. */
@BackgroundJob
class AuditSealJob {

    private final AuditTrail audit;

    AuditSealJob(AuditTrail audit) {
        this.audit = audit;
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${tongxin.audit.seal-interval:PT1M}")
    void seal() {
        audit.seal();
    }
}
