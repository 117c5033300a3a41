package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.benefits.internal.Welfare;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;

/**
 * On a phone: the committee sets the year's cap and opens a Mid-Autumn round for a toll station through the forms
 * (packages, default, open); a member picks a package and changes it; the window closes and the member who did not
 * pick gets the default; the station's chair confirms delivery; the member signs for the package; the totals show
 * the figures that match.
 */
class WelfareJourneyTests extends JourneyTestSupport {

    @Autowired
    MembershipSetup membershipSetup;
    @Autowired
    Welfare welfare;

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void type(WebDriver browser, String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private static void setValue(WebDriver browser, String id, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)),
                value);
    }

    private long packageId(long round, String name) {
        return jdbc.sql("SELECT id FROM welfare_package WHERE round_id = ? AND name = ?").params(round, name)
                .query(Long.class).single();
    }

    @Test
    void theCommitteeOpensAMidAutumnRoundAMemberPicksChangesAndSignsAndTheTotalsMatch() throws Exception {
        Fixtures.UnitWithDepartment station = fixtures.grassroots("福利旅程收费站");
        OrgSetup.HrRow committee = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow chair = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow picker = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow quiet = Fixtures.row(station.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "welfare-e2e.csv",
                List.of(committee, chair, picker, quiet));
        fixtures.committeeMember(fixtures.withPassword(committee, "Weiyuan2026x"));
        fixtures.chair(fixtures.withPassword(chair, "Fenhui2026xx"), station.unit().id(), false);
        fixtures.withPassword(picker, "Fuli2026xxxx");
        for (OrgSetup.HrRow m : List.of(picker, quiet)) {
            membershipSetup.enrol(fixtures.employeeId(m.employeeNo()), station.unit().id(),
                    java.time.LocalDate.now().minusYears(2));
        }

        // The committee sets the cap and opens the round through the forms.
        WebDriver browser = Browser.phone();
        logIn(browser, committee.employeeNo(), "Weiyuan2026x");
        browser.get(url("/benefits/welfare-admin"));
        type(browser, "cap-amount", "1800");
        Browser.send(browser, By.id("cap-save"));
        assertThat(text(browser, "flash")).contains("上限已保存");
        assertThat(text(browser, "cap-now")).contains("¥1,800.00");
        new Select(browser.findElement(By.id("round-unit"))).selectByValue(Long.toString(station.unit().id()));
        new Select(browser.findElement(By.id("round-occasion"))).selectByValue("MID_AUTUMN");
        type(browser, "round-title", "中秋节慰问品（旅程）");
        type(browser, "round-budget", "300");
        LocalDateTime closes = LocalDateTime.now(ZoneId.systemDefault()).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        setValue(browser, "round-closes", closes.toString());
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("round-create"));
        assertThat(browser.getCurrentUrl()).matches(".*/benefits/welfare-admin/\\d+$");
        long round = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/(\\d+)$", "$1"));
        assertThat(text(browser, "flash")).contains("福利批次已创建");
        for (String[] p : new String[][]{{"水果礼盒", "198.50", "果园鲜生", "10"}, {"粮油礼包", "268", "蜀粮商贸", "10"}}) {
            type(browser, "package-name", p[0]);
            type(browser, "package-price", p[1]);
            type(browser, "package-supplier", p[2]);
            type(browser, "package-stock", p[3]);
            Browser.send(browser, By.id("package-add"));
            assertThat(text(browser, "flash")).contains("礼包已添加");
        }
        long fruit = packageId(round, "水果礼盒");
        long grain = packageId(round, "粮油礼包");
        Browser.send(browser, By.id("make-default-" + grain));
        assertThat(text(browser, "package-" + grain)).contains("默认");
        Browser.screenshot(browser, "welfare-1-draft");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("open-round"));
        assertThat(text(browser, "flash")).contains("已开放选择");
        assertThat(text(browser, "opened-for")).contains("2");

        // The member picks on the phone from the home card, then changes.
        logIn(browser, picker.employeeNo(), "Fuli2026xxxx");
        assertThat(text(browser, "welfare-pick-home")).contains("节日福利：请选择礼包", "中秋节慰问品（旅程）");
        Browser.tap(browser, browser.findElement(By.id("welfare-pick-" + round)));
        assertThat(text(browser, "current-pick")).contains("尚未选择");
        assertThat(text(browser, "closes-at")).contains("请在");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("choose-" + grain));
        assertThat(text(browser, "flash")).contains("已选好礼包");
        assertThat(text(browser, "current-pick")).contains("粮油礼包");
        Browser.send(browser, By.id("choose-" + fruit));
        assertThat(text(browser, "flash")).contains("已更改选择");
        assertThat(text(browser, "current-pick")).contains("水果礼盒");
        Browser.screenshot(browser, "welfare-2-pick");

        // The window closes: the member who did not pick gets the default.
        OffsetDateTime closesAt = welfare.find(round).orElseThrow().closesAt();
        welfare.closeDue(closesAt.plusMinutes(1));
        assertThat(jdbc.sql("""
                        SELECT p.name || ' ' || e.by_default FROM welfare_entitlement e JOIN welfare_package p ON p.id = e.package_id
                        WHERE e.round_id = ? AND e.employee_id = ?""")
                .params(round, fixtures.employeeId(quiet.employeeNo())).query(String.class).single())
                .isEqualTo("粮油礼包 true");

        // The station's chair confirms delivery.
        logIn(browser, chair.employeeNo(), "Fenhui2026xx");
        browser.get(url("/benefits/welfare-admin"));
        Browser.tap(browser, browser.findElement(By.id("round-" + round)));
        Browser.tap(browser, browser.findElement(By.id("site-" + station.unit().id())));
        assertThat(text(browser, "site-counts")).contains("粮油礼包", "水果礼盒");
        assertThat(text(browser, "pick-list")).contains(picker.name(), quiet.name());
        type(browser, "delivery-note", "果园鲜生、蜀粮商贸已送到");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("confirm-delivery"));
        assertThat(text(browser, "flash")).contains("已确认送达");
        Browser.screenshot(browser, "welfare-3-site");

        // The member signs for the package.
        logIn(browser, picker.employeeNo(), "Fuli2026xxxx");
        browser.get(url("/benefits/welfare/" + round));
        assertThat(text(browser, "my-package")).contains("水果礼盒", "领取地点：" + station.unit().name());
        Browser.send(browser, By.id("sign"));
        assertThat(text(browser, "flash")).contains("已签收");
        assertThat(text(browser, "collected")).contains("本人签收");
        Browser.screenshot(browser, "welfare-4-signed");

        // The totals match: two members, one picked, one default, one collected, ¥198.50 + ¥268.00 spent of ¥600.
        logIn(browser, committee.employeeNo(), "Weiyuan2026x");
        browser.get(url("/benefits/welfare-admin/" + round));
        assertThat(text(browser, "t-members")).isEqualTo("2");
        assertThat(text(browser, "t-picked")).isEqualTo("1");
        assertThat(text(browser, "t-defaults")).isEqualTo("1");
        assertThat(text(browser, "t-collected")).isEqualTo("1");
        assertThat(text(browser, "t-spend")).isEqualTo("¥466.50");
        assertThat(text(browser, "t-budget")).contains("¥600.00");
        Welfare.Totals totals = welfare.totals(Fixtures.committee(fixtures.adminAccountId()), round);
        assertThat(totals.spend()).isEqualByComparingTo("466.50");
        assertThat(totals.collected()).isEqualTo(1);
        Browser.screenshot(browser, "welfare-5-totals");
        Browser.assertFitsThePhone(browser);
    }
}
