package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;
import org.tongxin.support.Pictures;

/**
 * On phones: an officer publishes an activity co-hosted with the youth league; one member signs up and
 * fills it, the next goes to the waitlist; the first cancels and the second is promoted and told; the
 * second checks in through the QR link; the results with photos then show on both hosts' pages.
 */
class ActivityJourneyTests extends JourneyTestSupport {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    MembershipSetup membershipSetup;

    private static void set(WebDriver browser, String id, String value) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id,
                value);
    }

    @Test
    void anOfficerPublishesAMemberFillsItTheNextWaitsIsPromotedAndChecksIn() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("名山收费站工会");
        OrgSetup.HrRow chair = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow first = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow second = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow committee = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "e2e-activity.csv",
                List.of(chair, first, second, committee));
        fixtures.committeeMember(fixtures.withPassword(committee, "Weiyuan2026x"));
        fixtures.chair(fixtures.withPassword(chair, "Huodong2026"), unit.unit().id(), false);
        for (OrgSetup.HrRow r : List.of(first, second)) {
            fixtures.withPassword(r, "Canjia2026x");
            membershipSetup.enrol(fixtures.employeeId(r.employeeNo()), unit.unit().id(), LocalDate.now().minusYears(2));
        }
        long youthLeague = jdbc.sql("SELECT id FROM org_unit WHERE kind = 'YOUTH_LEAGUE' ORDER BY id LIMIT 1")
                .query(Long.class).single();

        WebDriver browser = Browser.phone();
        logIn(browser, chair.employeeNo(), "Huodong2026");
        browser.get(url("/activity-admin/new"));
        browser.findElement(By.id("f-title")).sendKeys("青年职工羽毛球赛");
        browser.findElement(By.id("f-capacity")).sendKeys("1");
        new Select(browser.findElement(By.id("f-lead"))).selectByValue(Long.toString(unit.unit().id()));
        Browser.tap(browser, browser.findElement(By.id("cohost-" + youthLeague)));
        browser.findElement(By.id("f-place")).sendKeys("站区篮球场");
        LocalDateTime now = LocalDateTime.now();
        set(browser, "f-starts", now.plusMinutes(40).format(LOCAL));
        set(browser, "f-ends", now.plusHours(3).format(LOCAL));
        set(browser, "f-opens", now.minusMinutes(10).format(LOCAL));
        set(browser, "f-closes", now.plusMinutes(30).format(LOCAL));
        new Select(browser.findElement(By.id("f-audience-unit"))).selectByValue(Long.toString(unit.unit().id()));
        browser.findElement(By.id("f-description")).sendKeys("团委与工会联合举办，欢迎报名。");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.id("activity-save")));
        Browser.tap(browser, browser.findElement(By.id("publish")));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("已发布");
        assertThat(browser.findElement(By.id("manage-state")).getText()).contains("团委");
        Browser.screenshot(browser, "41-activity-published");
        String checkInLink = browser.findElement(By.id("checkin-link")).getAttribute("href");

        logIn(browser, first.employeeNo(), "Canjia2026x");
        Browser.tap(browser, browser.findElement(By.linkText("活动")));
        Browser.tap(browser, browser.findElement(By.partialLinkText("青年职工羽毛球赛")));
        assertThat(browser.findElement(By.id("activity-hosts")).getText()).contains("协办");
        Browser.tap(browser, browser.findElement(By.id("register")));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("报名成功");
        Browser.screenshot(browser, "42-activity-registered");

        logIn(browser, second.employeeNo(), "Canjia2026x");
        browser.get(url("/activities"));
        Browser.tap(browser, browser.findElement(By.partialLinkText("青年职工羽毛球赛")));
        assertThat(browser.findElement(By.id("register")).getText()).contains("候补");
        Browser.tap(browser, browser.findElement(By.id("register")));
        assertThat(browser.findElement(By.id("signup-state")).getText()).contains("候补名单第 1 位");
        Browser.screenshot(browser, "43-activity-waitlisted");

        logIn(browser, first.employeeNo(), "Canjia2026x");
        browser.get(url("/activities/mine"));
        Browser.tap(browser, browser.findElement(By.partialLinkText("青年职工羽毛球赛")));
        Browser.tap(browser, browser.findElement(By.id("cancel-signup")));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("已取消报名");

        logIn(browser, second.employeeNo(), "Canjia2026x");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.get(url("/inbox"));
            return browser.findElement(By.id("inbox-list")).getText().contains("报名成功：青年职工羽毛球赛");
        });
        browser.get(checkInLink);
        Browser.tap(browser, browser.findElement(By.id("check-in")));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("签到成功");
        Browser.assertFitsThePhone(browser);
        Browser.screenshot(browser, "44-activity-checked-in");

        logIn(browser, chair.employeeNo(), "Huodong2026");
        browser.get(url("/activity-admin"));
        Browser.tap(browser, browser.findElement(By.partialLinkText("青年职工羽毛球赛")));
        assertThat(browser.findElement(By.id("attendance-list")).getText()).contains(second.name());
        Browser.screenshot(browser, "45-activity-attendance");

        // The match is played; the lead's officer publishes the results with photos from the unit's page.
        long activity = jdbc.sql("SELECT id FROM activity WHERE title = '青年职工羽毛球赛' AND lead_unit_id = ?")
                .param(unit.unit().id()).query(Long.class).single();
        jdbc.sql("""
                        UPDATE activity SET signup_opens_at = now() - interval '5 hours',
                          signup_closes_at = now() - interval '4 hours', starts_at = now() - interval '3 hours',
                          ends_at = now() - interval '1 hour' WHERE id = ?""").param(activity).update();
        browser.get(url("/org/units/" + unit.unit().id()));
        Browser.tap(browser, browser.findElement(By.cssSelector("#results-panel-awaiting a")));
        browser.findElement(By.id("summary-text")).sendKeys("八人报名，一人候补递补，比赛在团委青年志愿者的组织下圆满完成。");
        browser.findElement(By.id("summary-photos")).sendKeys(Pictures.photoFiles(2));
        Browser.tap(browser, browser.findElement(By.id("summary-submit")));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("活动成果已发布");

        // Both hosts show it on their pages: the station, and the youth league (seen by a committee member).
        assertThat(browser.findElement(By.id("summary-gallery")).findElements(By.tagName("img"))).hasSize(2);
        browser.get(url("/org/units/" + unit.unit().id()));
        assertThat(browser.findElement(By.id("results-panel")).getText()).contains("青年职工羽毛球赛");
        logIn(browser, committee.employeeNo(), "Weiyuan2026x");
        browser.get(url("/org/units/" + youthLeague));
        assertThat(browser.findElement(By.id("results-panel")).getText()).contains("青年职工羽毛球赛");
        Browser.assertFitsThePhone(browser);
        Browser.screenshot(browser, "46-activity-results-on-the-youth-league");
    }
}
