package org.tongxin.training.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.tongxin.shared.BackgroundJob;

/** Grades attempts whose time ran out while nobody pressed submit (the browser closed, the phone lost signal). */
@BackgroundJob
class TrainingJobs {

    private static final Logger log = LoggerFactory.getLogger(TrainingJobs.class);

    private final ExamService exams;

    TrainingJobs(ExamService exams) {
        this.exams = exams;
    }

    /**
     * The first check comes one interval after the start, like every later one: an operator (or a test) that checks
     * more often after a restart does not wait a fixed half minute, and a node given a day does not grade at all.
     */
    @Scheduled(initialDelayString = "${tongxin.training.deadline-check:PT30S}",
            fixedDelayString = "${tongxin.training.deadline-check:PT30S}")
    void gradeTimedOut() {
        int graded;
        do {
            graded = exams.gradePastDeadline(200);
            if (graded > 0) {
                log.info("Graded {} attempts whose time ran out", graded);
            }
        } while (graded == 200);
    }
}
