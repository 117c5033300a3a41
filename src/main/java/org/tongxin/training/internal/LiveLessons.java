package org.tongxin.training.internal;

import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.tongxin.live.LiveAttended;
import org.tongxin.live.LiveCancelled;
import org.tongxin.live.LiveScheduled;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Viewer;

/**
 * Live sessions as lessons of a course. A session scheduled to count toward a course becomes that course's last
 * lesson (kind LIVE); attending it — watching the session's share, live and replay together — completes the lesson
 * for that person, and the course when nothing else is missing; a cancelled session's lesson is taken out again.
 * Each listener runs after live's transaction commits, in its own, and may run again (the event publication
 * registry resubmits what failed): each step is idempotent.
 */
@Service
class LiveLessons {

    private static final Logger log = LoggerFactory.getLogger(LiveLessons.class);
    private static final Viewer LIVE = Viewer.system("直播 live");

    private final Courses courses;
    private final CourseService service;
    private final AuditTrail audit;

    LiveLessons(Courses courses, CourseService service, AuditTrail audit) {
        this.courses = courses;
        this.service = service;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(LiveScheduled scheduled) {
        if (scheduled.courseId() == null) {
            return;
        }
        Optional<Courses.Course> course = courses.find(scheduled.courseId())
                .filter(c -> !c.status().equals("ARCHIVED"));
        if (course.isEmpty()) {
            log.warn("Live session {} counts toward course {}, which is archived or gone: no lesson added",
                    scheduled.sessionId(), scheduled.courseId());
            return;
        }
        String title = "直播：" + scheduled.title();
        title = title.length() > 100 ? title.substring(0, 99) + "…" : title;
        Optional<Long> id = courses.addLiveLesson(course.get().id(), title, scheduled.sessionId());
        if (id.isPresent()) {
            audit.record(LIVE, "training.lesson.addLive", "training_lesson", id.get(), course.get().ownerUnitId(),
                    title, Map.of(), Map.of("course", course.get().title(), "liveSession", scheduled.sessionId()));
        }
    }

    @ApplicationModuleListener
    void on(LiveCancelled cancelled) {
        courses.liveLesson(cancelled.sessionId()).ifPresent(lesson -> {
            if (courses.removeUntouchedLesson(lesson)) {
                Courses.Course c = courses.find(lesson.courseId()).orElseThrow();
                audit.record(LIVE, "training.lesson.removeLive", "training_lesson", lesson.id(), c.ownerUnitId(),
                        lesson.title(), Map.of("course", c.title(), "liveSession", cancelled.sessionId()), Map.of());
                service.completeWhereDone(c.id());
            }
        });
    }

    @ApplicationModuleListener
    void on(LiveAttended attended) {
        if (attended.courseId() == null) {
            return;
        }
        courses.liveLesson(attended.sessionId())
                .ifPresentOrElse(lesson -> service.attendedLive(attended.employeeId(), lesson),
                        () -> log.warn("Live session {} was attended but is no lesson of course {}",
                                attended.sessionId(), attended.courseId()));
    }
}
