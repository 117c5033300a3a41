package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.membership.internal.CardTokens;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;

/**
 * On a phone: an employee fresh from HR applies to join, the unit's officer approves, the new member
 * shows the card, the officer checks its QR link, and a stale code is refused.
 */
class JoiningJourneyTests extends JourneyTestSupport {

    @Autowired
    CardTokens tokens;

    @Test
    void anEmployeeJoinsAndTheOfficerChecksTheCard() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("青神收费站工会");
        OrgSetup.HrRow newcomer = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow chair = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "e2e-join.csv", List.of(newcomer, chair));
        fixtures.chair(fixtures.withPassword(chair, "Zhuxi2026xyz"), unit.unit().id(), false);

        WebDriver browser = Browser.phone();
        String initial = newcomer.idCard().substring(12);
        logIn(browser, newcomer.employeeNo(), initial);
        browser.findElement(By.id("current")).sendKeys(initial);
        browser.findElement(By.id("next")).sendKeys("Ruhui2026xyz");
        browser.findElement(By.id("confirm")).sendKeys("Ruhui2026xyz");
        browser.findElement(By.id("password-submit")).click();
        Browser.tap(browser, browser.findElement(By.id("apply-link")));
        assertThat(browser.findElement(By.id("apply-form")).getText()).contains(newcomer.name());
        browser.findElement(By.id("declaration")).click();
        Browser.screenshot(browser, "11-apply");
        browser.findElement(By.id("apply-submit")).click();
        assertThat(browser.findElement(By.id("application-open")).getText()).contains("审核");

        logIn(browser, chair.employeeNo(), "Zhuxi2026xyz");
        assertThat(browser.findElement(By.id("queue-link")).getText()).contains("1 份待审批");
        Browser.tap(browser, browser.findElement(By.id("queue-link")));
        Browser.screenshot(browser, "12-queue");
        Browser.tap(browser, browser.findElement(By.cssSelector("button.approve")));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("已批准");

        logIn(browser, newcomer.employeeNo(), "Ruhui2026xyz");
        Browser.tap(browser, browser.findElement(By.id("card-link")));
        String memberNo = browser.findElement(By.id("card-no")).getText();
        assertThat(memberNo).startsWith(String.format("U%05d-", unit.unit().id()));
        assertThat(browser.findElements(By.cssSelector("#card-qr svg"))).hasSize(1);
        Browser.screenshot(browser, "13-card");
        String verify = browser.findElement(By.id("verify-link")).getAttribute("href");

        logIn(browser, chair.employeeNo(), "Zhuxi2026xyz");
        browser.get(verify);
        assertThat(browser.findElement(By.id("verify-result")).getText()).contains("有效会员").contains(newcomer.name());
        Browser.screenshot(browser, "14-verified");

        long memberId = jdbc.sql("SELECT id FROM member WHERE member_no = ?").param(memberNo).query(Long.class).single();
        browser.get(url("/membership/verify?t=" + tokens.issue(memberId, Instant.now().minusSeconds(600))));
        assertThat(browser.findElement(By.id("verify-result")).getText()).contains("已过期")
                .doesNotContain(newcomer.name());
    }
}
