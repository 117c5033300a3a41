package org.tongxin.notify.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends the outbox every few seconds and makes the daily digests every minute, on every node. */
@Component
class NotifyJobs {

    private static final Logger log = LoggerFactory.getLogger(NotifyJobs.class);

    private final OutboxSender sender;

    NotifyJobs(OutboxSender sender) {
        this.sender = sender;
    }

    @Scheduled(initialDelayString = "PT15S", fixedDelayString = "${tongxin.notify.send-interval:PT5S}")
    void send() {
        int sent;
        do {
            sent = sender.sendDue();
        } while (sent > 0);
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${tongxin.notify.digest-interval:PT1M}")
    void digest() {
        int made = sender.digest(sender.now());
        if (made > 0) {
            log.info("Notify: {} daily digests made", made);
        }
    }
}
