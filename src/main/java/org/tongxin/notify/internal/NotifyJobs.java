package org.tongxin.notify.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.tongxin.shared.BackgroundJob;

/**
 * Sends the outbox every few seconds and makes the daily digests every minute, on every node; once a day forgets
 * outbox rows that are done and older than {@code tongxin.notify.keep} (the inbox keeps its own copy).
 */
@BackgroundJob
class NotifyJobs {

    private static final Logger log = LoggerFactory.getLogger(NotifyJobs.class);

    private final OutboxSender sender;
    private final Outbox outbox;
    private final Duration keep;

    NotifyJobs(OutboxSender sender, Outbox outbox, @Value("${tongxin.notify.keep:P90D}") Duration keep) {
        this.sender = sender;
        this.outbox = outbox;
        this.keep = keep;
    }

    @Scheduled(initialDelayString = "PT15S", fixedDelayString = "${tongxin.notify.send-interval:PT5S}")
    void send() {
        int sent;
        do {
            sent = sender.sendDue();
        } while (sent > 0);
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "P1D")
    void purge() {
        int gone = outbox.purge(sender.now().minus(keep));
        if (gone > 0) {
            log.info("Notify: {} finished outbox rows older than {} removed", gone, keep);
        }
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${tongxin.notify.digest-interval:PT1M}")
    void digest() {
        int made = sender.digest(sender.now());
        if (made > 0) {
            log.info("Notify: {} daily digests made", made);
        }
    }
}
