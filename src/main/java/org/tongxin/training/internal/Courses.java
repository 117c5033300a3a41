package org.tongxin.training.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Courses, lessons, enrolments and progress. */
@Repository
public class Courses {

    /** A course. */
    public record Course(long id, String title, String summary, String audience, Long audienceUnitId, long ownerUnitId,
                         String status, Integer certificateMonths, String coverKey) {
    }

    /** What an officer sets for a course. */
    public record Draft(String title, String summary, String audience, Long audienceUnitId, long ownerUnitId,
                        Integer certificateMonths) {
    }

    /**
     * A lesson: TEXT (body), PDF or VIDEO (file_key; a video's length in seconds), or LIVE (a live session, completed
     * by attending it: {@code liveSessionId}).
     */
    public record Lesson(long id, long courseId, int position, String title, String kind, String body, String fileKey,
                         String posterKey, Integer durationS, Long liveSessionId) {
    }

    /** A person's enrolment. */
    public record Enrolment(long id, long courseId, long employeeId, String source, LocalDate dueOn,
                            OffsetDateTime enrolledAt, OffsetDateTime completedAt, Long lastLessonId) {
    }

    /** Where a person is in a lesson. */
    public record Progress(long lessonId, int positionS, int watchedS, OffsetDateTime completedAt) {
    }

    private static final String COURSE = "SELECT id, title, summary, audience, audience_unit_id, owner_unit_id, status, "
            + "certificate_months, cover_key FROM training_course";
    private static final RowMapper<Course> COURSE_MAPPER = (rs, i) -> new Course(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getObject(5, Long.class), rs.getLong(6), rs.getString(7),
            rs.getObject(8, Integer.class), rs.getString(9));
    private static final String LESSON = "SELECT id, course_id, position, title, kind, body, file_key, poster_key, "
            + "duration_s, live_session_id FROM training_lesson";
    private static final RowMapper<Lesson> LESSON_MAPPER = (rs, i) -> new Lesson(rs.getLong(1), rs.getLong(2),
            rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getObject(9, Integer.class), rs.getObject(10, Long.class));
    private static final String ENROLMENT = "SELECT id, course_id, employee_id, source, due_on, enrolled_at, "
            + "completed_at, last_lesson_id FROM training_enrolment";
    private static final RowMapper<Enrolment> ENROLMENT_MAPPER = (rs, i) -> new Enrolment(rs.getLong(1),
            rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getObject(5, LocalDate.class),
            rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
            rs.getObject(8, Long.class));

    private final JdbcClient jdbc;

    Courses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Draft d, long createdBy) {
        return jdbc.sql("""
                        INSERT INTO training_course (title, summary, audience, audience_unit_id, owner_unit_id, status,
                          certificate_months, created_by)
                        VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, ?) RETURNING id""")
                .params(d.title(), d.summary(), d.audience(), d.audienceUnitId(), d.ownerUnitId(),
                        d.certificateMonths(), createdBy)
                .query(Long.class).single();
    }

    public void update(long id, Draft d) {
        jdbc.sql("""
                        UPDATE training_course SET title = ?, summary = ?, audience = ?, audience_unit_id = ?,
                          certificate_months = ? WHERE id = ?""")
                .params(d.title(), d.summary(), d.audience(), d.audienceUnitId(), d.certificateMonths(), id).update();
    }

    public void setStatus(long id, String status) {
        jdbc.sql("UPDATE training_course SET status = ? WHERE id = ?").params(status, id).update();
    }

    public void setCover(long id, String coverKey) {
        jdbc.sql("UPDATE training_course SET cover_key = ? WHERE id = ?").params(coverKey, id).update();
    }

    public Optional<Course> find(long id) {
        return jdbc.sql(COURSE + " WHERE id = ?").param(id).query(COURSE_MAPPER).optional();
    }

    /** Published courses an employee of the given unit path may see (their subtree's, officers' if an officer, or listed). */
    public List<Course> openTo(long employeeId, List<Long> pathIds, boolean officer) {
        return jdbc.sql(COURSE + """
                         WHERE status = 'PUBLISHED' AND (
                          (audience = 'EMPLOYEES' AND audience_unit_id = ANY(?::bigint[]))
                          OR (audience = 'OFFICERS' AND ? AND audience_unit_id = ANY(?::bigint[]))
                          OR (audience = 'LIST' AND EXISTS (SELECT 1 FROM training_course_invitee i
                                WHERE i.course_id = training_course.id AND i.employee_id = ?)))
                        ORDER BY id DESC""")
                .params(pathIds.toArray(Long[]::new), officer, pathIds.toArray(Long[]::new), employeeId)
                .query(COURSE_MAPPER).list();
    }

    public List<Course> ofUnits(java.util.Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COURSE + " WHERE owner_unit_id IN (:ids) ORDER BY id DESC").param("ids", unitIds)
                .query(COURSE_MAPPER).list();
    }

    public List<Course> all() {
        return jdbc.sql(COURSE + " ORDER BY id DESC").query(COURSE_MAPPER).list();
    }

    public void invite(long courseId, List<Long> employeeIds) {
        for (long e : employeeIds) {
            jdbc.sql("INSERT INTO training_course_invitee (course_id, employee_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(courseId, e).update();
        }
    }

    public List<Lesson> lessons(long courseId) {
        return jdbc.sql(LESSON + " WHERE course_id = ? ORDER BY position").param(courseId).query(LESSON_MAPPER).list();
    }

    public Optional<Lesson> lesson(long id) {
        return jdbc.sql(LESSON + " WHERE id = ?").param(id).query(LESSON_MAPPER).optional();
    }

    public long addLesson(long courseId, String title, String kind, String body, String fileKey, String posterKey,
                          Integer durationS) {
        return jdbc.sql("""
                        INSERT INTO training_lesson (course_id, position, title, kind, body, file_key, poster_key, duration_s)
                        VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM training_lesson WHERE course_id = ?),
                          ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(courseId, courseId, title, kind, body == null ? "" : body, fileKey, posterKey, durationS)
                .query(Long.class).single();
    }

    /** The lesson that is this live session, if a course has it. */
    public Optional<Lesson> liveLesson(long sessionId) {
        return jdbc.sql(LESSON + " WHERE live_session_id = ?").param(sessionId).query(LESSON_MAPPER).optional();
    }

    /** Adds a live session as the last lesson of a course, unless some course has it already; the new id or empty. */
    public Optional<Long> addLiveLesson(long courseId, String title, long sessionId) {
        return jdbc.sql("""
                        INSERT INTO training_lesson (course_id, position, title, kind, live_session_id)
                        VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM training_lesson WHERE course_id = ?),
                          ?, 'LIVE', ?)
                        ON CONFLICT (live_session_id) WHERE live_session_id IS NOT NULL DO NOTHING RETURNING id""")
                .params(courseId, courseId, title, sessionId).query(Long.class).optional();
    }

    /**
     * Removes a lesson nobody has progress in, closing the gap in the positions; false (nothing removed) when
     * someone has.
     */
    public boolean removeUntouchedLesson(Lesson lesson) {
        long touched = jdbc.sql("SELECT count(*) FROM training_progress WHERE lesson_id = ?").param(lesson.id())
                .query(Long.class).single();
        if (touched > 0) {
            return false;
        }
        jdbc.sql("UPDATE training_enrolment SET last_lesson_id = NULL WHERE last_lesson_id = ?").param(lesson.id())
                .update();
        jdbc.sql("DELETE FROM training_lesson WHERE id = ?").param(lesson.id()).update();
        jdbc.sql("UPDATE training_lesson SET position = position - 1 WHERE course_id = ? AND position > ?")
                .params(lesson.courseId(), lesson.position()).update();
        return true;
    }

    /** Open enrolments of a course. */
    public List<Enrolment> openEnrolments(long courseId) {
        return jdbc.sql(ENROLMENT + " WHERE course_id = ? AND completed_at IS NULL").param(courseId)
                .query(ENROLMENT_MAPPER).list();
    }

    /** Puts the course's lessons in the order given (positions checked at commit). */
    public void reorder(long courseId, List<Long> lessonIds) {
        for (int i = 0; i < lessonIds.size(); i++) {
            jdbc.sql("UPDATE training_lesson SET position = ? WHERE id = ? AND course_id = ?")
                    .params(i + 1, lessonIds.get(i), courseId).update();
        }
    }

    public Optional<Enrolment> enrolment(long id) {
        return jdbc.sql(ENROLMENT + " WHERE id = ?").param(id).query(ENROLMENT_MAPPER).optional();
    }

    public Optional<Enrolment> openEnrolment(long courseId, long employeeId) {
        return jdbc.sql(ENROLMENT + " WHERE course_id = ? AND employee_id = ? AND completed_at IS NULL")
                .params(courseId, employeeId).query(ENROLMENT_MAPPER).optional();
    }

    public Optional<Enrolment> latestEnrolment(long courseId, long employeeId) {
        return jdbc.sql(ENROLMENT + " WHERE course_id = ? AND employee_id = ? ORDER BY enrolled_at DESC, id DESC LIMIT 1")
                .params(courseId, employeeId).query(ENROLMENT_MAPPER).optional();
    }

    public List<Enrolment> enrolmentsOf(long employeeId) {
        return jdbc.sql(ENROLMENT + " WHERE employee_id = ? ORDER BY completed_at IS NULL DESC, enrolled_at DESC")
                .param(employeeId).query(ENROLMENT_MAPPER).list();
    }

    /** Enrols unless an open enrolment exists; returns the open enrolment either way. */
    public long enrol(long courseId, long employeeId, String source, Long assignedBy, LocalDate dueOn) {
        List<Long> ids = jdbc.sql("""
                        INSERT INTO training_enrolment (course_id, employee_id, source, assigned_by, due_on)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (course_id, employee_id) WHERE completed_at IS NULL DO NOTHING RETURNING id""")
                .params(courseId, employeeId, source, assignedBy, dueOn).query(Long.class).list();
        return ids.isEmpty() ? openEnrolment(courseId, employeeId).orElseThrow().id() : ids.getFirst();
    }

    public List<Progress> progress(long enrolmentId) {
        return jdbc.sql("""
                        SELECT lesson_id, position_s, watched_s, completed_at FROM training_progress
                        WHERE enrolment_id = ?""")
                .param(enrolmentId)
                .query((rs, i) -> new Progress(rs.getLong(1), rs.getInt(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    /**
     * Records where the person is in a lesson: the position (for resuming), seconds watched added (capped by the
     * caller), and completion once reached; a completed lesson stays completed.
     */
    public Progress record(long enrolmentId, long lessonId, int positionS, int addWatchedS, boolean completed,
                           OffsetDateTime at) {
        jdbc.sql("UPDATE training_enrolment SET last_lesson_id = ? WHERE id = ?").params(lessonId, enrolmentId).update();
        return jdbc.sql("""
                        INSERT INTO training_progress (enrolment_id, lesson_id, position_s, watched_s, completed_at, updated_at)
                        VALUES (?, ?, ?, ?, CASE WHEN ? THEN CAST(? AS timestamptz) END, ?)
                        ON CONFLICT (enrolment_id, lesson_id) DO UPDATE SET position_s = EXCLUDED.position_s,
                          watched_s = training_progress.watched_s + EXCLUDED.watched_s,
                          completed_at = coalesce(training_progress.completed_at, EXCLUDED.completed_at),
                          updated_at = EXCLUDED.updated_at
                        RETURNING lesson_id, position_s, watched_s, completed_at""")
                .params(enrolmentId, lessonId, positionS, addWatchedS, completed, at, at)
                .query((rs, i) -> new Progress(rs.getLong(1), rs.getInt(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .single();
    }

    public void completeLessonAt(long enrolmentId, long lessonId, OffsetDateTime at) {
        jdbc.sql("""
                        UPDATE training_progress SET completed_at = ? WHERE enrolment_id = ? AND lesson_id = ?
                          AND completed_at IS NULL""")
                .params(at, enrolmentId, lessonId).update();
    }

    /** Marks the enrolment completed if it was not; true when this call completed it. */
    public boolean complete(long enrolmentId, OffsetDateTime at) {
        return jdbc.sql("UPDATE training_enrolment SET completed_at = ? WHERE id = ? AND completed_at IS NULL")
                .params(at, enrolmentId).update() == 1;
    }
}
