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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * On a phone: HR (through the committee) records a downward move, the unit's officer finds the new
 * case in the inbox, records a talk and closes the case; an officer of another unit gets 404.
 */
class CareJourneyTests extends IntegrationTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    PasswordEncoder encoder;

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void logIn(WebDriver browser, String login, String password) {
        Browser.logIn(browser, url(""), login, password);
    }

    /** An account for the employee with a password of its own and the given grant. */
    private void account(OrgSetup.HrRow row, String password, String role, Long unitId) {
        long account = fixtures.accountId(fixtures.employeeId(row.employeeNo()));
        jdbc.sql("UPDATE account SET password_hash = ?, must_change_password = false WHERE id = ?")
                .params(encoder.encode(password), account).update();
        jdbc.sql("INSERT INTO role_grant (account_id, role, unit_id, post) VALUES (?, ?, ?, ?)")
                .params(account, role, unitId, unitId == null ? null : "主席").update();
        if (unitId != null) {
            jdbc.sql("INSERT INTO role_grant (account_id, role, unit_id) VALUES (?, 'CARE', ?)")
                    .params(account, unitId).update();
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
        account(chair, "Guanhuai2026", "OFFICER", unit.unit().id());
        account(hr, "Renshi2026x", "COMMITTEE", null);
        account(stranger, "Pangren2026", "OFFICER", other.unit().id());

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
