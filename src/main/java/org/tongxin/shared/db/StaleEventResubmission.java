package org.tongxin.shared.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.tongxin.shared.BackgroundJob;

/**
 * Runs again the listeners of event publications left incomplete — by a node that died between committing a change
 * and finishing the change's listeners, or by a listener that failed — once they are older than
 * {@code tongxin.events.resubmit-after}, on whichever node looks first. This replaces Spring Modulith's republishing
 * at restart, which re-runs every incomplete publication, including those another node is running at that moment
 * (run twice), and leaves a dead node's publications waiting until that very node comes back.
 *
 * <p>Two nodes looking at once do not both run a publication: Spring Modulith claims each with a conditional
 * {@code UPDATE … SET status = 'RESUBMITTED' WHERE status <> 'RESUBMITTED'} before running it. A publication that
 * fails again waits twice as long each time (capped at a day) so that a broken listener does not run every minute.
 */
@BackgroundJob
class StaleEventResubmission {

    private static final Duration LONGEST_WAIT = Duration.ofDays(1);

    private final IncompleteEventPublications incomplete;
    private final Duration after;
    private final Clock clock;

    StaleEventResubmission(IncompleteEventPublications incomplete,
                           @Value("${tongxin.events.resubmit-after:PT5M}") Duration after, Optional<Clock> clock) {
        this.incomplete = incomplete;
        this.after = after;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @Scheduled(initialDelayString = "${tongxin.events.resubmit-interval:PT1M}",
            fixedDelayString = "${tongxin.events.resubmit-interval:PT1M}")
    void resubmit() {
        Instant now = clock.instant();
        incomplete.resubmitIncompletePublications(p -> due(p, now, after));
    }

    static boolean due(EventPublication p, Instant now, Duration after) {
        if (p.getPublicationDate().isAfter(now.minus(after))) {
            return false;
        }
        Instant last = p.getLastResubmissionDate();
        if (last == null) {
            return true;
        }
        Duration wait = after.multipliedBy(1L << Math.min(p.getCompletionAttempts(), 16));
        return !last.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait).isAfter(now);
    }
}
