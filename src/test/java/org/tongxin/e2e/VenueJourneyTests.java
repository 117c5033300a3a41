package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.activity.internal.VenueService;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;

/**
 * On a phone: an officer of one body finds another body's workers' home, reads its week day by day and asks for
 * an evening; the owner's officer finds the request on the home tab and approves it, and the calendar shows it.
 */
class VenueJourneyTests extends JourneyTestSupport {

    @Autowired
    VenueService venues;

    @Test
    void anOfficerAsksForAnotherBodysVenueOnAPhoneAndTheOwnerApproves() throws Exception {
        Fixtures.UnitWithDepartment owner = fixtures.grassroots("阵地旅程工会");
        Fixtures.UnitWithDepartment asker = fixtures.grassroots("借阵地旅程工会");
        OrgSetup.HrRow ownerRow = Fixtures.row(owner.departmentCode());
        OrgSetup.HrRow askerRow = Fixtures.row(asker.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "venue-e2e.csv", List.of(ownerRow, askerRow));
        long ownerAccount = fixtures.withPassword(ownerRow, "Zhendi2026x");
        long askerAccount = fixtures.withPassword(askerRow, "Jieyong2026");
        fixtures.chair(ownerAccount, owner.unit().id(), false);
        fixtures.chair(askerAccount, asker.unit().id(), false);
        Viewer ownerOfficer = new Viewer(ownerAccount, fixtures.employeeId(ownerRow.employeeNo()), "主席",
                Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(owner.unit().id()), Set.of(), false);
        long venueId = venues.create(ownerOfficer, owner.unit().id(), new VenueService.VenueForm(
                owner.unit().name() + "职工之家", "WORKERS_HOME", "收费站综合楼二楼", "40", "阅览角、乒乓球台、按摩椅"), null);
        // A day of next week, so that the week shown holds both the owner's own booking and the request.
        LocalDate day = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusDays(2);
        venues.request(ownerOfficer, venueId, new VenueService.RequestForm(owner.unit().id(), "收费一班业务学习",
                day + "T14:00", day + "T16:00"));

        WebDriver browser = Browser.phone();
        logIn(browser, askerRow.employeeNo(), "Jieyong2026");
        browser.get(url("/activity-venues"));
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.cssSelector("a[href='/activity-venues/" + venueId + "']")));
        Browser.tap(browser, browser.findElement(By.id("week-next")));
        new Select(browser.findElement(By.id("request-unit"))).selectByValue(Long.toString(asker.unit().id()));
        setValue(browser, browser.findElement(By.id("request-start")), day + "T19:00");
        setValue(browser, browser.findElement(By.id("request-end")), day + "T21:00");
        browser.findElement(By.id("request-purpose")).sendKeys("职工读书分享会");
        Browser.tap(browser, browser.findElement(By.id("request-submit")));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("申请已提交");
        WebElement thatDay = browser.findElement(By.id("day-" + day));
        assertThat(thatDay.getText()).contains("14:00–16:00").contains("已批准").contains("19:00–21:00")
                .contains(asker.unit().name()).contains("待批准");
        Browser.screenshot(browser, "41-venue-week");
        Browser.assertFitsThePhone(browser);

        logIn(browser, ownerRow.employeeNo(), "Zhendi2026x");
        assertThat(browser.findElement(By.id("venue-queue-link")).getText()).contains("1 件待您审批");
        Browser.tap(browser, browser.findElement(By.id("venue-queue-link")));
        Browser.screenshot(browser, "42-venue-list");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.cssSelector("#venue-to-decide a")));
        Browser.screenshot(browser, "43-venue-booking");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.id("booking-approve")));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("已批准");
        Browser.tap(browser, browser.findElement(By.cssSelector("main > a.small")));
        assertThat(browser.findElement(By.id("day-" + day)).getText()).doesNotContain("待批准");
        Browser.screenshot(browser, "44-venue-week-owner");
        Browser.assertFitsThePhone(browser);
    }

    /** Date-time inputs take their value in the browser's own format when typed; the page reads the ISO value. */
    private static void setValue(WebDriver browser, WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, value);
    }
}
