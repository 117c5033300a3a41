package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;
import org.tongxin.support.Pictures;

/**
 * On a phone: an employee raises a wage concern with a photo of the pay slip; the station's chair accepts it, records
 * a step and replies; the employee, unsatisfied, rates it and reopens it; it appears at the unit above, where a
 * committee member accepts it — and the station's chair can still read it but no longer act on it.
 */
class AppealJourneyTests extends JourneyTestSupport {

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String column(long id, String column) {
        return jdbc.sql("SELECT " + column + "::text FROM rights_appeal WHERE id = ?").param(id).query(String.class)
                .single();
    }

    @Test
    void aWageConcernIsHandledAtTheStationAndReopenedAtTheUnitAbove() throws Exception {
        Fixtures.UnitWithDepartment station = fixtures.grassroots("维权旅程收费站");
        OrgSetup.HrRow worker = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow chair = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow committee = Fixtures.row(station.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "rights-e2e.csv",
                List.of(worker, chair, committee));
        fixtures.withPassword(worker, "Weiquan2026x");
        fixtures.chair(fixtures.withPassword(chair, "Fenhui2026xx"), station.unit().id(), false);
        fixtures.committeeMember(fixtures.withPassword(committee, "Weiyuan2026x"));
        long root = station.unit().parentId();

        // The employee raises a wage concern from the home card, with a photo of the pay slip.
        WebDriver browser = Browser.phone();
        logIn(browser, worker.employeeNo(), "Weiquan2026x");
        Browser.tap(browser, browser.findElement(By.id("rights-home-link")));
        assertThat(text(browser, "rights-more")).contains("法律援助", "主席信箱");
        Browser.screenshot(browser, "rights-1-hub");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.id("new-appeal")));
        assertThat(text(browser, "category-HARASSMENT")).contains("直接交公司工会委员会和女职工委员会办理");
        Browser.tap(browser, browser.findElement(By.cssSelector("label[for='c-WAGES']")));
        assertThat(browser.findElement(By.id("i-ANONYMOUS")).isEnabled()).as("wages cannot be anonymous").isFalse();
        Browser.tap(browser, browser.findElement(By.cssSelector("label[for='i-NAMED']")));
        browser.findElement(By.id("appeal-happened")).sendKeys("十月到十二月的夜班加班费一直没有发，班长说等通知。");
        browser.findElement(By.id("appeal-wanted")).sendKeys("按规定补发三个月的夜班加班费。");
        browser.findElement(By.id("appeal-files")).sendKeys(Pictures.photoFiles(1));
        Browser.screenshot(browser, "rights-2-new");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("appeal-submit"));
        assertThat(browser.getCurrentUrl()).matches(".*/rights/appeals/\\d+$");
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/appeals/(\\d+)$", "$1"));
        assertThat(text(browser, "flash")).contains("诉求已提交");
        assertThat(text(browser, "appeal-holder")).contains(station.unit().name());
        assertThat(text(browser, "appeal-deadline")).contains("受理期限");
        assertThat(text(browser, "appeal-files")).contains("附件 1（图片");

        // The station's chair accepts it, records a step and replies.
        logIn(browser, chair.employeeNo(), "Fenhui2026xx");
        assertThat(text(browser, "rights-officer-home")).contains("诉求办理");
        browser.get(url("/rights/handle"));
        assertThat(text(browser, "appeal-" + id)).contains("诉求人：" + worker.name(), "待受理");
        Browser.screenshot(browser, "rights-3-handle");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.id("appeal-" + id)));
        Browser.send(browser, By.id("accept"));
        assertThat(text(browser, "flash")).contains("已受理");
        new Select(browser.findElement(By.id("step-kind"))).selectByValue("CONTACTED");
        browser.findElement(By.id("step-note")).sendKeys("已联系收费站站长和财务核对考勤与加班记录。");
        Browser.send(browser, By.id("step-save"));
        assertThat(text(browser, "timeline")).contains("已联系相关部门", "已联系收费站站长和财务核对考勤与加班记录。");
        browser.findElement(By.id("reply-text")).sendKeys("经核实，十月加班费下月随工资补发，其余两个月仍在核对。");
        Browser.screenshot(browser, "rights-4-handle-appeal");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("reply-send"));
        assertThat(column(id, "status")).isEqualTo("REPLIED");

        // The employee is not satisfied and reopens it at the unit above.
        logIn(browser, worker.employeeNo(), "Weiquan2026x");
        browser.get(url("/rights/appeals/" + id));
        assertThat(text(browser, "appeal-reply")).contains("十月加班费下月随工资补发");
        assertThat(text(browser, "timeline")).contains("已受理", "已联系相关部门", "已答复");
        Browser.tap(browser, browser.findElement(By.cssSelector("label[for='rating-UNSATISFIED']")));
        Browser.tap(browser, browser.findElement(By.id("reopen")));
        Browser.screenshot(browser, "rights-5-rate");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("rate-submit"));
        assertThat(text(browser, "flash")).contains("上一级工会");
        assertThat(text(browser, "timeline")).contains("不满意，转上一级重办");
        assertThat(column(id, "route_unit_id")).isEqualTo(Long.toString(root));

        // The committee, the unit above, accepts it; the station's chair can read it but not act.
        logIn(browser, chair.employeeNo(), "Fenhui2026xx");
        browser.get(url("/rights/handle/" + id));
        assertThat(text(browser, "not-handler")).contains("只能查看");
        assertThat(browser.findElements(By.id("accept"))).isEmpty();
        logIn(browser, committee.employeeNo(), "Weiyuan2026x");
        browser.get(url("/rights/handle"));
        assertThat(text(browser, "appeal-" + id)).contains("待受理", "诉求人：" + worker.name());
        Browser.tap(browser, browser.findElement(By.id("appeal-" + id)));
        assertThat(text(browser, "appeal-reopened")).contains("不满意");
        Browser.screenshot(browser, "rights-6-committee");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("accept"));
        assertThat(text(browser, "flash")).contains("已受理");
        assertThat(column(id, "status")).isEqualTo("ACCEPTED");
        assertThat(text(browser, "appeal-deadline")).contains("答复期限");
    }
}
