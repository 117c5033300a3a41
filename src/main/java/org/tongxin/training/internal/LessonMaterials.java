package org.tongxin.training.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.files.VideoProbe;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.training.internal.Courses.Course;
import org.tongxin.training.internal.Courses.Lesson;

/**
 * What lessons are made of: plain text with uploaded pictures, a PDF, or an MP4 video whose length and poster
 * frame are read with ffprobe/ffmpeg when installed; the order of a course's lessons; and who may fetch a lesson's
 * files (people enrolled in the course, and the officers who run it).
 */
@Service
public class LessonMaterials {

    /** Most pictures one text lesson may carry, and the size of each. */
    public static final int MAX_PICTURES = 10;
    public static final int PICTURE_BYTES = 5 * 1024 * 1024;
    private static final int POSTER_BYTES = 2 * 1024 * 1024;
    private static final String FOLDER = "training";

    /** A picture of a text lesson, numbered from 1 in upload order. */
    public record Picture(int number, String imageKey) {
    }

    private final TrainingAdmin admin;
    private final Courses courses;
    private final FileStore files;
    private final VideoProbe videos;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final long pdfBytes;
    private final long videoBytes;

    LessonMaterials(TrainingAdmin admin, Courses courses, FileStore files, VideoProbe videos, OrgDirectory org,
                    AuditTrail audit, JdbcClient jdbc, TransactionTemplate tx,
                    @Value("${tongxin.training.pdf-max-mb:20}") long pdfMaxMb,
                    @Value("${tongxin.training.video-max-mb:60}") long videoMaxMb) {
        this.admin = admin;
        this.courses = courses;
        this.files = files;
        this.videos = videos;
        this.org = org;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.pdfBytes = pdfMaxMb * 1024 * 1024;
        this.videoBytes = videoMaxMb * 1024 * 1024;
    }

    public long pdfMaxMb() {
        return pdfBytes / 1024 / 1024;
    }

    public long videoMaxMb() {
        return videoBytes / 1024 / 1024;
    }

    /** Whether video lengths and posters can be read here (ffprobe installed). */
    public boolean probesVideos() {
        return videos.available();
    }

    /** Adds a text lesson with its pictures (JPEG, PNG or WebP), all checked before anything is kept. */
    public long addText(Viewer officer, long courseId, String title, String body, List<byte[]> pictures) {
        admin.managedCourse(officer, courseId);
        if (body != null && body.length() > 100_000) {
            throw new Refusal("training.error.textTooLong");
        }
        if (pictures.size() > MAX_PICTURES) {
            throw new Refusal("training.error.tooManyPictures");
        }
        pictures.forEach(p -> files.imageType(p, PICTURE_BYTES));
        return tx.execute(s -> {
            long id = admin.addLesson(officer, courseId, title, "TEXT", body == null ? null : body.strip(), null, null,
                    null);
            for (int i = 0; i < pictures.size(); i++) {
                jdbc.sql("INSERT INTO training_lesson_picture (lesson_id, number, image_key) VALUES (?, ?, ?)")
                        .params(id, i + 1, files.storeImage(FOLDER, pictures.get(i), PICTURE_BYTES)).update();
            }
            return id;
        });
    }

    /** Adds a PDF lesson from an upload spooled to disk; its type is told from its bytes, not its name. */
    public long addPdf(Viewer officer, long courseId, String title, Path upload) {
        admin.managedCourse(officer, courseId);
        files.checkMedia(upload, FileStore.MediaKind.PDF, pdfBytes);
        return tx.execute(s -> admin.addLesson(officer, courseId, title, "PDF", "",
                files.storeMedia(FOLDER, upload, FileStore.MediaKind.PDF, pdfBytes), null, null));
    }

    /**
     * Adds an MP4 video lesson from an upload spooled to disk: checked to be MP4 within the size limit, then (with
     * ffprobe) to hold H.264 video, whose length and a poster frame are kept.
     */
    public long addVideo(Viewer officer, long courseId, String title, Path upload) {
        admin.managedCourse(officer, courseId);
        files.checkMedia(upload, FileStore.MediaKind.MP4, videoBytes);
        VideoProbe.Probe probe = videos.probe(upload);
        return tx.execute(s -> {
            String key = files.storeMedia(FOLDER, upload, FileStore.MediaKind.MP4, videoBytes);
            String poster = probe.poster() == null ? null : files.storeImage(FOLDER, probe.poster(), POSTER_BYTES);
            return admin.addLesson(officer, courseId, title, "VIDEO", "", key, poster, probe.durationS());
        });
    }

    /** Moves a lesson one place up ({@code -1}) or down ({@code +1}) in its course. */
    public void move(Viewer officer, long courseId, long lessonId, int by) {
        Course c = admin.managedCourse(officer, courseId);
        tx.executeWithoutResult(s -> {
            List<Long> order = new ArrayList<>(courses.lessons(courseId).stream().map(Lesson::id).toList());
            int from = order.indexOf(lessonId);
            if (from < 0) {
                throw new NotFoundException("lesson " + lessonId);
            }
            int to = Math.max(0, Math.min(order.size() - 1, from + Integer.signum(by)));
            if (to == from) {
                return;
            }
            order.add(to, order.remove(from));
            courses.reorder(courseId, order);
            audit.record(officer, "training.lesson.move", "training_lesson", lessonId, c.ownerUnitId(),
                    courses.lesson(lessonId).orElseThrow().title(), Map.of("position", from + 1),
                    Map.of("position", to + 1));
        });
    }

    public List<Picture> pictures(long lessonId) {
        return jdbc.sql("SELECT number, image_key FROM training_lesson_picture WHERE lesson_id = ? ORDER BY number")
                .param(lessonId).query((rs, i) -> new Picture(rs.getInt(1), rs.getString(2))).list();
    }

    /** The lesson of the course when the viewer may read its material: enrolled (now or before) or running it. */
    public Lesson forReader(Viewer viewer, long courseId, long lessonId) {
        Course c = courses.find(courseId).orElseThrow(() -> new NotFoundException("course " + courseId));
        Lesson lesson = courses.lesson(lessonId).filter(l -> l.courseId() == courseId)
                .orElseThrow(() -> new NotFoundException("lesson " + lessonId));
        boolean enrolled = viewer.employeeId() != null
                && courses.latestEnrolment(courseId, viewer.employeeId()).isPresent();
        if (enrolled || runs(viewer, c)) {
            return lesson;
        }
        throw new NotFoundException("lesson " + lessonId);
    }

    /** Whether the viewer manages the unit that owns the course. */
    public boolean runs(Viewer viewer, Course c) {
        return viewer.isOfficerOrAbove()
                && viewer.manages(org.unit(c.ownerUnitId()).map(OrgUnit::pathIds).orElse(List.of()));
    }

    /** The file of a PDF or video lesson as stored. */
    public Optional<FileStore.Media> file(Lesson lesson) {
        return files.media(lesson.fileKey());
    }
}
