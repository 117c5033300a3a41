package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.activity.VolunteerSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;

/**
 * On a phone: an employee finds the station's volunteer project from the home tab, signs up for a shift and
 * sees it in "my volunteering" next to the hours confirmed earlier; the station's officer records the hours of
 * the shift just ended on the phone too, and sees the station's figures.
 */
class VolunteerJourneyTests extends JourneyTestSupport {

    @Autowired
    VolunteerSetup setup;

    @Test
    void anEmployeeSignsUpForAShiftAndFindsItInMyVolunteering() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("夹江收费站工会");
        OrgSetup.HrRow volunteer = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow colleague = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow chair = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "e2e-volunteer.csv",
                List.of(volunteer, colleague, chair));
        fixtures.withPassword(volunteer, "Zhiyuan2026");
        long chairAccount = fixtures.withPassword(chair, "Zhuxi2026xy");
        fixtures.chair(chairAccount, unit.unit().id(), false);
        long volunteerId = fixtures.employeeId(volunteer.employeeNo());
        long colleagueId = fixtures.employeeId(colleague.employeeNo());
        long unitId = unit.unit().id();

        long project = setup.project("春运志愿服务 · 收费站便民服务岗", "为司乘人员指路、送热水，帮助抛锚车辆联系救援。",
                "夹江收费站广场", "EMPLOYEES", unitId, unitId, List.of(), "PUBLISHED", chairAccount);
        // Both earlier today, so that their hours count this year whatever the date.
        OffsetDateTime morning = OffsetDateTime.now().minusHours(8).withNano(0);
        long served = setup.shift(project, morning, morning.plusHours(4), null, 3);
        setup.signUp(served, List.of(volunteerId));
        setup.hours(served, List.of(), chairAccount, fixtures.adminAccountId(), morning.plusHours(4));
        OffsetDateTime noon = OffsetDateTime.now().minusHours(3).withNano(0);
        long toRecord = setup.shift(project, noon, noon.plusHours(2), null, 3);
        setup.signUp(toRecord, List.of(volunteerId, colleagueId));
        OffsetDateTime nextWeek = OffsetDateTime.now().plusDays(6).withHour(8).withMinute(0).withSecond(0).withNano(0);
        long shift = setup.shift(project, nextWeek, nextWeek.plusHours(4), "夹江收费站出口广场", 5);

        WebDriver browser = Browser.phone();
        logIn(browser, volunteer.employeeNo(), "Zhiyuan2026");
        assertThat(browser.findElement(By.id("volunteer-link")).getText()).contains("4 小时");
        Browser.tap(browser, browser.findElement(By.id("volunteer-link")));
        Browser.tap(browser, browser.findElement(By.id("project-" + project)));
        Browser.tap(browser, browser.findElement(By.id("signup-" + shift)));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("报名成功");
        assertThat(browser.findElement(By.id("shift-" + shift)).getText()).contains("已报名").contains("剩余 4/5 个名额");
        Browser.screenshot(browser, "volunteer-1-project");
        Browser.assertFitsThePhone(browser);

        browser.get(url("/volunteering"));
        Browser.tap(browser, browser.findElement(By.id("mine-link")));
        assertThat(browser.findElement(By.id("my-shift-" + shift)).getText()).contains("春运志愿服务");
        assertThat(browser.findElement(By.id("my-hours-total")).getText()).isEqualTo("4");
        assertThat(browser.findElement(By.id("record-" + served)).getText()).contains("4 小时");
        assertThat(browser.findElement(By.id("record-" + toRecord)).getText()).contains("待记录时长");
        Browser.screenshot(browser, "volunteer-2-mine");
        Browser.assertFitsThePhone(browser);

        logIn(browser, chair.employeeNo(), "Zhuxi2026xy");
        Browser.tap(browser, browser.findElement(By.id("volunteer-queue-link")));
        Browser.tap(browser, browser.findElement(By.cssSelector("#to-record a[href='/volunteering/manage/shifts/"
                + toRecord + "']")));
        WebElement colleagueLine = browser.findElement(By.xpath("//div[starts-with(@id,'roster-')][.//div[text()='"
                + colleague.name() + "']]"));
        Browser.tap(browser, colleagueLine.findElement(By.cssSelector("input[type=checkbox]")));
        Browser.screenshot(browser, "volunteer-3-hours");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.id("hours-save")));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("等待另一位工会干部确认");
        assertThat(browser.findElement(By.id("confirm-box")).getText()).contains("另一位工会干部确认");
        assertThat(jdbc.sql("SELECT string_agg(employee_id || ':' || minutes, ',' ORDER BY minutes) FROM volunteer_signup"
                + " WHERE shift_id = ?").param(toRecord).query(String.class).single())
                .isEqualTo(colleagueId + ":0," + volunteerId + ":120");

        browser.get(url("/volunteering/manage"));
        assertThat(browser.findElement(By.id("body-totals")).getText()).contains(unit.unit().name());
        Browser.screenshot(browser, "volunteer-4-manage");
        Browser.assertFitsThePhone(browser);
        browser.get(url("/volunteering/manage/projects/" + project));
        Browser.screenshot(browser, "volunteer-5-project-admin");
        Browser.assertFitsThePhone(browser);
    }
}
