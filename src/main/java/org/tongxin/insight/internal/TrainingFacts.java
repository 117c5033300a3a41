package org.tongxin.insight.internal;

import static org.tongxin.insight.internal.TrainingKinds.ASSESSED;
import static org.tongxin.insight.internal.TrainingKinds.ATTEMPT;
import static org.tongxin.insight.internal.TrainingKinds.ENROLMENT;
import static org.tongxin.insight.internal.TrainingKinds.RETRAINING;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.training.AssessmentStanding;
import org.tongxin.training.CourseEnrolment;
import org.tongxin.training.TrainingHistory;

/**
 * Training's records as facts: each course enrolment an interval until completed; each person assessed a point on
 * the day the assessment opened, with their graded attempts as points and, once they failed, an interval in
 * retraining until they pass. A record of a person without a union unit counts nowhere.
 */
@Component
class TrainingFacts implements Source {

    private final Facts facts;
    private final TrainingHistory history;

    TrainingFacts(Facts facts, TrainingHistory history) {
        this.facts = facts;
        this.history = history;
    }

    @Override
    public void replay() {
        history.replayEnrolments(this::apply);
        history.replayStandings(this::apply);
    }

    @ApplicationModuleListener
    void on(CourseEnrolment enrolment) {
        apply(enrolment);
    }

    @ApplicationModuleListener
    void on(AssessmentStanding standing) {
        apply(standing);
    }

    void apply(CourseEnrolment e) {
        List<Fact> list = e.unitId() == null ? List.of()
                : List.of(new Fact(ENROLMENT, Long.toString(e.enrolmentId()), e.unitId(), null,
                        e.completedOn() == null ? TrainingKinds.OPEN : TrainingKinds.DONE, e.enrolledOn(),
                        e.completedOn(), e.dueOn(), null, e.source()));
        facts.replace("enrolment:" + e.enrolmentId(), e.version(), list);
    }

    void apply(AssessmentStanding s) {
        String id = s.assessmentId() + ":" + s.employeeId();
        List<Fact> list = new ArrayList<>();
        if (s.unitId() != null) {
            long unit = s.unitId();
            Optional<AssessmentStanding.Graded> firstFailed = s.attempts().stream().filter(g -> !g.passed())
                    .findFirst();
            String standing = s.status().equals("PASSED") ? TrainingKinds.PASSED
                    : firstFailed.isPresent() ? TrainingKinds.RETRAINING : TrainingKinds.PENDING;
            list.add(Fact.point(ASSESSED, id, unit, null, standing, s.opensOn(), null));
            for (AssessmentStanding.Graded g : s.attempts()) {
                list.add(Fact.point(ATTEMPT, Long.toString(g.attemptId()), unit, null,
                        g.passed() ? TrainingKinds.PASSED : TrainingKinds.FAILED, g.on(), g.percent()));
            }
            firstFailed.ifPresent(f -> list.add(new Fact(RETRAINING, id, unit, null, null, f.on(), s.passedOn(),
                    s.closesOn(), null, null)));
        }
        facts.replace("assessee:" + id, s.version(), list);
    }
}
