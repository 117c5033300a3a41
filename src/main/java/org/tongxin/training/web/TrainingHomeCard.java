package org.tongxin.training.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.Panel;
import org.tongxin.training.internal.Assessments;
import org.tongxin.training.internal.Courses;

/**
 * On the home tab: courses the employee still has to finish (the soonest due date) and assessments waiting for
 * them — to attempt, or retraining to complete first.
 */
@Component
class TrainingHomeCard implements HomeSection {

    private final Courses courses;
    private final Assessments assessments;

    TrainingHomeCard(Courses courses, Assessments assessments) {
        this.courses = courses;
        this.assessments = assessments;
    }

    @Override
    public Optional<Panel> card(Viewer viewer) {
        if (viewer.employeeId() == null) {
            return Optional.empty();
        }
        List<Courses.Enrolment> open = courses.enrolmentsOf(viewer.employeeId()).stream()
                .filter(e -> e.completedAt() == null).toList();
        LocalDate nextDue = open.stream().map(Courses.Enrolment::dueOn).filter(d -> d != null)
                .min(Comparator.naturalOrder()).orElse(null);
        LocalDate today = LocalDate.now();
        long assessmentsToDo = assessments.ofEmployee(viewer.employeeId()).stream()
                .filter(s -> s.status() != Assessments.Standing.PASSED)
                .filter(s -> assessments.find(s.assessmentId()).map(a -> !a.endsOn().isBefore(today)).orElse(false))
                .count();
        return Optional.of(new Panel("training/panel", Map.of("courses", open.size(),
                "nextDue", nextDue == null ? "" : nextDue.toString(), "assessments", assessmentsToDo)));
    }

    @Override
    public int order() {
        return 30;
    }
}
