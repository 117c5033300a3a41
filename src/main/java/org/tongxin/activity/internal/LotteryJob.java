package org.tongxin.activity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongxin.shared.security.Viewer;

/**
 * Draws every lottery whose sign-up has closed. Each draw locks its activity row and draws only once, so
 * two nodes running this at the same moment draw each lottery exactly once.
 */
@Component
class LotteryJob {

    private static final Logger log = LoggerFactory.getLogger(LotteryJob.class);

    private final Activities activities;
    private final SignUp signUp;
    private final ActivityService service;

    LotteryJob(Activities activities, SignUp signUp, ActivityService service) {
        this.activities = activities;
        this.signUp = signUp;
        this.service = service;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${tongxin.activity.lottery-check:PT1M}")
    void run() {
        for (long id : activities.awaitingDraw(service.now())) {
            if (signUp.draw(Viewer.system("抽签 lottery"), id, SignUp.newSeed())) {
                log.info("Drew the lottery of activity {}", id);
            }
        }
    }
}
