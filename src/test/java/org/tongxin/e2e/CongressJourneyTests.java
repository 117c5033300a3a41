package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;
import org.tongxin.voice.internal.Motions;

/**
 * On a phone: a representative files a motion from the congress page; two others co-sign it; the unit's chair accepts
 * it, assigns it to the unit and answers it; the representative is not satisfied and sends it back with a reason.
 * Every page fits the phone.
 */
class CongressJourneyTests extends JourneyTestSupport {

    @Autowired
    Motions motions;

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void aRepresentativeFilesAMotionOnThePhoneAndSendsItsAnswerBackOnce() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("提案旅程工会");
        OrgSetup.HrRow proposer = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow chair = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow first = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow second = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "congress-e2e.csv",
                List.of(proposer, chair, first, second));
        fixtures.withPassword(proposer, "Tian2026an-x");
        long chairAccount = fixtures.withPassword(chair, "Zhuxi2026-ta");
        fixtures.chair(chairAccount, unit.unit().id(), false);
        Viewer chairViewer = new Viewer(chairAccount, fixtures.employeeId(chair.employeeNo()), "chair",
                Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(unit.unit().id()), Set.of(), false);
        long congress = motions.createCongress(chairViewer, unit.unit().id(), "旅程职工代表大会", LocalDate.now(),
                LocalDate.now().plusDays(10), 2);
        motions.addRepresentatives(chairViewer, congress, String.join(" ", proposer.employeeNo(), first.employeeNo(),
                second.employeeNo()));

        // The representative files a motion.
        WebDriver browser = Browser.phone();
        logIn(browser, proposer.employeeNo(), "Tian2026an-x");
        browser.get(url("/voice"));
        Browser.tap(browser, browser.findElement(By.id("congress-link")));
        assertThat(text(browser, "session-" + congress)).contains("旅程职工代表大会", "征集中", "我是职工代表");
        Browser.tap(browser, browser.findElement(By.id("file-" + congress)));
        browser.findElement(By.id("motion-title")).sendKeys("收费站增设职工淋浴间");
        new Select(browser.findElement(By.id("motion-category"))).selectByValue("WELFARE");
        browser.findElement(By.id("motion-reason")).sendKeys("养护职工下班一身汗，站里没有地方洗澡。");
        browser.findElement(By.id("motion-proposal")).sendKeys("在站区职工之家旁改建两间淋浴间，配电热水器。");
        Browser.screenshot(browser, "congress-1-file");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("motion-submit"));
        assertThat(browser.getCurrentUrl()).matches(".*/voice/congress/motions/\\d+$");
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/motions/(\\d+)$", "$1"));
        assertThat(text(browser, "flash")).contains("提案已提交");
        assertThat(text(browser, "cosigners")).contains("附议 0/2");
        Browser.assertFitsThePhone(browser);

        // Two others co-sign; the chair accepts it, assigns it to the unit and answers.
        for (OrgSetup.HrRow r : List.of(first, second)) {
            long e = fixtures.employeeId(r.employeeNo());
            motions.cosign(Fixtures.employee(fixtures.accountId(e), e), id);
        }
        logIn(browser, chair.employeeNo(), "Zhuxi2026-ta");
        browser.get(url("/voice-admin"));
        Browser.tap(browser, browser.findElement(By.id("congress-admin-link")));
        assertThat(text(browser, "session-" + congress)).contains("待审查 1");
        Browser.tap(browser, browser.findElement(By.id("session-" + congress)));
        assertThat(text(browser, "count-FILED")).contains("1");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.id("motion-" + id)));
        Browser.screenshot(browser, "congress-2-review");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("accept"));
        assertThat(text(browser, "motion-title")).contains("第 1 号");
        Browser.screenshot(browser, "congress-3-assign");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("assign"));
        browser.findElement(By.id("answer-text")).sendKeys("已列入下月站区改造，两间淋浴间月底完工。");
        Browser.send(browser, By.id("answer"));
        assertThat(text(browser, "flash")).contains("答复已送达");

        // The representative is not satisfied and sends it back once.
        logIn(browser, proposer.employeeNo(), "Tian2026an-x");
        browser.get(url("/voice/congress/motions/" + id));
        assertThat(text(browser, "answer-1")).contains("两间淋浴间月底完工");
        Browser.tap(browser, browser.findElement(By.cssSelector("label[for='rating-NOT_SATISFIED']")));
        browser.findElement(By.id("rating-note")).sendKeys("没有说热水器够几个人用");
        Browser.screenshot(browser, "congress-4-rate");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("rate"));
        assertThat(text(browser, "flash")).contains("再次答复");
        assertThat(text(browser, "motion-status")).contains("重新办理");
        assertThat(text(browser, "timeline")).contains("提交提案", "立案", "交办", "答复", "退回重办", "没有说热水器够几个人用");
        Browser.screenshot(browser, "congress-5-motion");
        Browser.assertFitsThePhone(browser);
        assertThat(motions.motion(id).status()).isEqualTo("REOPENED");
    }
}
