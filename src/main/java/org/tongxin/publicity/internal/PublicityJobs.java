package org.tongxin.publicity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.tongxin.shared.BackgroundJob;

/** Publishes approved items when their moment comes and delivers the chat-group pushes. */
@BackgroundJob
class PublicityJobs {

    private static final Logger log = LoggerFactory.getLogger(PublicityJobs.class);

    private final PublicityService publicity;
    private final Pushes pushes;

    PublicityJobs(PublicityService publicity, Pushes pushes) {
        this.publicity = publicity;
        this.pushes = pushes;
    }

    @Scheduled(initialDelayString = "PT20S", fixedDelayString = "${tongxin.publicity.job-interval:PT30S}")
    void run() {
        int published = publicity.publishDue();
        int sent = pushes.deliverDue(10);
        if (published + sent > 0) {
            log.info("Publicity: {} items published on schedule, {} chat-group cards sent", published, sent);
        }
    }
}
