package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.support.Browser.assertFitsThePhone;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.identity.AccountSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;

/**
 * The demo officer of a toll-station union, on a phone: first log-in and password change, the tree,
 * the own unit, an import rejected for one bad row, the corrected import, the new employees on the
 * unit page, and the committee finding the import in the audit trail.
 */
class OfficerImportJourneyTests extends JourneyTestSupport {

    private static final String DEMO_PASSWORD = "Tongxin@2026";

    @Autowired
    AccountSetup accountSetup;


    private String demoLogin(String role, String unitName) {
        return jdbc.sql("""
                        SELECT e.emp_no FROM role_grant g JOIN account a ON a.id = g.account_id
                        JOIN employee e ON e.id = a.employee_id LEFT JOIN org_unit u ON u.id = g.unit_id
                        WHERE g.role = ? AND (CAST(? AS TEXT) IS NULL OR u.name = ?) ORDER BY g.id LIMIT 1""")
                .params(role, unitName, unitName).query(String.class).single();
    }

    private void logInFirstTime(WebDriver browser, String login, String newPassword) {
        // The demo accounts as a newcomer finds them, whatever tests that ran before did to them.
        accountSetup.setTemporaryPassword(login, DEMO_PASSWORD);
        jdbc.sql("UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE employee_id = "
                + "(SELECT id FROM employee WHERE emp_no = ?)").param(login).update();
        Browser.logIn(browser, url(""), login, DEMO_PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/password");
        browser.findElement(By.id("current")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.id("next")).sendKeys(newPassword);
        browser.findElement(By.id("confirm")).sendKeys(newPassword);
        browser.findElement(By.id("password-submit")).click();
        assertThat(browser.findElement(By.id("flash")).getText()).isEqualTo("密码已修改。");
    }

    @Test
    void officerImportsEmployeesOnAPhoneAndTheCommitteeSeesItAudited() throws Exception {
        WebDriver browser = Browser.phone();
        String officer = demoLogin("OFFICER", "蒲江收费站分会");
        logInFirstTime(browser, officer, "Pujiang2026ab");
        Browser.screenshot(browser, "01-home");
        assertFitsThePhone(browser);

        Browser.tap(browser, browser.findElement(By.linkText("组织架构")));
        assertThat(browser.findElement(By.id("tree")).getText()).contains("蒲江收费站分会").doesNotContain("机关工会");
        Browser.screenshot(browser, "02-tree");
        assertFitsThePhone(browser);

        Browser.tap(browser, browser.findElement(By.linkText("蒲江收费站分会")));
        assertThat(browser.findElement(By.id("unit-name")).getText()).isEqualTo("蒲江收费站分会");
        assertThat(browser.findElement(By.id("officers")).getText()).contains("主席");
        Browser.screenshot(browser, "03-unit");
        assertFitsThePhone(browser);

        String department = jdbc.sql("""
                        SELECT d.code FROM department d JOIN org_unit u ON u.id = d.unit_id
                        WHERE u.name = '蒲江收费站分会'""").query(String.class).single();
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            OrgSetup.HrRow r = Fixtures.row(department);
            rows.add(new OrgSetup.HrRow(r.employeeNo(), "新员工" + "甲乙丙".charAt(i), r.gender(), r.birthDate(),
                    r.phone(), r.idCard(), r.departmentCode(), r.hireDate(), r.jobTitle(), r.status()));
        }
        OrgSetup.HrRow good = rows.get(2);
        List<OrgSetup.HrRow> withBadRow = new ArrayList<>(rows);
        withBadRow.set(2, new OrgSetup.HrRow(good.employeeNo(), good.name(), good.gender(), good.birthDate(),
                good.phone(), good.idCard().substring(0, 17) + (good.idCard().endsWith("1") ? "2" : "1"),
                good.departmentCode(), good.hireDate(), good.jobTitle(), good.status()));
        Path badFile = Files.createTempFile("new-staff-bad", ".csv");
        Files.writeString(badFile, Fixtures.csv(withBadRow), StandardCharsets.UTF_8);
        Path goodFile = Files.createTempFile("new-staff", ".csv");
        Files.write(goodFile, Fixtures.csv(rows).getBytes(java.nio.charset.Charset.forName("GBK")));

        browser.get(url("/org/import"));
        browser.findElement(By.id("import-file")).sendKeys(badFile.toString());
        browser.findElement(By.id("import-submit")).click();
        assertThat(browser.findElement(By.id("import-rejected")).getText()).contains("1 行错误");
        assertThat(browser.findElement(By.id("import-errors")).getText()).contains("4").contains("身份证号")
                .contains("身份证号无效");
        assertThat(browser.findElements(By.id("report-download"))).hasSize(1);
        Browser.screenshot(browser, "04-import-rejected");
        assertFitsThePhone(browser);

        browser.get(url("/org/units/" + unitId("蒲江收费站分会") + "?q=新员工"));
        assertThat(browser.findElement(By.id("employees")).getText()).contains("没有职工");

        browser.get(url("/org/import"));
        browser.findElement(By.id("import-file")).sendKeys(goodFile.toString());
        browser.findElement(By.id("import-submit")).click();
        assertThat(browser.findElement(By.id("import-ok")).getText()).contains("新增 3 人");
        Browser.screenshot(browser, "05-import-ok");

        browser.get(url("/org/units/" + unitId("蒲江收费站分会")));
        browser.findElement(By.id("employee-search")).sendKeys("新员工");
        browser.findElement(By.id("employee-search")).submit();
        assertThat(browser.findElement(By.id("employees")).getText()).contains("新员工甲", "新员工乙", "新员工丙");
        Browser.screenshot(browser, "06-new-employees");
        assertFitsThePhone(browser);

        browser.get(url("/me"));
        Browser.tap(browser, browser.findElement(By.id("logout")));
        logInFirstTime(browser, demoLogin("COMMITTEE", null), "Weiyuan2026ab");
        browser.get(url("/admin/audit?action=employee.import"));
        String audit = browser.findElement(By.id("audit")).getText();
        assertThat(audit).contains("导入职工").contains(goodFile.getFileName().toString());
        Browser.screenshot(browser, "07-audit");
        assertFitsThePhone(browser);
    }

    private long unitId(String name) {
        return jdbc.sql("SELECT id FROM org_unit WHERE name = ?").param(name).query(Long.class).single();
    }
}
