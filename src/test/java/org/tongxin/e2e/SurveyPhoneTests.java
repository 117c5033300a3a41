package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;
import org.tongxin.voice.internal.Surveys;
import org.tongxin.voice.internal.Surveys.QuestionDraft;

/**
 * A survey on a 375-px phone: the employee finds it on the home page, leaves a required question out and is told
 * which, answers and cannot answer again; the officer's survey page and its results with their bars fit the phone.
 */
class SurveyPhoneTests extends JourneyTestSupport {

    @Autowired
    Surveys surveys;

    @Test
    void anEmployeeAnswersOnThePhoneAndTheOfficerReadsTheBars() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("问卷手机工会");
        OrgSetup.HrRow author = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow chair = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow colleague = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "survey-phone.csv",
                List.of(author, chair, colleague));
        long authorAccount = fixtures.withPassword(author, "Wenjuan2026x");
        long chairAccount = fixtures.withPassword(chair, "Zhuxi2026wjx");
        fixtures.chair(chairAccount, unit.unit().id(), false);
        Viewer officer = Fixtures.officerWithoutCare(chairAccount, unit.unit().id());
        long id = surveys.create(officer, unit.unit().id(), new Surveys.Settings("收费站班组排班满意度调查（2026 年第四季度）",
                "请根据这一季度的实际感受填写，约 1 分钟。", "EMPLOYEES", LocalDate.now(), LocalDate.now().plusDays(1),
                false));
        long shift = surveys.addQuestion(officer, id, new QuestionDraft("SINGLE", "你目前主要上哪个班次？", true,
                List.of("白班（8:00—16:00）", "中班（16:00—24:00）", "夜班（0:00—8:00）", "四班两运转，轮换上班"), null, null,
                null, null));
        long wishes = surveys.addQuestion(officer, id, new QuestionDraft("MULTIPLE", "你希望排班在哪些方面改进？", false,
                List.of("交接班时间更灵活", "节假日轮休更公平", "夜班后安排连续休息", "提前一周公布排班表"), 2, null, null,
                null));
        long score = surveys.addQuestion(officer, id, new QuestionDraft("SCALE", "你对现在的排班总体满意吗？", true, List.of(),
                null, 10, "很不满意", "非常满意"));
        long text = surveys.addQuestion(officer, id, new QuestionDraft("TEXT", "其他意见", false, List.of(), null, null, null,
                null));
        surveys.publish(officer, id);
        long colleagueId = fixtures.employeeId(colleague.employeeNo());
        surveys.respond(Fixtures.employee(fixtures.accountId(colleagueId), colleagueId), id, Map.of(shift, List.of("2"),
                wishes, List.of("2", "3"), score, List.of("6"), text, List.of("夜班后最好能连休两天，现在经常只休一天就又上白班")));

        WebDriver browser = Browser.phone();
        logIn(browser, author.employeeNo(), "Wenjuan2026x");
        assertThat(browser.findElement(By.id("survey-home")).getText()).contains("问卷调查", "收费站班组排班满意度调查");
        Browser.tap(browser, browser.findElement(By.id("survey-home-link")));
        assertThat(browser.findElement(By.id("survey-title")).getText()).contains("收费站班组排班满意度调查");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.cssSelector("label[for='q" + wishes + "-2']")));
        Browser.tap(browser, browser.findElement(By.cssSelector("label[for='q" + score + "-8']")));
        Browser.send(browser, By.id("survey-submit"));
        assertThat(browser.findElement(By.id("answer-error")).getText()).contains("第 1 题", "必答题");
        assertThat(browser.findElement(By.id("q" + wishes + "-2")).isSelected()).as("what was chosen is kept").isTrue();
        assertThat(browser.findElement(By.id("q" + score + "-8")).isSelected()).isTrue();
        Browser.screenshot(browser, "s1-survey-required");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.cssSelector("label[for='q" + shift + "-3']")));
        browser.findElement(By.id("q" + text)).sendKeys("希望排班表早点出来");
        Browser.send(browser, By.id("survey-submit"));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("已提交");
        assertThat(browser.findElement(By.id("survey-done")).getText()).contains("每人只能填写一次");
        assertThat(browser.findElements(By.id("survey-form"))).isEmpty();
        Browser.assertFitsThePhone(browser);

        logIn(browser, chair.employeeNo(), "Zhuxi2026wjx");
        browser.get(url("/voice-admin/surveys/" + id));
        assertThat(browser.findElement(By.id("survey-responded")).getText()).contains("2");
        assertThat(browser.findElement(By.id("questions-locked")).getText()).contains("不能再修改");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.id("results-link")));
        assertThat(browser.findElement(By.id("rate")).getText()).contains("3 人中 2 人已提交");
        assertThat(browser.findElement(By.id("result-" + shift)).getText()).contains("夜班（0:00—8:00）", "1 · 50.0%");
        assertThat(browser.findElement(By.id("result-" + score)).getText()).contains("平均 7.00 / 10");
        assertThat(browser.findElement(By.id("result-" + text)).getText()).contains("希望排班表早点出来");
        Browser.screenshot(browser, "s2-survey-results");
        Browser.assertFitsThePhone(browser);

        // Writing a draft on the phone: a scale question added through its form, the list and editor fit.
        browser.get(url("/voice-admin/surveys"));
        assertThat(browser.findElement(By.id("survey-" + id)).getText()).contains("进行中", "已收 2 份");
        Browser.assertFitsThePhone(browser);
        browser.findElement(By.id("survey-f-title")).sendKeys("职工疗休养意向调查");
        Browser.send(browser, By.id("survey-create"));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("草稿已建好");
        Browser.tap(browser, browser.findElement(By.cssSelector("#add-SCALE summary")));
        browser.findElement(By.id("prompt-SCALE")).sendKeys("你对去年的疗休养安排满意吗？");
        Browser.tap(browser, browser.findElement(By.cssSelector("label[for='scale-10']")));
        browser.findElement(By.id("low-label")).sendKeys("很不满意");
        browser.findElement(By.id("high-label")).sendKeys("非常满意");
        Browser.send(browser, By.id("add-SCALE-save"));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("题目已添加");
        assertThat(browser.findElement(By.cssSelector("[id^='question-']")).getText())
                .contains("1. 你对去年的疗休养安排满意吗？", "量表", "1（很不满意）至 10（非常满意）");
        Browser.tap(browser, browser.findElement(By.cssSelector("#add-SINGLE summary")));
        Browser.screenshot(browser, "s3-survey-draft");
        Browser.assertFitsThePhone(browser);
    }
}
