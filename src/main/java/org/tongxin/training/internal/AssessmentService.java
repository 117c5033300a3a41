package org.tongxin.training.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.training.AssessmentPassed;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.org.UnitOfficers;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.training.CourseCompleted;
import org.tongxin.training.internal.Assessments.Assessee;
import org.tongxin.training.internal.Assessments.Assessment;
import org.tongxin.training.internal.Assessments.Standing;

/**
 * Assessments (考核) and the retraining loop. Whoever fails an attempt is enrolled in the assessment's retraining
 * course at once and told; they may attempt again only after completing it; this repeats until they pass
 * (凡是不达标者都必须再次培训，直到满足). Each round allows one attempt. Passing issues the assessment's certificate.
 * Every transition happens in the transaction that caused it (the grading or the course's completion).
 */
@Service
public class AssessmentService {

    /** Whom an assessment is assigned to. */
    public enum Group {
        /** Every active employee of a subtree. */
        EMPLOYEES,
        /** The officers of every unit of a subtree. */
        OFFICERS,
        /** The people listed. */
        LIST
    }

    /** A person on the committee's board: where they stand, with their name and unit. */
    public record BoardRow(Assessee assessee, String name, String employeeNo, String unitName, long unitId) {
    }

    private final Assessments assessments;
    private final Exams exams;
    private final Courses courses;
    private final Certificates certificates;
    private final OrgDirectory org;
    private final UnitOfficers officers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TrainingSnapshots snapshots;
    private final Clock clock;

    AssessmentService(Assessments assessments, Exams exams, Courses courses, Certificates certificates,
                      OrgDirectory org, UnitOfficers officers, AuditTrail audit, ApplicationEventPublisher events,
                      TrainingSnapshots snapshots, Optional<Clock> clock) {
        this.assessments = assessments;
        this.snapshots = snapshots;
        this.exams = exams;
        this.courses = courses;
        this.certificates = certificates;
        this.org = org;
        this.officers = officers;
        this.audit = audit;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** An officer sets up an assessment owned by a unit they manage, on a published exam and course. */
    @Transactional
    public long create(Viewer officer, Assessments.Draft d) {
        OrgUnit owner = org.managedUnit(officer, d.ownerUnitId());
        String title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty() || title.length() > 100) {
            throw new Refusal("training.error.titleRequired");
        }
        Exams.Exam exam = exams.find(d.examId()).orElseThrow(() -> new Refusal("training.error.noSuchExam"));
        if (!exam.status().equals("PUBLISHED")) {
            throw new Refusal("training.error.notPublished");
        }
        Courses.Course course = courses.find(d.retrainingCourseId())
                .orElseThrow(() -> new Refusal("training.error.noSuchCourse"));
        if (!course.status().equals("PUBLISHED") || courses.lessons(course.id()).isEmpty()) {
            throw new Refusal("training.error.notPublished");
        }
        if (d.startsOn() == null || d.endsOn() == null || d.endsOn().isBefore(d.startsOn())) {
            throw new Refusal("training.error.badPeriod");
        }
        if (d.passPercent() < 1 || d.passPercent() > 100) {
            throw new Refusal("training.error.badPassMark");
        }
        long id = assessments.insert(new Assessments.Draft(title, d.examId(), d.retrainingCourseId(), owner.id(),
                d.passPercent(), d.startsOn(), d.endsOn(), d.certificateMonths()), officer.accountId());
        audit.record(officer, "training.assessment.create", "training_assessment", id, owner.id(), title, Map.of(),
                Map.of("examId", d.examId(), "passPercent", d.passPercent(), "period", d.startsOn() + "~" + d.endsOn()));
        return id;
    }

    /**
     * Assigns the assessment to a group of the officer's subtree (employees or officers of a unit, or a list);
     * each newcomer is told. Returns how many were added.
     */
    @Transactional
    public int assign(Viewer officer, long assessmentId, Group group, Long unitId, List<Long> listed) {
        Assessment a = managed(officer, assessmentId);
        Set<Long> people = new LinkedHashSet<>();
        switch (group) {
            case EMPLOYEES -> people.addAll(org.activeEmployeesInSubtree(org.managedUnit(officer, unitId).id()));
            case OFFICERS -> {
                OrgUnit root = org.managedUnit(officer, unitId);
                for (UnitCount u : org.subtreeCounts(root)) {
                    officers.officersOf(u.unit().id()).forEach(o -> people.add(o.employeeId()));
                }
            }
            case LIST -> {
                Set<Long> reachable = org.manageableUnitIds(officer).orElse(null);
                for (long id : listed) {
                    EmployeeSummary e = org.employee(id).orElseThrow(() -> new NotFoundException("employee " + id));
                    if (reachable != null && !reachable.contains(e.unitId())) {
                        throw new NotFoundException("employee " + id);
                    }
                    people.add(id);
                }
            }
        }
        int added = 0;
        for (long employeeId : people) {
            if (assessments.addAssessee(assessmentId, employeeId)) {
                added++;
                snapshots.standingChanged(assessmentId, employeeId);
                events.publishEvent(NotificationRequested.toEmployee(employeeId, Message.of(NoticeKind.TRAINING,
                        "training.assessment-assigned", "/training/assessments/" + assessmentId, a.title(),
                        a.startsOn(), a.endsOn(), a.passPercent())));
            }
        }
        audit.record(officer, "training.assessment.assign", "training_assessment", assessmentId, a.ownerUnitId(),
                a.title(), Map.of(), Map.of("group", group, "unitId", String.valueOf(unitId), "added", added));
        return added;
    }

    /** The assessment when the officer manages its owner unit; 404 otherwise. */
    public Assessment managed(Viewer officer, long assessmentId) {
        Assessment a = assessments.find(assessmentId).orElseThrow(() -> new NotFoundException("assessment " + assessmentId));
        org.managedUnit(officer, a.ownerUnitId());
        return a;
    }

    /**
     * The board of an assessment for the officers of its owner unit (and above): everyone assessed, or only those
     * of a subtree within the officer's reach.
     */
    public List<BoardRow> board(Viewer officer, long assessmentId, Long subtreeUnitId) {
        managed(officer, assessmentId);
        Set<Long> within = subtreeUnitId == null ? null : new HashSet<>(org.subtreeCounts(
                org.managedUnit(officer, subtreeUnitId)).stream().map(u -> u.unit().id()).toList());
        List<Assessee> assessees = assessments.assessees(assessmentId);
        Map<Long, EmployeeSummary> people = org.employees(assessees.stream().map(Assessee::employeeId).toList());
        List<BoardRow> rows = new ArrayList<>();
        for (Assessee s : assessees) {
            EmployeeSummary e = people.get(s.employeeId());
            if (e == null || within != null && !within.contains(e.unitId())) {
                continue;
            }
            rows.add(new BoardRow(s, e.name(), e.employeeNo(), e.unitName(), e.unitId()));
        }
        return rows;
    }

    /** Moves a person along the loop once an attempt of theirs in this assessment is graded. */
    void onGraded(Attempts.Attempt attempt, boolean passed, BigDecimal percent, OffsetDateTime at) {
        Assessment a = assessments.find(attempt.assessmentId()).orElseThrow();
        Assessee s = assessments.lockAssessee(a.id(), attempt.employeeId()).orElseThrow();
        if (s.status() == Standing.PASSED) {
            snapshots.standingChanged(a.id(), s.employeeId());
            return;
        }
        if (passed) {
            assessments.passed(a.id(), s.employeeId(), percent, at);
            snapshots.standingChanged(a.id(), s.employeeId());
            String name = org.employee(s.employeeId()).map(EmployeeSummary::name).orElse("");
            certificates.issue(s.employeeId(), name, null, a.id(), a.title(), at, a.certificateMonths());
            events.publishEvent(new AssessmentPassed(a.id(), s.employeeId(), a.title()));
            events.publishEvent(NotificationRequested.toEmployee(s.employeeId(), Message.of(NoticeKind.TRAINING,
                    "training.assessment-passed", "/training/certificates", a.title(),
                    percent.stripTrailingZeros().toPlainString())));
            return;
        }
        long enrolment = courses.enrol(a.retrainingCourseId(), s.employeeId(), "RETRAINING", null, a.endsOn());
        assessments.retraining(a.id(), s.employeeId(), enrolment, percent, at);
        snapshots.enrolmentChanged(enrolment);
        snapshots.standingChanged(a.id(), s.employeeId());
        String course = courses.find(a.retrainingCourseId()).map(Courses.Course::title).orElse("");
        events.publishEvent(NotificationRequested.toEmployee(s.employeeId(), Message.of(NoticeKind.TRAINING,
                "training.assessment-retraining", "/training/courses/" + a.retrainingCourseId(), a.title(),
                percent.stripTrailingZeros().toPlainString(), a.passPercent(), course)));
    }

    /** A completed retraining course lets its people try their assessment again. */
    @EventListener
    void onCourseCompleted(CourseCompleted done) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Assessee s : assessments.retrainingThrough(done.enrolmentId())) {
            assessments.mayRetry(s.assessmentId(), s.employeeId(), now);
            snapshots.standingChanged(s.assessmentId(), s.employeeId());
            Assessment a = assessments.find(s.assessmentId()).orElseThrow();
            events.publishEvent(NotificationRequested.toEmployee(s.employeeId(), Message.of(NoticeKind.TRAINING,
                    "training.assessment-may-retry", "/training/assessments/" + a.id(), a.title())));
        }
    }
}
