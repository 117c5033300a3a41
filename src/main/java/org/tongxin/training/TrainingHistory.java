package org.tongxin.training;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.tongxin.training.internal.TrainingSnapshots;

/**
 * Training's history as the snapshots it publishes (course enrolments, standings in assessments), for rebuilding
 * figures kept elsewhere from scratch.
 */
@Service
public class TrainingHistory {

    private static final int PAGE = 5_000;

    private final TrainingSnapshots snapshots;

    TrainingHistory(TrainingSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Every course enrolment, a page at a time, each as a {@link CourseEnrolment} with version 0. */
    public void replayEnrolments(Consumer<CourseEnrolment> sink) {
        long after = 0;
        while (true) {
            List<CourseEnrolment> page = snapshots.enrolmentsAfter(after, PAGE, 0);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = page.getLast().enrolmentId();
        }
    }

    /** Every person's standing in every assessment, a page at a time, each as an {@link AssessmentStanding} (0). */
    public void replayStandings(Consumer<AssessmentStanding> sink) {
        long assessment = 0;
        long employee = 0;
        while (true) {
            List<AssessmentStanding> page = snapshots.standingsAfter(assessment, employee, PAGE, 0);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            assessment = page.getLast().assessmentId();
            employee = page.getLast().employeeId();
        }
    }
}
