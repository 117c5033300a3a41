package org.tongxin.benefits.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.tongxin.shared.BackgroundJob;

/** Every minute: closes the welfare rounds whose window has ended and gives the defaults (once across nodes). */
@BackgroundJob
class WelfareJobs {

    private static final Logger log = LoggerFactory.getLogger(WelfareJobs.class);

    private final Welfare welfare;

    WelfareJobs(Welfare welfare) {
        this.welfare = welfare;
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${tongxin.benefits.welfare-interval:PT1M}")
    void run() {
        List<Long> closed = welfare.closeDue(welfare.now());
        if (!closed.isEmpty()) {
            log.info("Welfare: closed rounds {} and gave the default packages", closed);
        }
    }
}
