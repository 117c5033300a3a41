package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;
import org.tongxin.training.internal.Attempts;
import org.tongxin.training.internal.Exams;
import org.tongxin.training.internal.Grading;
import org.tongxin.training.internal.Questions;
import org.tongxin.training.internal.TrainingAdmin;

/**
 * On a phone, the exam page's script: each answer tapped is saved at once (the saved mark shows, the server holds it),
 * a reload keeps answers and clock, and the submit asks first, naming the question left unanswered. The officer's
 * bank and exam pages fit the phone too.
 */
class ExamPageJourneyTests extends JourneyTestSupport {

    @Autowired
    TrainingAdmin admin;
    @Autowired
    Attempts attempts;

    @Test
    void answersTappedOnThePhoneAreSavedAtOnceAndTheSubmitNamesWhatIsLeft() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("峨眉收费站工会");
        OrgSetup.HrRow person = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow chair = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "e2e-exam.csv", List.of(person, chair));
        fixtures.withPassword(person, "Kaoshi2026ab");
        long chairAccount = fixtures.withPassword(chair, "Zhuxi2026ks");
        fixtures.chair(chairAccount, unit.unit().id(), false);
        Viewer officer = Fixtures.officer(chairAccount, unit.unit().id());
        String skill = "网络安全" + System.nanoTime() % 100000;
        admin.addQuestion(officer, new Questions.Draft("SINGLE", "职工服务热线是多少？", List.of("12351", "12345", "12315"),
                new int[]{0}, List.of(), skill, 1, "全国总工会职工服务热线为 12351。"));
        admin.addQuestion(officer, new Questions.Draft("MULTIPLE", "下列哪些做法有助于防范网络诈骗？",
                List.of("不点击陌生链接", "核实对方身份", "把验证码告诉客服"), new int[]{0, 1}, List.of(), skill, 2, ""));
        admin.addQuestion(officer, new Questions.Draft("TRUE_FALSE", "工会会员可以通过手机申请入会。", List.of(),
                new int[]{0}, List.of(), skill, 1, ""));
        admin.addQuestion(officer, new Questions.Draft("FILL", "国际劳动节是每年的几月几日？", List.of(), new int[0],
                List.of("5月1日", "五月一日"), skill, 1, ""));
        long exam = admin.createExam(officer, new Exams.Draft("网络安全知识测验", unit.unit().id(), 20, 60, 3, 0, false,
                false, "AFTER_SUBMIT", Grading.MultipleScoring.HALF_FOR_SUBSET, null, null), List.of(
                new Exams.Part(1, "SINGLE", skill, null, null, 1, BigDecimal.TEN),
                new Exams.Part(2, "MULTIPLE", skill, null, null, 1, BigDecimal.TEN),
                new Exams.Part(3, "TRUE_FALSE", skill, null, null, 1, BigDecimal.TEN),
                new Exams.Part(4, "FILL", skill, null, null, 1, BigDecimal.TEN)));
        admin.publishExam(officer, exam);

        WebDriver browser = Browser.phone();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        logIn(browser, person.employeeNo(), "Kaoshi2026ab");
        browser.get(url("/training/exams"));
        Browser.tap(browser, browser.findElement(By.id("exam-" + exam)));
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.id("start")));
        // The start is a form post answered by a redirect: wait for the attempt's page rather than read the address
        // while the browser is still on its way.
        wait.until(ExpectedConditions.urlMatches(".*/training/attempts/\\d+$"));
        assertThat(browser.getCurrentUrl()).matches(".*/training/attempts/\\d+");
        long attempt = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/", ""));
        assertThat(browser.findElement(By.id("countdown")).getText()).matches("剩余 (19|20):\\d\\d");
        assertThat(browser.findElement(By.id("save-1")).isDisplayed()).isFalse();

        // Questions are in the bank's order (no shuffling): single, multiple, true/false, fill-in.
        Browser.tap(browser, browser.findElement(By.id("q-1-A")));
        wait.until(ExpectedConditions.textToBe(By.id("saved-1"), "✓ 已保存"));
        Browser.tap(browser, browser.findElement(By.id("q-2-A")));
        Browser.tap(browser, browser.findElement(By.id("q-2-B")));
        wait.until(ExpectedConditions.textToBe(By.id("saved-2"), "✓ 已保存"));
        browser.findElement(By.id("q-4")).sendKeys("五月一日");
        wait.until(ExpectedConditions.textToBe(By.id("saved-4"), "✓ 已保存"));
        assertThat(browser.findElement(By.id("answered-count")).getText()).isEqualTo("已答 3/4");
        assertThat(attempts.items(attempt)).extracting(i -> i.chosen() == null ? i.typed() : java.util.Arrays.toString(i.chosen()))
                .containsExactly("[0]", "[0, 1]", null, "五月一日");
        Browser.screenshot(browser, "exam-1-answering");
        Browser.assertFitsThePhone(browser);

        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("q-1-A")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("q-2-B")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("q-4")).getAttribute("value")).isEqualTo("五月一日");
        assertThat(browser.findElement(By.id("unanswered")).getText()).contains("第 3 题");

        Browser.tap(browser, browser.findElement(By.id("submit")));
        Alert confirm = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(confirm.getText()).contains("第 3 题还没有作答");
        confirm.dismiss();
        assertThat(attempts.find(attempt).orElseThrow().inProgress()).isTrue();
        Browser.tap(browser, browser.findElement(By.id("q-3-A")));
        wait.until(ExpectedConditions.textToBe(By.id("saved-3"), "✓ 已保存"));
        Browser.tap(browser, browser.findElement(By.id("submit")));
        confirm = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(confirm.getText()).startsWith("确定交卷吗");
        confirm.accept();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
        assertThat(browser.findElement(By.id("result-score")).getText()).isEqualTo("40 分（满分 40）");
        assertThat(browser.findElement(By.id("review")).getText()).contains("全国总工会职工服务热线为 12351。");
        Browser.screenshot(browser, "exam-2-result");
        Browser.assertFitsThePhone(browser);

        logIn(browser, chair.employeeNo(), "Zhuxi2026ks");
        List<String> pages = List.of("/training-admin/questions", "/training-admin/exams/" + exam,
                "/training-admin/exams/" + exam + "/results", "/training-admin/questions/new?type=MULTIPLE");
        for (int i = 0; i < pages.size(); i++) {
            browser.get(url(pages.get(i)));
            Browser.assertFitsThePhone(browser);
            Browser.screenshot(browser, "exam-officer-" + (i + 1));
        }
        assertThat(browser.findElement(By.id("question-form")).isDisplayed()).isTrue();
    }
}
