package org.tongxin.training.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.training.internal.Assessments;
import org.tongxin.training.internal.Certificates;
import org.tongxin.training.internal.CourseService;
import org.tongxin.training.internal.Courses;
import org.tongxin.training.internal.Courses.Course;
import org.tongxin.training.internal.Courses.Enrolment;
import org.tongxin.training.internal.Courses.Lesson;
import org.tongxin.training.internal.Courses.Progress;
import org.tongxin.training.internal.LessonMaterials;

/**
 * An employee's training: my courses with progress and due dates, courses open to enrol, my assessments and
 * certificates; a course's page; and lessons — text read to the end, a PDF read and confirmed, a video watched
 * (its position and the seconds really watched reported every few seconds, to resume where it was left).
 */
@Controller
class LearnController {

    private final CourseService service;
    private final Courses courses;
    private final LessonMaterials materials;
    private final Assessments assessments;
    private final Certificates certificates;
    private final FileStore files;
    private final MessageSource messages;

    LearnController(CourseService service, Courses courses, LessonMaterials materials, Assessments assessments,
                    Certificates certificates, FileStore files, MessageSource messages) {
        this.service = service;
        this.courses = courses;
        this.materials = materials;
        this.assessments = assessments;
        this.certificates = certificates;
        this.files = files;
        this.messages = messages;
    }

    /** A course as its learner sees it in a list: lessons done of all, due date, where to go on. */
    record MyCourse(Course course, Enrolment enrolment, int done, int total, String continueUrl) {

        public int percent() {
            return total == 0 ? 0 : done * 100 / total;
        }

        public boolean overdue() {
            return enrolment.completedAt() == null && enrolment.dueOn() != null
                    && enrolment.dueOn().isBefore(LocalDate.now());
        }
    }

    /** An assessment the employee is in, with where they stand. */
    record MyAssessment(Assessments.Assessment assessment, Assessments.Assessee standing) {
    }

    @GetMapping("/training")
    String home(Model model) {
        Viewer viewer = CurrentViewer.get();
        List<MyCourse> mine = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        if (viewer.employeeId() != null) {
            for (Enrolment e : courses.enrolmentsOf(viewer.employeeId())) {
                if (seen.add(e.courseId())) {
                    mine.add(myCourse(courses.find(e.courseId()).orElseThrow(), e));
                }
            }
        }
        model.addAttribute("mine", mine);
        model.addAttribute("available", service.available(viewer).stream().filter(c -> !seen.contains(c.id())).toList());
        model.addAttribute("assessments", viewer.employeeId() == null ? List.of()
                : assessments.ofEmployee(viewer.employeeId()).stream()
                .map(s -> new MyAssessment(assessments.find(s.assessmentId()).orElseThrow(), s)).toList());
        model.addAttribute("certificates", viewer.employeeId() == null ? List.of() : certificates.of(viewer.employeeId()));
        model.addAttribute("today", LocalDate.now());
        return "training/home";
    }

    private MyCourse myCourse(Course c, Enrolment e) {
        List<Lesson> lessons = courses.lessons(c.id());
        Map<Long, Progress> progress = progressOf(e);
        int done = (int) lessons.stream().filter(l -> completed(progress, l.id())).count();
        return new MyCourse(c, e, done, lessons.size(), continueUrl(c.id(), lessons, e, progress));
    }

    private Map<Long, Progress> progressOf(Enrolment e) {
        return e == null ? Map.of()
                : courses.progress(e.id()).stream().collect(Collectors.toMap(Progress::lessonId, Function.identity()));
    }

    private static boolean completed(Map<Long, Progress> progress, long lessonId) {
        Progress p = progress.get(lessonId);
        return p != null && p.completedAt() != null;
    }

    /** Where to go on: the lesson last opened if not finished, else the first lesson not completed, else the first. */
    private static String continueUrl(long courseId, List<Lesson> lessons, Enrolment e, Map<Long, Progress> progress) {
        if (lessons.isEmpty()) {
            return "/training/courses/" + courseId;
        }
        Optional<Lesson> next = Optional.empty();
        if (e != null && e.lastLessonId() != null && !completed(progress, e.lastLessonId())) {
            next = lessons.stream().filter(l -> l.id() == e.lastLessonId()).findFirst();
        }
        if (next.isEmpty()) {
            next = lessons.stream().filter(l -> !completed(progress, l.id())).findFirst();
        }
        return "/training/courses/" + courseId + "/lessons/" + next.orElse(lessons.getFirst()).id();
    }

    @GetMapping("/training/courses/{courseId}")
    String course(@PathVariable long courseId, Model model) {
        Viewer viewer = CurrentViewer.get();
        Course c = service.readable(viewer, courseId);
        List<Lesson> lessons = courses.lessons(courseId);
        Enrolment enrolment = viewer.employeeId() == null ? null
                : courses.latestEnrolment(courseId, viewer.employeeId()).orElse(null);
        Map<Long, Progress> progress = progressOf(enrolment);
        model.addAttribute("course", c);
        model.addAttribute("lessons", lessons);
        model.addAttribute("enrolment", enrolment);
        model.addAttribute("my", enrolment == null ? null : myCourse(c, enrolment));
        model.addAttribute("completedIds", progress.values().stream().filter(p -> p.completedAt() != null)
                .map(Progress::lessonId).collect(Collectors.toSet()));
        model.addAttribute("canEnrol", enrolment == null && service.openTo(viewer, c) && !lessons.isEmpty());
        model.addAttribute("canRead", enrolment != null || materials.runs(viewer, c));
        model.addAttribute("runs", materials.runs(viewer, c));
        model.addAttribute("certificate", viewer.employeeId() == null ? null : certificates.of(viewer.employeeId())
                .stream().filter(x -> Long.valueOf(courseId).equals(x.courseId()) && x.revokedAt() == null)
                .findFirst().orElse(null));
        return "training/course";
    }

    @PostMapping("/training/courses/{courseId}/enrol")
    String enrol(@PathVariable long courseId, RedirectAttributes redirect) {
        try {
            service.enrolSelf(CurrentViewer.get(), courseId);
            redirect.addFlashAttribute("flash", "training.enrolled");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/training/courses/" + courseId;
    }

    /** A lesson's text as paragraphs and pictures, for the page. */
    @GetMapping("/training/courses/{courseId}/lessons/{lessonId}")
    String lesson(@PathVariable long courseId, @PathVariable long lessonId, Model model) {
        Viewer viewer = CurrentViewer.get();
        Lesson lesson = materials.forReader(viewer, courseId, lessonId);
        Course c = courses.find(courseId).orElseThrow();
        List<Lesson> lessons = courses.lessons(courseId);
        Enrolment open = viewer.employeeId() == null ? null
                : courses.openEnrolment(courseId, viewer.employeeId()).orElse(null);
        Enrolment latest = open != null ? open : viewer.employeeId() == null ? null
                : courses.latestEnrolment(courseId, viewer.employeeId()).orElse(null);
        Progress progress = progressOf(latest).get(lessonId);
        int index = lessons.indexOf(lesson);
        model.addAttribute("course", c);
        model.addAttribute("lesson", lesson);
        model.addAttribute("number", index + 1);
        model.addAttribute("count", lessons.size());
        model.addAttribute("previous", index > 0 ? lessons.get(index - 1) : null);
        model.addAttribute("next", index + 1 < lessons.size() ? lessons.get(index + 1) : null);
        model.addAttribute("tracking", open != null);
        model.addAttribute("completed", progress != null && progress.completedAt() != null);
        model.addAttribute("positionS", progress == null ? 0 : progress.positionS());
        if (lesson.kind().equals("TEXT")) {
            model.addAttribute("blocks", LessonText.blocks(lesson.body(), materials.pictures(lessonId)));
        }
        return "training/lesson";
    }

    /** Progress reported by the lesson page's script; answers what is now completed. */
    @PostMapping(path = "/training/courses/{courseId}/lessons/{lessonId}/progress",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> progress(@PathVariable long courseId, @PathVariable long lessonId,
                                                 @RequestParam(defaultValue = "0") int positionS,
                                                 @RequestParam(defaultValue = "0") int watchedS,
                                                 @RequestParam(defaultValue = "false") boolean end, Locale locale) {
        Viewer viewer = CurrentViewer.get();
        try {
            boolean courseDone = service.recordProgress(viewer, courseId, lessonId, positionS, watchedS, end);
            return ResponseEntity.ok(Map.of("lessonCompleted", lessonCompleted(viewer, courseId, lessonId, courseDone),
                    "courseCompleted", courseDone));
        } catch (Refusal e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error",
                    messages.getMessage(e.messageKey(), null, e.messageKey(), locale)));
        }
    }

    private boolean lessonCompleted(Viewer viewer, long courseId, long lessonId, boolean courseDone) {
        return courseDone || courses.openEnrolment(courseId, viewer.employeeId())
                .map(e -> completed(progressOf(e), lessonId)).orElse(false);
    }

    /** "I have read it" at the end of a text or PDF lesson, without script: on to the next lesson. */
    @PostMapping("/training/courses/{courseId}/lessons/{lessonId}/done")
    String done(@PathVariable long courseId, @PathVariable long lessonId, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        Lesson lesson = materials.forReader(viewer, courseId, lessonId);
        try {
            if (lesson.kind().equals("VIDEO")) {
                throw new Refusal("training.error.watchTheVideo");
            }
            if (lesson.kind().equals("LIVE")) {
                throw new Refusal("training.error.attendTheLive");
            }
            boolean courseDone = service.recordProgress(viewer, courseId, lessonId, 0, 0, true);
            if (courseDone) {
                redirect.addFlashAttribute("flash", "training.courseDone");
                return "redirect:/training/courses/" + courseId;
            }
            redirect.addFlashAttribute("flash", "training.lessonDone");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/training/courses/" + courseId + "/lessons/" + lessonId;
        }
        List<Lesson> lessons = courses.lessons(courseId);
        int index = lessons.indexOf(lesson);
        return index + 1 < lessons.size()
                ? "redirect:/training/courses/" + courseId + "/lessons/" + lessons.get(index + 1).id()
                : "redirect:/training/courses/" + courseId;
    }

    /**
     * The PDF or video of a lesson, inline, to people enrolled and the officers running the course. Answered from
     * a file resource, so a Range header gets 206 with that part: phones seek in a video that way.
     */
    @GetMapping("/training/courses/{courseId}/lessons/{lessonId}/file")
    ResponseEntity<Resource> file(@PathVariable long courseId, @PathVariable long lessonId) {
        Lesson lesson = materials.forReader(CurrentViewer.get(), courseId, lessonId);
        FileStore.Media media = materials.file(lesson).orElseThrow(() -> new NotFoundException("lesson file"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(media.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(lesson.title() + (lesson.kind().equals("PDF") ? ".pdf" : ".mp4"),
                                StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(new FileSystemResource(media.file()));
    }

    @GetMapping("/training/courses/{courseId}/lessons/{lessonId}/poster")
    ResponseEntity<byte[]> poster(@PathVariable long courseId, @PathVariable long lessonId) {
        Lesson lesson = materials.forReader(CurrentViewer.get(), courseId, lessonId);
        FileStore.Image image = files.readImage(lesson.posterKey()).orElseThrow(() -> new NotFoundException("poster"));
        return image(image);
    }

    @GetMapping("/training/courses/{courseId}/lessons/{lessonId}/pictures/{number}")
    ResponseEntity<byte[]> picture(@PathVariable long courseId, @PathVariable long lessonId, @PathVariable int number) {
        materials.forReader(CurrentViewer.get(), courseId, lessonId);
        String key = materials.pictures(lessonId).stream().filter(p -> p.number() == number).findFirst()
                .map(LessonMaterials.Picture::imageKey).orElseThrow(() -> new NotFoundException("picture " + number));
        return image(files.readImage(key).orElseThrow(() -> new NotFoundException("picture " + number)));
    }

    private static ResponseEntity<byte[]> image(FileStore.Image image) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.mediaType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).body(image.content());
    }
}
