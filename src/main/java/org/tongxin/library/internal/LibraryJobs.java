package org.tongxin.library.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.tongxin.shared.BackgroundJob;

/** Runs the reminders and passes on missed pickups every quarter of an hour. */
@BackgroundJob
class LibraryJobs {

    private static final Logger log = LoggerFactory.getLogger(LibraryJobs.class);

    private final Reminders reminders;
    private final Circulation circulation;

    LibraryJobs(Reminders reminders, Circulation circulation) {
        this.reminders = reminders;
        this.circulation = circulation;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "${tongxin.library.job-interval:PT15M}")
    void run() {
        int told = reminders.remind();
        int expired = circulation.expirePickups();
        if (told + expired > 0) {
            log.info("Library: {} reminders sent, {} missed pickups passed on", told, expired);
        }
    }
}
