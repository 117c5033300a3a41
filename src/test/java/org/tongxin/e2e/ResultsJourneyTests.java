package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.activity.ActivitySetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;
import org.tongxin.support.Pictures;

/**
 * On a phone: the lead body's officer publishes an activity's results with three photos chosen at once; an
 * employee who came sees the gallery and how many came; the officer honours the employee on the unit's
 * honours wall, and the employee finds it under "我的荣誉".
 */
class ResultsJourneyTests extends JourneyTestSupport {

    @Autowired
    ActivitySetup activities;

    /** Whether every image of the page has loaded (a broken one has no natural width). */
    @Test
    void anOfficerPublishesResultsWithPhotosAndHonoursAnEmployeeOnAPhone() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("成果旅程工会");
        OrgSetup.HrRow chair = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow worker = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "results-e2e.csv", List.of(chair, worker));
        fixtures.chair(fixtures.withPassword(chair, "Chengguo2026"), unit.unit().id(), false);
        fixtures.withPassword(worker, "Rongyu2026xx");
        OffsetDateTime held = OffsetDateTime.now().minusDays(3);
        long activity = activities.activity("职工趣味运动会", "CULTURE_SPORTS", "拔河、跳绳和接力。", "站区广场", held,
                held.plusHours(3), held.minusDays(10), held.minusDays(1), 20, "EMPLOYEES", unit.unit().id(), false,
                unit.unit().id(), List.of(), "HELD", fixtures.adminAccountId());
        for (OrgSetup.HrRow came : List.of(worker, chair)) {
            activities.register(activity, fixtures.employeeId(came.employeeNo()), true);
            activities.checkIn(activity, fixtures.employeeId(came.employeeNo()), held.minusMinutes(5));
        }

        WebDriver browser = Browser.phone();
        logIn(browser, chair.employeeNo(), "Chengguo2026");
        browser.get(url("/org/units/" + unit.unit().id()));
        Browser.tap(browser, browser.findElement(By.cssSelector("#results-panel-awaiting a")));
        browser.findElement(By.id("summary-text")).sendKeys("三个项目、六支队伍参加，拔河比赛决出冠军。");
        browser.findElement(By.id("summary-photos")).sendKeys(Pictures.photoFiles(3));
        Browser.screenshot(browser, "41-results-form");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.id("summary-submit")));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("活动成果已发布");
        WebElement gallery = browser.findElement(By.id("summary-gallery"));
        assertThat(gallery.findElements(By.tagName("img"))).hasSize(3);
        assertThat(Browser.imagesLoaded(browser, gallery)).isTrue();
        assertThat(browser.findElement(By.id("summary-attended")).getText()).contains("2 人签到参加");
        Browser.screenshot(browser, "42-results-officer");
        Browser.assertFitsThePhone(browser);

        browser.get(url("/honours/units/" + unit.unit().id()));
        new Select(browser.findElement(By.id("honour-kind"))).selectByValue("OUTSTANDING_VOLUNTEER");
        browser.findElement(By.id("honour-employee")).sendKeys(worker.employeeNo());
        browser.findElement(By.id("honour-citation")).sendKeys("春运期间志愿服务 80 小时。");
        browser.findElement(By.id("honour-photo")).sendKeys(Pictures.photoFiles(1));
        Browser.tap(browser, browser.findElement(By.id("honour-submit")));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("荣誉已授予");
        WebElement wall = browser.findElement(By.id("honours"));
        assertThat(wall.getText()).contains(worker.name()).contains("优秀志愿者").contains("春运期间志愿服务 80 小时。");
        assertThat(Browser.imagesLoaded(browser, wall)).isTrue();
        Browser.screenshot(browser, "43-honours-wall");
        Browser.assertFitsThePhone(browser);

        logIn(browser, worker.employeeNo(), "Rongyu2026xx");
        browser.get(url("/activity-results/" + activity));
        assertThat(browser.findElement(By.id("summary-outcomes")).getText()).contains("拔河比赛决出冠军");
        assertThat(browser.findElements(By.id("summary-attendees"))).isEmpty();
        assertThat(Browser.imagesLoaded(browser, browser.findElement(By.id("summary-gallery")))).isTrue();
        Browser.screenshot(browser, "44-results-employee");
        Browser.assertFitsThePhone(browser);
        browser.get(url("/"));
        assertThat(browser.findElement(By.id("honours-link")).getText()).contains("1 项荣誉");
        Browser.tap(browser, browser.findElement(By.id("honours-link")));
        assertThat(browser.findElement(By.id("my-honours")).getText()).contains("春运期间志愿服务 80 小时。");
        Browser.screenshot(browser, "45-honours-mine");
        Browser.assertFitsThePhone(browser);

        // The demo's results and honours of the company union reach everyone in the company.
        browser.get(url("/activity-results"));
        assertThat(browser.findElement(By.id("results-recent")).getText()).contains("“同心杯”职工篮球友谊赛")
                .contains("“巾帼建功 青春同行”绿道健步走");
        Browser.screenshot(browser, "46-results-list");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.partialLinkText("同心杯")));
        assertThat(browser.findElement(By.id("activity-hosts")).getText()).contains("公司团委");
        assertThat(Browser.imagesLoaded(browser, browser.findElement(By.id("summary-gallery")))).isTrue();
        Browser.screenshot(browser, "47-results-demo");
        Browser.assertFitsThePhone(browser);
        long company = jdbc.sql("SELECT id FROM org_unit WHERE kind = 'COMPANY_UNION' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        browser.get(url("/honours/units/" + company));
        assertThat(browser.findElement(By.id("honours")).getText()).contains("劳动模范").contains("工匠")
                .contains("优秀志愿者").contains("先进集体");
        Browser.screenshot(browser, "48-honours-company");
        Browser.assertFitsThePhone(browser);
    }
}
