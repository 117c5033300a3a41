package org.tongxin.activity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.tongxin.shared.BackgroundJob;
import org.tongxin.shared.security.Viewer;

/**
 * Draws every lottery whose sign-up has closed, and gives seats that came free with nobody to pass them to
 * while someone was joining the waitlist. Each draw locks its activity row and draws only once, and seats are
 * filled one activity at a time under its row lock, so two nodes running this at once do each thing once. Apart,
 * reminds seat holders the day before an activity starts, each once however many nodes run it.
 */
@BackgroundJob
class ActivityJobs {

    private static final Logger log = LoggerFactory.getLogger(ActivityJobs.class);

    private final Activities activities;
    private final SignUp signUp;
    private final ActivityService service;
    private final ActivityReminders reminders;

    ActivityJobs(Activities activities, SignUp signUp, ActivityService service, ActivityReminders reminders) {
        this.activities = activities;
        this.signUp = signUp;
        this.service = service;
        this.reminders = reminders;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "${tongxin.activity.reminder-interval:PT15M}")
    void remind() {
        int reminded = reminders.remind();
        if (reminded > 0) {
            log.info("Reminded {} seat holders of activities starting within a day", reminded);
        }
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${tongxin.activity.lottery-check:PT1M}")
    void run() {
        for (long id : activities.awaitingDraw(service.now())) {
            if (signUp.draw(Viewer.system("抽签 lottery"), id, SignUp.newSeed())) {
                log.info("Drew the lottery of activity {}", id);
            }
        }
        for (long id : activities.withFreeSeatWhileWaiting(service.now())) {
            activities.find(id).ifPresent(a -> {
                int seated = signUp.fillFreeSeats(id, a.title());
                if (seated > 0) {
                    log.info("Seated {} from the waitlist of activity {} on seats left free", seated, id);
                }
            });
        }
    }
}
