package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;

/**
 * Mediation, legal aid and the chair's mailbox on a 375-px phone: an employee writes to the chair (agreeing to
 * publication) and asks for legal aid; a committee member finds both on the home card, answers and publishes the letter
 * anonymised, books the consultation and runs a mediation case for the employee; the employee follows the case and
 * reads the published answer. Every page fits the phone.
 */
class RightsDeskPhoneTests extends JourneyTestSupport {

    @Test
    void anEmployeeAndTheCommitteeUseTheDesksOnThePhone() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("维权手机收费站");
        OrgSetup.HrRow employee = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow member = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "rights-phone.csv", List.of(employee, member));
        fixtures.withPassword(employee, "Weiquan2026x");
        long memberAccount = fixtures.withPassword(member, "Weiyuan2026x");
        fixtures.committeeMember(memberAccount);

        WebDriver browser = Browser.phone();
        logIn(browser, employee.employeeNo(), "Weiquan2026x");
        browser.get(url("/rights/mailbox"));
        browser.findElement(By.id("letter-subject")).sendKeys("夜班班车");
        browser.findElement(By.id("letter-body")).sendKeys("我是" + employee.name() + "，夜班下班后没有班车，能否在零点加开一班？");
        Browser.tap(browser, browser.findElement(By.cssSelector("label[for='letter-publish']")));
        Browser.send(browser, By.id("letter-send"));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("5个工作日内答复");
        Browser.assertFitsThePhone(browser);
        browser.get(url("/rights/legal-aid"));
        browser.findElement(By.id("aid-topic")).sendKeys("劳动合同");
        browser.findElement(By.id("aid-question")).sendKeys("合同到期公司不续签，能拿到经济补偿吗？");
        Browser.send(browser, By.id("aid-submit"));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("已提交");
        Browser.screenshot(browser, "r1-legal-aid");
        Browser.assertFitsThePhone(browser);

        logIn(browser, member.employeeNo(), "Weiyuan2026x");
        assertThat(browser.findElement(By.id("rights-desk-home")).getText()).contains("主席办公室", "法律援助窗口");
        Browser.tap(browser, browser.findElement(By.id("desk-mailbox")));
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.xpath("//a[contains(@id, 'letter-')][contains(., '夜班班车')]")));
        assertThat(browser.findElement(By.id("writer")).getText()).contains(employee.name());
        browser.findElement(By.id("answer-text")).sendKeys("已与车队商定，下月起零点加开一班。");
        Browser.send(browser, By.id("answer-send"));
        browser.findElement(By.id("public-question")).sendKeys("有职工反映夜班下班后没有班车，能否加开？");
        Browser.send(browser, By.id("publish"));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("已公开");
        Browser.screenshot(browser, "r2-mailbox-letter");
        Browser.assertFitsThePhone(browser);

        browser.get(url("/rights/legal-aid/desk"));
        Browser.tap(browser, browser.findElement(By.xpath("//a[contains(@id, 'request-')][contains(., '" + employee.name()
                + "')]")));
        String at = LocalDateTime.now().plusDays(2).withHour(15).withMinute(0).toString().substring(0, 16);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("book-at")), at);
        browser.findElement(By.id("book-adviser")).sendKeys("王律师");
        Browser.send(browser, By.id("book"));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("已预约");
        Browser.assertFitsThePhone(browser);

        browser.get(url("/rights/mediation"));
        Browser.tap(browser, browser.findElement(By.id("new-mediation")));
        browser.findElement(By.id("applicant-no")).sendKeys(employee.employeeNo());
        browser.findElement(By.id("respondent")).sendKeys("收费站管理方");
        browser.findElement(By.id("claim")).sendKeys("补发夜班津贴，按月足额发放。");
        Browser.send(browser, By.id("mediation-open"));
        assertThat(browser.findElement(By.id("mediation")).getText()).contains(employee.name(), "剩余 15 天");
        browser.findElement(By.id("attendees")).sendKeys("申请人、站长、调解员");
        browser.findElement(By.id("minutes")).sendKeys("站长同意核对排班记录后答复。");
        Browser.send(browser, By.id("session-add"));
        assertThat(browser.findElement(By.id("sessions")).getText()).contains("站长同意核对排班记录后答复。");
        Browser.tap(browser, browser.findElement(By.cssSelector("#close-box summary")));
        Browser.screenshot(browser, "r3-mediation-case");
        Browser.assertFitsThePhone(browser);

        logIn(browser, employee.employeeNo(), "Weiquan2026x");
        browser.get(url("/rights/mediation/mine"));
        assertThat(browser.findElement(By.cssSelector("[id^='mine-']")).getText()).contains("调解中", "已调解 1 次")
                .doesNotContain("站长同意核对排班记录后答复。");
        Browser.assertFitsThePhone(browser);
        browser.get(url("/rights/legal-aid"));
        assertThat(browser.findElement(By.cssSelector("section[id^='aid-']")).getText()).contains("已预约", "王律师");
        browser.get(url("/rights/mailbox/answers"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("有职工反映夜班下班后没有班车，能否加开？")
                .doesNotContain(employee.name());
        Browser.screenshot(browser, "r4-mailbox-answers");
        Browser.assertFitsThePhone(browser);
    }
}
