package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.CatalogueService;
import org.tongxin.library.search.LibrarySearch;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;

/**
 * On a phone: an employee searches the reading rooms from the home tab, narrows the results to one room and to
 * what is on the shelf, and every page fits the screen, long titles and room names included.
 */
class LibrarySearchJourneyTests extends JourneyTestSupport {

    @Autowired
    CatalogueService catalogueService;
    @Autowired
    Catalogue catalogue;
    @Autowired
    LibrarySearch search;

    @Test
    void anEmployeeSearchesFromTheHomeTabAndNarrowsToARoomOnAPhone() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("书屋检索旅程工会");
        Viewer officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        long room = catalogueService.addRoom(officer, "蒲江收费站职工书屋（综合楼二楼阅览室）" + System.nanoTime(),
                unit.unit().id(), "", "");
        long classics = catalogue.categories().stream().filter(c -> c.code().equals("CLASSICS")).findFirst()
                .orElseThrow().id();
        long yanyi = catalogueService.addTitle(officer, new Catalogue.TitleDraft(null, "三国演义", "罗贯中", "人民文学出版社",
                1998, classics, ""), null);
        catalogueService.addCopies(officer, yanyi, room, 2);
        long studied = catalogueService.addTitle(officer, new Catalogue.TitleDraft(null,
                "三国时期高速驿道与交通运输组织管理研究：以蜀道为中心的考察（修订版）", "诸葛明远，欧阳建国，司马长风", "", 2020,
                classics, ""), null);
        catalogueService.addCopies(officer, studied, room, 1);
        OrgSetup.HrRow row = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "library-e2e.csv", List.of(row));
        fixtures.withPassword(row, "Dushu2026x");
        search.catchUp();

        WebDriver browser = Browser.phone();
        logIn(browser, row.employeeNo(), "Dushu2026x");
        WebElement card = browser.findElement(By.id("library-card"));
        card.findElement(By.name("q")).sendKeys("三国");
        Browser.tap(browser, card.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.getCurrentUrl()).contains("/library?q=");
        assertThat(browser.findElement(By.id("search-heading")).getText()).startsWith("找到");
        Browser.assertFitsThePhone(browser);

        new Select(browser.findElement(By.id("library-room"))).selectByValue(Long.toString(room));
        Browser.tap(browser, browser.findElement(By.cssSelector("#library-search button[type=submit]")));
        WebElement results = browser.findElement(By.id("search-results"));
        assertThat(browser.findElement(By.id("search-heading")).getText()).isEqualTo("找到 2 本");
        assertThat(results.getText()).contains("三国演义", "2 本可借 / 2", "以蜀道为中心", "1 本可借 / 1");
        assertThat(results.findElement(By.cssSelector("a[href='/library/titles/" + yanyi + "']")).isDisplayed()).isTrue();
        Browser.screenshot(browser, "61-library-search");
        Browser.assertFitsThePhone(browser);

        Browser.tap(browser, browser.findElement(By.id("library-available")));
        browser.findElement(By.id("library-q")).clear();
        browser.findElement(By.id("library-q")).sendKeys("演义");
        Browser.tap(browser, browser.findElement(By.cssSelector("#library-search button[type=submit]")));
        assertThat(browser.findElement(By.id("search-results")).getText()).contains("三国演义").doesNotContain("蜀道");
        assertThat(browser.findElement(By.id("library-available")).isSelected()).isTrue();
        Browser.assertFitsThePhone(browser);
    }
}
