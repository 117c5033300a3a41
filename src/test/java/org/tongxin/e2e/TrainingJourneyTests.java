package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;
import org.tongxin.training.TrainingSetup;
import org.tongxin.training.internal.AssessmentService;

/**
 * On a phone: an officer fails the assessment, is enrolled in retraining, completes it, passes a new attempt, gets
 * a certificate, and the QR check page shows it valid.
 *
 * <p>Written against the URL contract and stable ids of the training pages: it needs the attempt page
 * ({@code q-{position}}, {@code submit}, {@code result}), the lesson page ({@code lesson-done}) and the certificate
 * pages ({@code certificate-qr}, {@code /verify/{code}}) built beside this branch, and passes once they are merged.
 */
class TrainingJourneyTests extends JourneyTestSupport {

    @Autowired
    TrainingSetup training;
    @Autowired
    AssessmentService assessments;

    @Test
    void anOfficerFailsIsRetrainedPassesAndTheCertificateChecksValid() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("天全收费站工会");
        OrgSetup.HrRow chair = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "e2e-training.csv", List.of(chair));
        fixtures.chair(fixtures.withPassword(chair, "Kaohe2026xy"), unit.unit().id(), false);
        long chairId = fixtures.employeeId(chair.employeeNo());
        Viewer committee = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        String skill = "网络安全" + System.nanoTime() % 100000;
        training.questions(committee, List.of(
                TrainingSetup.Question.single(skill, 1, "工会职工服务热线是？", 0, "12351 是全国总工会职工服务热线。",
                        "12351", "12345", "12315"),
                TrainingSetup.Question.single(skill, 1, "个人信息保护法自何时起施行？", 2, "自 2021 年 11 月 1 日起施行。",
                        "2017 年 6 月 1 日", "2021 年 9 月 1 日", "2021 年 11 月 1 日"),
                TrainingSetup.Question.single(skill, 1, "手机竖屏短视频常用的画面比例是？", 1, "竖屏以 9:16 为主。",
                        "16:9", "9:16", "4:3")));
        long exam = training.exam(committee, unit.unit().id(), "互联网+ 能力测验", 20, 60,
                List.of(new TrainingSetup.Rule("SINGLE", skill, 3, BigDecimal.TEN)));
        long course = training.course(committee, unit.unit().id(), "互联网+ 补训", "补训课程", "OFFICERS",
                unit.unit().id(), null, List.of(new TrainingSetup.Lesson("网络安全", "不点陌生链接，不用弱密码。"),
                        new TrainingSetup.Lesson("新媒体", "竖屏、简短、有字幕。")));
        long assessment = training.assessment(committee, "互联网+ 工会工作能力考核", exam, course, unit.unit().id(), 60,
                LocalDate.now(), LocalDate.now().plusDays(14), 24);
        assessments.assign(committee, assessment, AssessmentService.Group.OFFICERS, unit.unit().id(), List.of());

        WebDriver browser = Browser.phone();
        logIn(browser, chair.employeeNo(), "Kaohe2026xy");
        browser.get(url("/training/assessments/" + assessment));
        assertThat(browser.findElement(By.id("standing-text")).getText()).contains("待参加考核");
        Browser.assertFitsThePhone(browser);
        Browser.screenshot(browser, "training-1-assessment");

        // First attempt: handed in without an answer, it fails and opens retraining.
        Browser.tap(browser, browser.findElement(By.id("start")));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.urlMatches(".*/training/attempts/\\d+$"));
        assertThat(browser.getCurrentUrl()).matches(".*/training/attempts/\\d+$");
        Browser.tap(browser, browser.findElement(By.id("submit")));
        acceptConfirmation(browser);
        assertThat(browser.findElement(By.id("result")).isDisplayed()).isTrue();
        browser.get(url("/training/assessments/" + assessment));
        assertThat(browser.findElement(By.id("standing-text")).getText()).contains("补训中（第 1 轮）");
        Browser.screenshot(browser, "training-2-retraining");
        Browser.assertFitsThePhone(browser);

        // Retraining: every lesson read to the end.
        Browser.tap(browser, browser.findElement(By.id("retraining-course")));
        for (long lesson : jdbc.sql("SELECT id FROM training_lesson WHERE course_id = ? ORDER BY position")
                .param(course).query(Long.class).list()) {
            browser.get(url("/training/courses/" + course + "/lessons/" + lesson));
            Browser.assertFitsThePhone(browser);
            // A short lesson fits the screen: the page's own script reports its end at once and puts the button
            // away; otherwise the reader presses it.
            List<WebElement> done = browser.findElements(By.id("lesson-done"));
            if (!done.isEmpty()) {
                try {
                    Browser.tap(browser, done.getFirst());
                } catch (StaleElementReferenceException | ElementNotInteractableException reportedAlready) {
                    // the script got there first
                }
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                            SELECT count(*) FROM training_progress p JOIN training_enrolment e ON e.id = p.enrolment_id
                            WHERE e.employee_id = ? AND p.lesson_id = ? AND p.completed_at IS NOT NULL""")
                    .params(chairId, lesson).query(Long.class).single() > 0);
        }
        browser.get(url("/training/assessments/" + assessment));
        assertThat(browser.findElement(By.id("standing-text")).getText()).contains("可以再次考核");

        // Second attempt: every question answered right (the page sends the bank's numbering of the choice).
        Browser.tap(browser, browser.findElement(By.id("start")));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.urlMatches(".*/training/attempts/\\d+$"));
        long attempt = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/training/attempts/(\\d+)$", "$1"));
        for (var item : jdbc.sql("SELECT position, correct[1] FROM training_attempt_item WHERE attempt_id = ? ORDER BY position")
                .param(attempt).query((rs, i) -> new int[]{rs.getInt(1), rs.getInt(2)}).list()) {
            Browser.tap(browser, browser.findElement(By.cssSelector("input[name='q-" + item[0] + "'][value='" + item[1] + "']")));
        }
        Browser.screenshot(browser, "training-3-attempt");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.id("submit")));
        acceptConfirmation(browser);
        assertThat(browser.findElement(By.id("result")).getText()).contains("100");
        assertThat(jdbc.sql("SELECT passed FROM training_attempt WHERE id = ?").param(attempt).query(Boolean.class)
                .single()).isTrue();

        // The certificate, and its public check page (no log-in) says it is valid.
        browser.get(url("/training/assessments/" + assessment));
        assertThat(browser.findElement(By.id("standing-text")).getText()).contains("已通过");
        Browser.tap(browser, browser.findElement(By.id("certificate-link")));
        assertThat(browser.findElement(By.id("certificate-qr")).isDisplayed()).isTrue();
        Browser.screenshot(browser, "training-4-certificate");
        Browser.assertFitsThePhone(browser);
        String code = jdbc.sql("SELECT code FROM training_certificate WHERE assessment_id = ? AND employee_id = ?")
                .params(assessment, chairId).query(String.class).single();
        browser.manage().deleteAllCookies();
        browser.get(url("/verify/" + code));
        // Anyone may open it: the holder is shown by surname only.
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(chair.name().substring(0, 1) + "*")
                .doesNotContain(chair.name()).contains("互联网+ 工会工作能力考核").contains("有效");
        Browser.screenshot(browser, "training-5-verify");
        Browser.assertFitsThePhone(browser);
    }

    @Test
    void theCommitteeFollowsTheDemoAssessmentChoosesCandidatesAndAllFitsThePhone() throws Exception {
        OrgSetup.HrRow member = Fixtures.row(fixtures.grassroots("委员所在工会").departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "e2e-committee.csv", List.of(member));
        fixtures.committeeMember(fixtures.withPassword(member, "Weiyuan2026k"));
        long assessment = jdbc.sql("SELECT id FROM training_assessment WHERE title = '互联网+ 工会工作能力考核' ORDER BY id LIMIT 1")
                .query(Long.class).single();

        WebDriver browser = Browser.phone();
        logIn(browser, member.employeeNo(), "Weiyuan2026k");
        browser.get(url("/training-admin/assessments"));
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.id("assessment-" + assessment)));
        assertThat(browser.findElement(By.id("count-PASSED")).getText()).matches("已通过 [1-9]\\d*");
        assertThat(browser.findElement(By.id("count-RETRAINING")).getText()).matches("补训中 [1-9]\\d*");
        assertThat(browser.findElement(By.id("member-evaluation")).getText()).contains("不足 5 票不公布");
        assertThat(browser.findElements(By.cssSelector("#board td.evaluation")).stream().map(WebElement::getText))
                .as("the demo station chair's evaluation of six ballots beside the exam results")
                .anyMatch(t -> t.matches("\\d\\.\\d+ / 5（\\d+ 票）"));
        Browser.screenshot(browser, "training-board");
        Browser.assertFitsThePhone(browser);

        browser.get(url("/training-admin/competence"));
        assertThat(browser.findElements(By.cssSelector("#matrix td.gap"))).isNotEmpty();
        Browser.screenshot(browser, "training-competence");
        Browser.assertFitsThePhone(browser);

        browser.get(url("/training-admin/selection?order=ASSESSMENTS_PASSED"));
        var first = browser.findElement(By.cssSelector("#candidates .list-group-item"));
        Browser.tap(browser, first.findElement(By.cssSelector("button[id^=mark-]")));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("已加入标记名单");
        assertThat(browser.findElement(By.id("shortlist-size")).getText()).contains("1");
        Browser.screenshot(browser, "training-selection");
        Browser.assertFitsThePhone(browser);
    }

    /** Handing in may ask "are you sure?" in a dialog; say yes when it does. */
    private static void acceptConfirmation(WebDriver browser) {
        try {
            browser.switchTo().alert().accept();
        } catch (NoAlertPresentException none) {
            // The page handed the attempt in without asking.
        }
    }
}
