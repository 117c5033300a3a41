package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;
import org.tongxin.training.internal.CourseService;
import org.tongxin.training.internal.Courses;
import org.tongxin.training.internal.LessonMaterials;
import org.tongxin.training.internal.TrainingAdmin;

/**
 * On a phone, with the pages' own script: a text lesson reports its end once scrolled to the bottom, a video
 * reports what was watched until it completes the course, and the certificate and the course's officer page fit
 * the screen.
 */
class LessonPhoneTests extends JourneyTestSupport {

    @Autowired
    TrainingAdmin admin;
    @Autowired
    LessonMaterials materials;
    @Autowired
    CourseService courses;
    @Autowired
    Courses courseRows;

    @Test
    void aLearnerReadsAndWatchesOnThePhoneAndGetsTheCertificate() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("眉山收费站工会");
        OrgSetup.HrRow learner = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "e2e-lessons.csv", List.of(learner));
        long account = fixtures.withPassword(learner, "Xuexi2026ab");
        long employeeId = fixtures.employeeId(learner.employeeNo());
        Viewer officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        long course = admin.createCourse(officer, new Courses.Draft("收费站网络安全", "十分钟了解钓鱼邮件与弱口令。",
                "EMPLOYEES", unit.unit().id(), unit.unit().id(), 12));
        long text = materials.addText(officer, course, "弱口令的危害",
                String.join("\n\n", Collections.nCopies(30, "口令要长，不要在几个系统里重复使用同一个口令。")), List.of());
        Path clip = Files.createTempFile("clip", ".mp4");
        Files.write(clip, new ClassPathResource("training/clip.mp4").getContentAsByteArray());
        long video = materials.addVideo(officer, course, "识别钓鱼邮件", clip);
        Files.delete(clip);
        admin.publishCourse(officer, course);
        courses.enrolSelf(Fixtures.employee(account, employeeId), course);

        WebDriver browser = Browser.phone();
        logIn(browser, learner.employeeNo(), "Xuexi2026ab");
        browser.get(url("/training/courses/" + course + "/lessons/" + text));
        Browser.assertFitsThePhone(browser);
        assertThat(lessonDone(employeeId, text)).isFalse();
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, document.body.scrollHeight);");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lessonDone(employeeId, text));

        browser.get(url("/training/courses/" + course + "/lessons/" + video));
        Browser.assertFitsThePhone(browser);
        WebElement player = browser.findElement(By.id("lesson-video"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        boolean plays = !"".equals(js.executeScript("return arguments[0].canPlayType('video/mp4; codecs=\"avc1.42E01E\"');",
                player));
        if (plays) {
            js.executeScript("arguments[0].muted = true; arguments[0].play();", player);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> courseRows.enrolmentsOf(employeeId).stream()
                    .anyMatch(e -> e.courseId() == course && e.completedAt() != null));
            long certificate = jdbc.sql("SELECT id FROM training_certificate WHERE employee_id = ? AND course_id = ?")
                    .params(employeeId, course).query(Long.class).single();
            browser.get(url("/training/certificates/" + certificate));
            assertThat(browser.findElement(By.id("certificate-qr")).getAttribute("innerHTML")).contains("<svg");
            Browser.assertFitsThePhone(browser);
            Browser.screenshot(browser, "training-certificate");
        }
        browser.get(url("/training"));
        Browser.assertFitsThePhone(browser);
        assertThat(browser.findElement(By.id("my-courses")).getText()).contains("收费站网络安全");
    }

    private boolean lessonDone(long employeeId, long lessonId) {
        return jdbc.sql("""
                        SELECT count(*) FROM training_progress p JOIN training_enrolment e ON e.id = p.enrolment_id
                        WHERE e.employee_id = ? AND p.lesson_id = ? AND p.completed_at IS NOT NULL""")
                .params(employeeId, lessonId).query(Long.class).single() > 0;
    }
}
