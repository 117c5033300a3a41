package org.tongxin.training.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.training.internal.AssessmentReads.CourseProgress;
import org.tongxin.training.internal.Assessments.Assessee;
import org.tongxin.training.internal.Assessments.Assessment;
import org.tongxin.training.internal.Assessments.Standing;

/** An employee's own standing in an assessment: the loop, the retraining course, attempts and certificate. */
@Service
public class AssessmentStandings {

    /**
     * What the person sees: the assessment and its exam, where they stand, their attempts (oldest first), the one
     * in progress, the retraining course with their progress while they are in it, and their certificate once they
     * passed.
     */
    public record MyStanding(Assessment assessment, Exams.Exam exam, Assessee assessee, List<Attempts.Attempt> attempts,
                             Attempts.Attempt inProgress, Courses.Course course, CourseProgress retraining,
                             Certificates.Certificate certificate, LocalDate today) {

        public boolean inPeriod() {
            return !today.isBefore(assessment.startsOn()) && !today.isAfter(assessment.endsOn());
        }

        /** Whether the start button is offered (the service decides again when it is pressed). */
        public boolean mayStart() {
            return assessee.status().mayAttempt() && inPeriod();
        }
    }

    private final Assessments assessments;
    private final Exams exams;
    private final Attempts attempts;
    private final Courses courses;
    private final Certificates certificates;
    private final AssessmentReads reads;
    private final ExamService examService;

    AssessmentStandings(Assessments assessments, Exams exams, Attempts attempts, Courses courses,
                        Certificates certificates, AssessmentReads reads, ExamService examService) {
        this.assessments = assessments;
        this.exams = exams;
        this.attempts = attempts;
        this.courses = courses;
        this.certificates = certificates;
        this.reads = reads;
        this.examService = examService;
    }

    /** The viewer's standing; 404 when they are not assessed in it. */
    public MyStanding of(Viewer viewer, long assessmentId) {
        Long employeeId = viewer.employeeId();
        Assessee assessee = Optional.ofNullable(employeeId).flatMap(e -> assessments.assessee(assessmentId, e))
                .orElseThrow(() -> new NotFoundException("assessment " + assessmentId));
        Assessment a = assessments.find(assessmentId).orElseThrow();
        List<Attempts.Attempt> mine = attempts.of(a.examId(), employeeId).stream()
                .filter(x -> x.assessmentId() != null && x.assessmentId() == assessmentId).toList();
        CourseProgress retraining = assessee.status() == Standing.RETRAINING
                ? reads.progress(List.of(assessee.enrolmentId())).get(assessee.enrolmentId()) : null;
        Certificates.Certificate certificate = certificates.of(employeeId).stream()
                .filter(c -> c.assessmentId() != null && c.assessmentId() == assessmentId && c.revokedAt() == null)
                .findFirst().orElse(null);
        return new MyStanding(a, exams.find(a.examId()).orElseThrow(), assessee, mine,
                mine.stream().filter(Attempts.Attempt::inProgress).findFirst().orElse(null),
                courses.find(a.retrainingCourseId()).orElseThrow(), retraining, certificate,
                examService.now().toLocalDate());
    }
}
