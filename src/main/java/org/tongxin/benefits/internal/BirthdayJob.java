package org.tongxin.benefits.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day (and shortly after a start): issues the birthday benefits of the month to the members who have none yet
 * ({@link Birthdays#issue}, insert-once across nodes, so running it again or on two nodes gives nobody a second one).
 */
// Spring Modulith's moments starter switches scheduling on whatever tongxin.scheduling.enabled says, so the job honours
// the switch itself: tests call Birthdays.issue with the day they need.
@Component
@ConditionalOnProperty(name = "tongxin.scheduling.enabled", havingValue = "true", matchIfMissing = true)
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
