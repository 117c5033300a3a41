package org.tongxin.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.support.Pictures;
import org.tongxin.training.internal.CourseReminders;
import org.tongxin.training.internal.Courses;
import org.tongxin.training.internal.LessonMaterials;
import org.tongxin.training.internal.TrainingAdmin;
import org.tongxin.shared.files.VideoProbe;

/**
 * The course pages: an officer builds a course of text, PDF and video lessons from real files, orders and
 * publishes it and assigns it with a due date (reminded once); an employee enrols, reads, watches and completes it.
 */
class CoursePagesTests extends IntegrationTestSupport {

    @Autowired
    TrainingAdmin admin;
    @Autowired
    LessonMaterials materials;
    @Autowired
    CourseReminders reminders;
    @Autowired
    VideoProbe probe;
    @Autowired
    Courses courses;

    Fixtures.UnitWithDepartment unit;
    Viewer officer;
    List<Viewer> people = new ArrayList<>();
    List<String> numbers = new ArrayList<>();

    @BeforeEach
    void aUnitWithPeople() {
        unit = fixtures.grassroots("课程测试工会");
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "courses.csv", rows);
        people.clear();
        numbers.clear();
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            people.add(Fixtures.employee(fixtures.accountId(id), id));
            numbers.add(r.employeeNo());
        }
        officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
    }

    private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private String page(String url, Viewer viewer) throws Exception {
        MockHttpServletResponse response = perform(get(url).with(as(viewer)));
        assertThat(response.getStatus()).as("GET %s", url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** Posts a multipart form and answers the flash message (or refusal) it leaves on the next page. */
    private String upload(MockMultipartHttpServletRequestBuilder request) throws Exception {
        var result = mvc.perform(request.with(csrf()).with(as(officer))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        Object error = result.getFlashMap().get("flashError");
        return error != null ? "refused " + error : String.valueOf(result.getFlashMap().get("flash"));
    }

    private static byte[] resource(String name) throws IOException {
        return new ClassPathResource("training/" + name).getContentAsByteArray();
    }

    /** A three-second H.264 clip: made with ffmpeg when it is installed, else the committed fixture. */
    private static byte[] clip(String codec) throws Exception {
        if (!ffmpegInstalled()) {
            return resource("clip.mp4");
        }
        Path out = Files.createTempFile("clip", ".mp4");
        try {
            Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc=duration=3:size=96x64:rate=5", "-c:v", codec, "-pix_fmt", "yuv420p", out.toString())
                    .redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static boolean ffmpegInstalled() {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private long newCourse(String title, Integer months) throws Exception {
        var result = mvc.perform(post("/training-admin/courses").with(csrf()).with(as(officer))
                .param("title", title).param("summary", "写给站里的同事")
                .param("ownerUnitId", Long.toString(unit.unit().id())).param("audience", "EMPLOYEES")
                .param("audienceUnitId", Long.toString(unit.unit().id()))
                .param("certificateMonths", months == null ? "" : months.toString())).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/training-admin/courses/");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private long lessonCount(long courseId) {
        return jdbc.sql("SELECT count(*) FROM training_lesson WHERE course_id = ?").param(courseId).query(Long.class)
                .single();
    }

    @Test
    void anOfficerBuildsACourseOfTextPdfAndVideoLessonsOrdersAndPublishesIt() throws Exception {
        long course = newCourse("网络安全入门", 12);
        assertThat(page("/training-admin/courses", officer)).contains("网络安全入门");
        String base = "/training-admin/courses/" + course + "/lessons/";

        assertThat(upload(multipart(base + "text").file(new MockMultipartFile("pictures", "图.png", "image/png",
                Pictures.picture(64, 48, "png"))).param("title", "密码的学问")
                .param("body", "第一段：密码要长。\n\n[图1]\n\n第二段：<b>不要</b>重复使用。"))).isEqualTo("training.lessonAdded");
        assertThat(upload(multipart(base + "pdf").file(new MockMultipartFile("file", "手册.pdf", "application/pdf",
                resource("lesson.pdf"))).param("title", "安全手册"))).isEqualTo("training.lessonAdded");
        byte[] video = clip("libx264");
        assertThat(upload(multipart(base + "video").file(new MockMultipartFile("file", "课.mp4", "video/mp4", video))
                .param("title", "钓鱼邮件"))).isEqualTo("training.lessonAdded");

        // Types are told from the bytes: a text file named .pdf or .mp4 is refused, and nothing is added.
        assertThat(upload(multipart(base + "pdf").file(new MockMultipartFile("file", "假的.pdf", "application/pdf",
                "not a pdf at all".getBytes(StandardCharsets.UTF_8))).param("title", "假 PDF")))
                .isEqualTo("refused file.notPdf");
        assertThat(upload(multipart(base + "video").file(new MockMultipartFile("file", "假的.mp4", "video/mp4",
                resource("lesson.pdf"))).param("title", "假视频"))).isEqualTo("refused file.notMp4");
        if (probe.available()) {
            assertThat(upload(multipart(base + "video").file(new MockMultipartFile("file", "旧.mp4", "video/mp4",
                    clip("mpeg4"))).param("title", "旧编码"))).isEqualTo("refused media.error.videoCodec");
        }
        assertThat(lessonCount(course)).isEqualTo(3);

        List<Courses.Lesson> lessons = courses.lessons(course);
        assertThat(lessons).extracting(Courses.Lesson::kind).containsExactly("TEXT", "PDF", "VIDEO");
        Courses.Lesson clip = lessons.get(2);
        if (probe.available()) {
            assertThat(clip.durationS()).isEqualTo(3);
            assertThat(clip.posterKey()).isNotNull();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM training_lesson_picture WHERE lesson_id = ?")
                .param(lessons.getFirst().id()).query(Long.class).single()).isOne();

        assertThat(upload(multipart(base + clip.id() + "/move").param("direction", "up")))
                .isEqualTo("training.lessonMoved");
        assertThat(courses.lessons(course)).extracting(Courses.Lesson::title).containsExactly("密码的学问", "钓鱼邮件", "安全手册");

        String manage = page("/training-admin/courses/" + course, officer);
        assertThat(manage).contains("密码的学问", "钓鱼邮件", "安全手册", "id=\"publish-course\"");
        assertThat(upload(multipart("/training-admin/courses/" + course + "/publish"))).isEqualTo("training.coursePublished");
        assertThat(courses.find(course).orElseThrow().status()).isEqualTo("PUBLISHED");
        assertThat(page("/training-admin/courses/" + course, officer)).contains("id=\"assign-form\"")
                .doesNotContain("id=\"publish-course\"");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'training.lesson.move' AND target_id = ?")
                .param(Long.toString(clip.id())).query(Long.class).single()).isOne();
    }

    @Test
    void anEmployeeEnrolsReadsWatchesAndCompletesTheCourseResumingWhereLeft() throws Exception {
        long course = newCourse("新媒体基础", 24);
        long text = materials.addText(officer, course, "什么是新媒体",
                "新媒体是<script>alert(1)</script>数字媒体。\n\n[图1]\n\n结语。", List.of(Pictures.picture(40, 30, "png")));
        Path pdfFile = Files.createTempFile("lesson", ".pdf");
        Path videoFile = Files.createTempFile("lesson", ".mp4");
        Files.write(pdfFile, resource("lesson.pdf"));
        Files.write(videoFile, clip("libx264"));
        long pdf = materials.addPdf(officer, course, "运营手册", pdfFile);
        long video = materials.addVideo(officer, course, "短视频", videoFile);
        Files.delete(pdfFile);
        Files.delete(videoFile);
        admin.publishCourse(officer, course);
        Viewer p = people.get(0);
        String lessonBase = "/training/courses/" + course + "/lessons/";

        assertThat(page("/training", p)).contains("新媒体基础");
        // Not enrolled yet: the material is not served.
        assertThat(perform(get(lessonBase + pdf + "/file").with(as(p))).getStatus()).isEqualTo(404);
        assertThat(page("/training/courses/" + course, p)).contains("id=\"enrol\"");
        assertThat(perform(post("/training/courses/" + course + "/enrol").with(csrf()).with(as(p))).getStatus())
                .isEqualTo(302);
        String home = page("/training", p);
        assertThat(home.substring(home.indexOf("id=\"my-courses\""), home.indexOf("id=\"available-courses\"")))
                .contains("新媒体基础", "已学 0/3 课");
        assertThat(page("/training/courses/" + course, p)).contains("id=\"continue\"", lessonBase + text)
                .doesNotContain("id=\"enrol\"");

        // Text: paragraphs escaped, the picture in its place, the end reported by the page's script.
        String textPage = page(lessonBase + text, p);
        assertThat(textPage).contains("&lt;script&gt;alert(1)&lt;/script&gt;", lessonBase + text + "/pictures/1",
                "id=\"lesson-done\"", "data-tracking=\"true\"").doesNotContain("<script>alert(1)");
        assertThat(textPage.indexOf("/pictures/1")).isBetween(textPage.indexOf("数字媒体"), textPage.indexOf("结语"));
        assertThat(perform(get(lessonBase + text + "/pictures/1").with(as(p))).getContentType()).startsWith("image/png");
        assertThat(progress(p, lessonBase + text, "0", "0", "true")).contains("\"lessonCompleted\":true");
        assertThat(page("/training/courses/" + course, p)).contains(lessonBase + pdf);

        // PDF: served inline; "I have read it" goes on to the next lesson.
        MockHttpServletResponse pdfResponse = perform(get(lessonBase + pdf + "/file").with(as(p)));
        assertThat(pdfResponse.getStatus()).isEqualTo(200);
        assertThat(pdfResponse.getContentType()).startsWith("application/pdf");
        assertThat(pdfResponse.getHeader("Content-Disposition")).startsWith("inline");
        assertThat(pdfResponse.getContentAsByteArray()).isEqualTo(resource("lesson.pdf"));
        assertThat(perform(get(lessonBase + pdf + "/file").with(as(people.get(1)))).getStatus()).isEqualTo(404);
        assertThat(page(lessonBase + pdf, p)).contains("id=\"open-pdf\"", "id=\"lesson-done\"");
        MockHttpServletResponse done = perform(post(lessonBase + pdf + "/done").with(csrf()).with(as(p)));
        assertThat(done.getRedirectedUrl()).isEqualTo(lessonBase + video);

        // Video: served in ranges so a phone can seek; the position resumes; jumping does not complete it.
        MockHttpServletResponse part = perform(get(lessonBase + video + "/file").header("Range", "bytes=0-99").with(as(p)));
        assertThat(part.getStatus()).isEqualTo(206);
        assertThat(part.getHeader("Content-Range")).startsWith("bytes 0-99/");
        assertThat(part.getContentAsByteArray()).hasSize(100);
        String videoPage = page(lessonBase + video, p);
        assertThat(videoPage).contains("id=\"lesson-video\"", "playsinline").doesNotContain("id=\"lesson-done\"");
        boolean measured = courses.lesson(video).orElseThrow().durationS() != null;
        String jumped = progress(p, lessonBase + video, "2", "1", measured ? "true" : "false");
        assertThat(jumped).contains("\"lessonCompleted\":false");
        assertThat(page(lessonBase + video, p)).contains("data-position=\"2\"");
        assertThat(page("/training/courses/" + course, p)).contains(lessonBase + video);
        String finished = progress(p, lessonBase + video, "3", "2", "true");
        assertThat(finished).contains("\"lessonCompleted\":true", "\"courseCompleted\":true");

        assertThat(jdbc.sql("SELECT count(*) FROM training_certificate WHERE employee_id = ? AND course_id = ?")
                .params(p.employeeId(), course).query(Long.class).single()).isOne();
        assertThat(page("/training/courses/" + course, p)).contains("id=\"course-certificate\"", "id=\"course-completed\"");
        // Still readable once completed, no longer tracked.
        assertThat(page(lessonBase + text, p)).contains("data-tracking=\"false\"");
    }

    private String progress(Viewer viewer, String lesson, String position, String watched, String end) throws Exception {
        MockHttpServletResponse r = perform(post(lesson + "/progress").with(csrf()).with(as(viewer))
                .header("Accept", "application/json").param("positionS", position).param("watchedS", watched)
                .param("end", end));
        assertThat(r.getStatus()).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anAssignedCourseIsDueAndItsReminderComesOnce() throws Exception {
        long course = newCourse("安全生产月", null);
        admin.addLesson(officer, course, "第一课", "TEXT", "正文", null, null, null);
        admin.publishCourse(officer, course);
        String assign = "/training-admin/courses/" + course + "/assign";
        LocalDate due = LocalDate.now().plusDays(2);

        assertThat(upload(multipart(assign).param("group", "LIST").param("people", numbers.get(0))
                .param("dueOn", LocalDate.now().minusDays(1).toString()))).isEqualTo("refused training.error.dueInPast");
        assertThat(upload(multipart(assign).param("group", "LIST").param("people", "不存在的工号")
                .param("dueOn", due.toString()))).isEqualTo("refused training.error.unknownPeople");
        assertThat(upload(multipart(assign).param("group", "LIST").param("people", numbers.get(0))
                .param("dueOn", due.toString()))).isEqualTo("training.assigned");
        long first = people.get(0).employeeId();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> notices(first, "培训任务：安全生产月") == 1);
        assertThat(courses.openEnrolment(course, first).orElseThrow().dueOn()).isEqualTo(due);
        String mine = page("/training", people.get(0));
        assertThat(mine).contains("安全生产月", due + " 截止");

        // The whole unit: everyone else is enrolled too, nobody twice.
        assertThat(upload(multipart(assign).param("group", "EMPLOYEES").param("unitId", Long.toString(unit.unit().id()))
                .param("dueOn", due.toString()))).isEqualTo("training.assigned");
        assertThat(jdbc.sql("SELECT count(*) FROM training_enrolment WHERE course_id = ?").param(course)
                .query(Long.class).single()).isEqualTo(3);
        assertThat(page("/training-admin/courses/" + course, officer)).contains(numbers.get(1), "已学 0/1 课");

        // Reminders: not the day of assignment; then once per enrolment, however often the job runs.
        reminders.remind();
        assertThat(notices(first, "培训即将到期：安全生产月")).isZero();
        jdbc.sql("UPDATE training_enrolment SET enrolled_at = now() - interval '2 days' WHERE course_id = ?")
                .param(course).update();
        assertThat(reminders.remind()).isGreaterThanOrEqualTo(3);
        reminders.remind();
        for (Viewer v : people) {
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> notices(v.employeeId(), "培训即将到期：安全生产月") == 1);
        }
        assertThat(page("/", people.get(0))).contains("id=\"training-card\"", "1 门课程待学完，最近 " + due + " 截止");
    }

    private long notices(long employeeId, String title) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE employee_id = ? AND title = ?")
                .params(employeeId, title).query(Long.class).single();
    }

    @Test
    void anotherUnitsOfficerCannotChangeTheCourseAndEmployeesCannotReachTheOfficerPages() throws Exception {
        long course = newCourse("只属本站", null);
        Fixtures.UnitWithDepartment other = fixtures.grassroots("别站工会");
        Viewer stranger = Fixtures.officer(fixtures.adminAccountId(), other.unit().id());
        assertThat(perform(get("/training-admin/courses/" + course).with(as(stranger))).getStatus()).isEqualTo(404);
        assertThat(perform(multipart("/training-admin/courses/" + course + "/lessons/pdf")
                .file(new MockMultipartFile("file", "a.pdf", "application/pdf", resource("lesson.pdf")))
                .param("title", "越权").with(csrf()).with(as(stranger))).getStatus()).isEqualTo(404);
        assertThat(lessonCount(course)).isZero();
        assertThat(perform(get("/training-admin").with(as(people.get(0)))).getStatus()).isEqualTo(403);
        assertThat(page("/training-admin", officer)).contains("/training-admin/courses", "/training-admin/questions",
                "/training-admin/exams", "/training-admin/assessments", "/training-admin/competence",
                "/training-admin/selection");
    }
}
