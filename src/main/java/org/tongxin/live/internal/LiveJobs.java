package org.tongxin.live.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.tongxin.shared.BackgroundJob;

/**
 * Every {@code tongxin.live.job-interval} (a minute): reminds the people of sessions about to start, ends sessions
 * the encoder left after their scheduled end, and clears replays past their retention. Each step is safe on two
 * nodes at once: reminders are claimed with SKIP LOCKED, ending and clearing lock or repeat harmlessly.
 */
@BackgroundJob
class LiveJobs {

    private static final Logger log = LoggerFactory.getLogger(LiveJobs.class);
    /** Encoders reconnect within seconds; two silent minutes after the scheduled end mean the session is over. */
    private static final Duration SILENCE = Duration.ofMinutes(2);

    private final LiveService live;
    private final LiveNotices notices;

    LiveJobs(LiveService live, LiveNotices notices) {
        this.live = live;
        this.notices = notices;
    }

    @Scheduled(initialDelayString = "PT40S", fixedDelayString = "${tongxin.live.job-interval:PT1M}")
    void run() {
        int reminded = notices.remindDue();
        if (reminded > 0) {
            log.info("Live: reminded the people of {} sessions about to start", reminded);
        }
        int ended = live.endIdle(SILENCE);
        int cleared = live.clearExpiredReplays();
        if (ended + cleared > 0) {
            log.info("Live: {} sessions ended after their encoder stopped, {} replays past retention cleared", ended,
                    cleared);
        }
    }
}
