package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.support.Browser.assertFitsThePhone;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;

/**
 * On a phone: a station's chair imports the month's payroll dues, first with a mistyped row (nothing saved, the row
 * named), then corrected; the member opens 我的会费 and finds the month with its base, rate and amount.
 */
class DuesJourneyTests extends JourneyTestSupport {

    @Autowired
    MembershipSetup membership;

    @Test
    void anOfficerImportsThePayrollAndTheMemberSeesTheirMonth() throws Exception {
        Fixtures.UnitWithDepartment station = fixtures.grassroots("会费旅程收费站");
        OrgSetup.HrRow member = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow chair = Fixtures.row(station.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "dues-journey.csv", List.of(member, chair));
        membership.enrol(fixtures.employeeId(member.employeeNo()), station.unit().id(), LocalDate.now().minusYears(3));
        fixtures.chair(fixtures.withPassword(chair, "Huifei2026x"), station.unit().id(), false);
        fixtures.withPassword(member, "Huiyuan2026x");
        YearMonth month = YearMonth.now().minusMonths(1);
        Path bad = Files.createTempFile("payroll-bad", ".csv");
        Files.writeString(bad, "工号,姓名,月份,缴费基数\n" + member.employeeNo() + "," + member.name() + "," + month
                + ",65OO\n", StandardCharsets.UTF_8);
        Path good = Files.createTempFile("payroll", ".csv");
        Files.writeString(good, "工号,姓名,月份,缴费基数\n" + member.employeeNo() + "," + member.name() + "," + month
                + ",6500\n", StandardCharsets.UTF_8);

        WebDriver browser = Browser.phone();
        logIn(browser, chair.employeeNo(), "Huifei2026x");
        browser.get(url("/benefits/dues/manage"));
        Browser.tap(browser, browser.findElement(By.id("dues-import-link")));
        assertFitsThePhone(browser);
        browser.findElement(By.id("import-file")).sendKeys(bad.toString());
        Browser.send(browser, By.id("import-submit"));
        assertThat(browser.findElement(By.id("import-errors")).getText()).contains("2", "缴费基数", "不是金额");
        Browser.screenshot(browser, "dues-01-rejected");
        assertFitsThePhone(browser);

        browser.findElement(By.id("import-file")).sendKeys(good.toString());
        Browser.send(browser, By.id("import-submit"));
        assertThat(browser.findElement(By.id("flash")).getText()).isEqualTo("工资会费已导入。");
        assertThat(browser.findElement(By.id("run-summary")).getText()).contains("1 行", "¥32.50");
        Browser.screenshot(browser, "dues-02-imported");
        assertFitsThePhone(browser);

        logIn(browser, member.employeeNo(), "Huiyuan2026x");
        browser.get(url("/me"));
        Browser.tap(browser, browser.findElement(By.id("me-dues")));
        browser.get(url("/benefits/dues?year=" + month.getYear()));
        assertThat(browser.findElement(By.id("dues-month-" + month)).getText())
                .contains(month.toString(), "¥6,500.00", "0.50%", "¥32.50");
        Browser.screenshot(browser, "dues-03-member");
        assertFitsThePhone(browser);
    }
}
