package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;

/**
 * On a phone: HR (through the committee) records a downward move, the unit's officer finds the new
 * case in the inbox, records a talk and closes the case; an officer of another unit gets 404.
 */
class CareJourneyTests extends JourneyTestSupport {

    /** An account with a password of its own: the chair of {@code unitId} with the care right, or the committee. */
    private void account(OrgSetup.HrRow row, String password, Long unitId) {
        long account = fixtures.withPassword(row, password);
        if (unitId != null) {
            fixtures.chair(account, unitId, true);
        } else {
            fixtures.committeeMember(account);
        }
    }

    @Test
    void hrImportsABatchWithADownwardMoveAndTheOfficerFollowsUpAndCloses() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("关怀旅程工会");
        Fixtures.UnitWithDepartment other = fixtures.grassroots("无关旅程工会");
        OrgSetup.HrRow moved = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow chair = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow hr = Fixtures.row(other.departmentCode());
        OrgSetup.HrRow stranger = Fixtures.row(other.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "care-e2e.csv",
                List.of(moved, chair, hr, stranger));
        account(chair, "Guanhuai2026", unit.unit().id());
        account(hr, "Renshi2026x", null);
        account(stranger, "Pangren2026", other.unit().id());

        WebDriver browser = Browser.phone();
        logIn(browser, hr.employeeNo(), "Renshi2026x");
        browser.get(url("/care/moves"));
        String header = "工号,变动日期,原职级,新部门,新岗位,新职级,离开方式,变动原因\n";
        String today = LocalDate.now().toString();
        // A file with one bad row is refused whole; corrected, it goes in.
        Path file = Files.createTempDirectory("moves").resolve("moves.csv");
        Files.writeString(file, header + moved.employeeNo() + "," + today + ",G5,养护工区,养护工,G2,,收费站撤并\n"
                + stranger.employeeNo() + "," + today + ",G9,养护工区,养护工,G2,,收费站撤并\n");
        browser.findElement(By.id("moves-file")).sendKeys(file.toString());
        Browser.tap(browser, browser.findElement(By.id("moves-upload")));
        assertThat(browser.findElement(By.id("moves-rejected")).getText()).contains("没有导入任何一行");
        assertThat(browser.findElement(By.id("moves-errors")).getText()).contains("3").contains("G9");
        Browser.screenshot(browser, "21-moves-rejected");
        assertThat(jdbc.sql("SELECT count(*) FROM care_move WHERE employee_id = ?")
                .param(fixtures.employeeId(moved.employeeNo())).query(Long.class).single()).isZero();

        Files.writeString(file, header + moved.employeeNo() + "," + today + ",G5,养护工区,养护工,G2,,收费站撤并\n"
                + stranger.employeeNo() + "," + today + ",G3,养护工区,养护工,G3,,收费站撤并\n");
        browser.findElement(By.id("moves-file")).sendKeys(file.toString());
        Browser.tap(browser, browser.findElement(By.id("moves-upload")));
        assertThat(browser.findElement(By.id("moves-ok")).getText()).contains("已导入 2 条岗位变动，新建 1 个关怀案例");
        Browser.screenshot(browser, "21-moves-imported");

        long caseId = jdbc.sql("SELECT id FROM care_case WHERE employee_id = ?")
                .param(fixtures.employeeId(moved.employeeNo())).query(Long.class).single();
        logIn(browser, chair.employeeNo(), "Guanhuai2026");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.get(url("/inbox"));
            return browser.findElement(By.id("inbox-list")).getText().contains("新的关怀案例");
        });
        Browser.tap(browser, browser.findElement(By.partialLinkText("新的关怀案例")));
        Browser.tap(browser, browser.findElement(By.linkText("查看")));
        assertThat(browser.getCurrentUrl()).endsWith("/care/cases/" + caseId);
        browser.findElement(By.id("note-content")).sendKeys("在职工之家谈心：担心收入下降，愿意参加养护技能培训。");
        Browser.tap(browser, browser.findElement(By.id("note-submit")));
        assertThat(browser.findElement(By.id("notes")).getText()).contains("愿意参加养护技能培训");
        Browser.screenshot(browser, "22-case");
        browser.findElement(By.id("case-outcome-input")).sendKeys("已适应新岗位");
        Browser.tap(browser, browser.findElement(By.id("case-close")));
        assertThat(browser.findElement(By.id("case-outcome")).getText()).contains("已适应新岗位");

        logIn(browser, stranger.employeeNo(), "Pangren2026");
        browser.get(url("/care/cases/" + caseId));
        assertThat(browser.findElement(By.id("error-page")).getText()).contains("404");
    }
}
