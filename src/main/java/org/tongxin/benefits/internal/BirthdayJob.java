package org.tongxin.benefits.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.tongxin.shared.BackgroundJob;

/**
 * Once a day (and shortly after a start): issues the birthday benefits of the month to the members who have none yet
 * ({@link Birthdays#issue}, insert-once across nodes, so running it again or on two nodes gives nobody a second one).
 */
@BackgroundJob
class BirthdayJob {

    private static final Logger log = LoggerFactory.getLogger(BirthdayJob.class);

    private final Birthdays birthdays;

    BirthdayJob(Birthdays birthdays) {
        this.birthdays = birthdays;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "${tongxin.benefits.birthday-interval:PT24H}")
    void run() {
        int issued = birthdays.issue(birthdays.today());
        if (issued > 0) {
            log.info("Benefits: birthday benefits issued to {} members", issued);
        }
    }
}
