package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Books;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;

/**
 * On a phone: a union chair opens a reading room, catalogues a book by its ISBN-10 with two copies, prints their
 * labels, lends one at the desk to a colleague by employee number and takes it back; the committee looks at the
 * loan rules. Every page fits the phone.
 */
class LibraryDeskJourneyTests extends JourneyTestSupport {

    @Test
    void aChairStocksARoomPrintsLabelsAndLendsAtTheDeskOnAPhone() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("书屋旅程工会");
        OrgSetup.HrRow chair = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow colleague = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow committee = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "library-e2e.csv",
                List.of(chair, colleague, committee));
        fixtures.chair(fixtures.withPassword(chair, "Shuwu2026x"), unit.unit().id(), false);
        fixtures.committeeMember(fixtures.withPassword(committee, "Weiyuan2026ab"));

        WebDriver browser = Browser.phone();
        logIn(browser, chair.employeeNo(), "Shuwu2026x");
        Browser.tap(browser, browser.findElement(By.cssSelector("#officer-work a[href='/library-admin']")));
        assertThat(browser.findElement(By.id("no-rooms")).isDisplayed()).isTrue();
        String roomName = unit.unit().name() + "职工书屋";
        browser.findElement(By.id("room-name")).sendKeys(roomName);
        browser.findElement(By.id("room-site")).sendKeys("综合楼二楼");
        Browser.tap(browser, browser.findElement(By.id("open-room-submit")));
        assertThat(browser.findElement(By.id("room-title")).getText()).isEqualTo(roomName);
        Browser.assertFitsThePhone(browser);

        browser.get(url("/library-admin"));
        Browser.tap(browser, browser.findElement(By.id("new-title")));
        browser.findElement(By.id("title-isbn")).sendKeys(Books.isbn10());
        browser.findElement(By.id("title-title")).sendKeys("高速公路收费业务实务");
        browser.findElement(By.id("title-authors")).sendKeys("张建国 主编");
        new Select(browser.findElement(By.id("title-category"))).selectByValue(jdbc.sql(
                "SELECT id::text FROM library_category WHERE code = 'TRAFFIC'").query(String.class).single());
        browser.findElement(By.id("title-copies")).clear();
        browser.findElement(By.id("title-copies")).sendKeys("2");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.id("title-save")));
        assertThat(browser.findElement(By.id("title-isbn")).getAttribute("value")).startsWith("9782");
        String added = browser.findElement(By.id("added")).getText();
        Browser.screenshot(browser, "61-library-title");
        Browser.assertFitsThePhone(browser);

        Browser.tap(browser, browser.findElement(By.id("added-labels")));
        assertThat(browser.findElements(By.cssSelector("#labels .label svg"))).hasSize(2);
        String barcode = browser.findElements(By.cssSelector("#labels .label .code")).getFirst().getText();
        assertThat(added).contains(barcode);
        Browser.screenshot(browser, "62-library-labels");
        Browser.assertFitsThePhone(browser);

        Browser.tap(browser, browser.findElement(By.cssSelector(".bar a")));
        browser.findElement(By.id("lend-barcode")).sendKeys(barcode);
        browser.findElement(By.id("lend-reader")).sendKeys(colleague.employeeNo());
        Browser.tap(browser, browser.findElement(By.id("lend-submit")));
        assertThat(browser.findElement(By.id("desk-result")).getText()).contains("高速公路收费业务实务")
                .contains(colleague.name());
        Browser.screenshot(browser, "63-library-desk");
        Browser.assertFitsThePhone(browser);
        browser.findElement(By.id("return-barcode")).sendKeys(url("/library/c/" + barcode));
        Browser.tap(browser, browser.findElement(By.id("return-submit")));
        assertThat(browser.findElement(By.id("desk-result")).getText()).contains("请放回书架");
        Browser.screenshot(browser, "64-library-room");

        browser.get(url("/library-admin/import"));
        Browser.assertFitsThePhone(browser);

        logIn(browser, committee.employeeNo(), "Weiyuan2026ab");
        browser.get(url("/library-admin/rules"));
        assertThat(browser.findElement(By.id("rule-lines")).getText()).contains("兜底规则");
        Browser.screenshot(browser, "65-library-rules");
        Browser.assertFitsThePhone(browser);
    }

}
