package org.tongxin.training.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.training.CourseCompleted;
import org.tongxin.training.internal.Courses.Course;
import org.tongxin.training.internal.Courses.Enrolment;
import org.tongxin.training.internal.Courses.Lesson;

/**
 * Courses as people take them: enrolling (themselves, or assigned by an officer to a group with a due date),
 * progress per lesson with resume, completion when every lesson is done — which issues the course's certificate
 * and lets a person in retraining try their assessment again.
 */
@Service
public class CourseService {

    /** A video lesson is completed once this share of its length has really been watched. */
    static final double WATCHED_SHARE = 0.9;
    /** Most seconds one progress report may add: reports come every few seconds while a video plays. */
    static final int MAX_WATCHED_PER_REPORT = 30;

    private final Courses courses;
    private final Certificates certificates;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TrainingSnapshots snapshots;
    private final Clock clock;

    CourseService(Courses courses, Certificates certificates, OrgDirectory org, AuditTrail audit,
                  ApplicationEventPublisher events, TrainingSnapshots snapshots, Optional<Clock> clock) {
        this.courses = courses;
        this.snapshots = snapshots;
        this.certificates = certificates;
        this.org = org;
        this.audit = audit;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Whether the employee may see and enrol in the course by themselves. */
    public boolean openTo(Viewer viewer, Course c) {
        if (viewer.employeeId() == null || !c.status().equals("PUBLISHED")) {
            return false;
        }
        return courses.openTo(viewer.employeeId(), pathOf(viewer.employeeId()), viewer.isOfficerOrAbove()).stream()
                .anyMatch(o -> o.id() == c.id());
    }

    /** Published courses the employee may take. */
    public List<Course> available(Viewer viewer) {
        if (viewer.employeeId() == null) {
            return List.of();
        }
        return courses.openTo(viewer.employeeId(), pathOf(viewer.employeeId()), viewer.isOfficerOrAbove());
    }

    /**
     * The course if the viewer may read it: it is open to them, they are (or were) enrolled, or they manage its
     * owner unit; 404 otherwise.
     */
    public Course readable(Viewer viewer, long courseId) {
        Course c = courses.find(courseId).orElseThrow(() -> new NotFoundException("course " + courseId));
        boolean enrolled = viewer.employeeId() != null && courses.latestEnrolment(courseId, viewer.employeeId()).isPresent();
        if (enrolled || openTo(viewer, c) || manages(viewer, c)) {
            return c;
        }
        throw new NotFoundException("course " + courseId);
    }

    private boolean manages(Viewer viewer, Course c) {
        return org.manageableUnitIds(viewer).map(ids -> ids.contains(c.ownerUnitId())).orElse(viewer.isOfficerOrAbove());
    }

    /** The employee enrols in a course open to them; enrolling twice returns the open enrolment. */
    @Transactional
    public long enrolSelf(Viewer viewer, long courseId) {
        Course c = courses.find(courseId).orElseThrow(() -> new NotFoundException("course " + courseId));
        if (!openTo(viewer, c)) {
            throw new NotFoundException("course " + courseId);
        }
        if (courses.lessons(courseId).isEmpty()) {
            throw new Refusal("training.error.noLessons");
        }
        long id = courses.enrol(courseId, viewer.employeeId(), "SELF", null, null);
        snapshots.enrolmentChanged(id);
        return id;
    }

    /**
     * An officer assigns a published course of a unit they manage to people of their subtree, with a due date;
     * each is told. Returns how many were newly enrolled.
     */
    @Transactional
    public int assign(Viewer officer, long courseId, List<Long> employeeIds, LocalDate dueOn) {
        Course c = courses.find(courseId).orElseThrow(() -> new NotFoundException("course " + courseId));
        OrgUnit owner = org.managedUnit(officer, c.ownerUnitId());
        if (!c.status().equals("PUBLISHED")) {
            throw new Refusal("training.error.notPublished");
        }
        if (dueOn != null && dueOn.isBefore(now().toLocalDate())) {
            throw new Refusal("training.error.dueInPast");
        }
        Set<Long> reachable = org.manageableUnitIds(officer).orElse(null);
        int added = 0;
        for (long employeeId : employeeIds) {
            EmployeeSummary e = org.employee(employeeId).orElseThrow(() -> new NotFoundException("employee " + employeeId));
            if (reachable != null && !reachable.contains(e.unitId())) {
                throw new NotFoundException("employee " + employeeId);
            }
            boolean fresh = courses.openEnrolment(courseId, employeeId).isEmpty();
            long enrolment = courses.enrol(courseId, employeeId, "ASSIGNED", officer.accountId(), dueOn);
            if (fresh) {
                added++;
                snapshots.enrolmentChanged(enrolment);
                String link = "/training/courses/" + courseId;
                events.publishEvent(NotificationRequested.toEmployee(employeeId, dueOn == null
                        ? Message.of(NoticeKind.TRAINING, "training.course-assigned", link, c.title())
                        : Message.of(NoticeKind.TRAINING, "training.course-assigned-due", link, c.title(), dueOn)));
            }
        }
        audit.record(officer, "training.course.assign", "training_course", courseId, owner.id(), c.title(), Map.of(),
                Map.of("people", employeeIds.size(), "newlyEnrolled", added, "dueOn", String.valueOf(dueOn)));
        return added;
    }

    /**
     * Records progress in a lesson of the viewer's open enrolment. Text and PDF lessons complete when the page
     * reports the end reached; a video when {@link #WATCHED_SHARE} of its length has been watched (each report
     * adds at most {@link #MAX_WATCHED_PER_REPORT} seconds, so jumping to the end does not count) or, when its
     * length is unknown, when it ended. Completing the last lesson completes the course.
     *
     * @return whether the course is now completed
     */
    @Transactional
    public boolean recordProgress(Viewer viewer, long courseId, long lessonId, int positionS, int watchedS,
                                  boolean reachedEnd) {
        if (viewer.employeeId() == null) {
            throw new NotFoundException("course " + courseId);
        }
        Enrolment enrolment = courses.openEnrolment(courseId, viewer.employeeId())
                .orElseThrow(() -> new Refusal("training.error.notEnrolled"));
        Lesson lesson = courses.lesson(lessonId).filter(l -> l.courseId() == courseId)
                .orElseThrow(() -> new NotFoundException("lesson " + lessonId));
        int added = Math.max(0, Math.min(watchedS, MAX_WATCHED_PER_REPORT));
        OffsetDateTime now = now();
        boolean done;
        Courses.Progress before = courses.progress(enrolment.id()).stream().filter(p -> p.lessonId() == lessonId)
                .findFirst().orElse(new Courses.Progress(lessonId, 0, 0, null));
        if (lesson.kind().equals("LIVE")) {
            done = false; // only attending the session completes it (LiveLessons), never a page's report
        } else if (lesson.kind().equals("VIDEO")) {
            int watched = before.watchedS() + added;
            done = lesson.durationS() != null && lesson.durationS() > 0
                    ? watched >= Math.ceil(lesson.durationS() * WATCHED_SHARE)
                    : reachedEnd;
        } else {
            done = reachedEnd;
        }
        courses.record(enrolment.id(), lessonId, Math.max(0, positionS), added, done, now);
        return completeIfDone(enrolment, now);
    }

    /**
     * The person attended the live session that is {@code lesson}: the lesson is completed in their open enrolment
     * (one is opened, as if they enrolled themselves, when they have none and have not completed the course
     * before, and the course is published), and the course with it when it was the last one missing.
     *
     * @return whether a lesson was completed
     */
    @Transactional
    public boolean attendedLive(long employeeId, Lesson lesson) {
        Course c = courses.find(lesson.courseId()).orElseThrow();
        Optional<Enrolment> open = courses.openEnrolment(c.id(), employeeId);
        if (open.isEmpty()) {
            boolean completedBefore = courses.latestEnrolment(c.id(), employeeId).isPresent();
            if (completedBefore || !c.status().equals("PUBLISHED")) {
                return false;
            }
            snapshots.enrolmentChanged(courses.enrol(c.id(), employeeId, "SELF", null, null));
            open = courses.openEnrolment(c.id(), employeeId);
        }
        OffsetDateTime now = now();
        courses.record(open.orElseThrow().id(), lesson.id(), 0, 0, true, now);
        completeIfDone(open.orElseThrow(), now);
        return true;
    }

    /** Completes the open enrolments of a course that now lack nothing (after a lesson was taken out of it). */
    @Transactional
    public int completeWhereDone(long courseId) {
        OffsetDateTime now = now();
        int n = 0;
        for (Enrolment e : courses.openEnrolments(courseId)) {
            if (!courses.progress(e.id()).isEmpty() && completeIfDone(e, now)) {
                n++;
            }
        }
        return n;
    }

    private boolean completeIfDone(Enrolment enrolment, OffsetDateTime now) {
        List<Lesson> lessons = courses.lessons(enrolment.courseId());
        Set<Long> completed = courses.progress(enrolment.id()).stream().filter(p -> p.completedAt() != null)
                .map(Courses.Progress::lessonId).collect(Collectors.toSet());
        if (lessons.isEmpty() || !lessons.stream().allMatch(l -> completed.contains(l.id()))) {
            return false;
        }
        if (!courses.complete(enrolment.id(), now)) {
            return true;
        }
        snapshots.enrolmentChanged(enrolment.id());
        Course c = courses.find(enrolment.courseId()).orElseThrow();
        if (c.certificateMonths() != null) {
            String name = org.employee(enrolment.employeeId()).map(EmployeeSummary::name).orElse("");
            certificates.issue(enrolment.employeeId(), name, c.id(), null, c.title(), now, c.certificateMonths());
        }
        events.publishEvent(new CourseCompleted(enrolment.id(), c.id(), enrolment.employeeId()));
        return true;
    }

    private List<Long> pathOf(long employeeId) {
        return org.employee(employeeId).flatMap(e -> org.unit(e.unitId())).map(OrgUnit::pathIds).orElse(List.of());
    }
}
