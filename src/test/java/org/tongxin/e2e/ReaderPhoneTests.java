package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.CatalogueService;
import org.tongxin.library.internal.Circulation;
import org.tongxin.library.internal.Copies.Copy;
import org.tongxin.library.internal.Suggestions;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;

/**
 * The reader's pages on a phone, 375 px wide: the copy's QR page, borrowing, my library with a renewal, the title
 * page with a hold, suggestions; and the room officer's suggestion review and dashboard. Each fits the screen.
 */
class ReaderPhoneTests extends JourneyTestSupport {

    @Autowired
    CatalogueService catalogueService;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Circulation circulation;
    @Autowired
    Suggestions suggestions;
    @Autowired
    MembershipSetup membershipSetup;

    @Test
    void aReaderBorrowsByTheQrPageRenewsAndHoldsAndTheOfficerReviewsOnAPhone() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("书屋手机工会");
        OrgSetup.HrRow readerRow = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow otherRow = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow chairRow = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "reader-phone.csv",
                List.of(readerRow, otherRow, chairRow));
        fixtures.withPassword(readerRow, "Jieshu2026x");
        long chairAccount = fixtures.withPassword(chairRow, "Shuwu2026xy");
        fixtures.chair(chairAccount, unit.unit().id(), false);
        long reader = fixtures.employeeId(readerRow.employeeNo());
        long other = fixtures.employeeId(otherRow.employeeNo());
        membershipSetup.enrol(reader, unit.unit().id(), LocalDate.now().minusYears(2));
        Viewer chair = new Viewer(chairAccount, fixtures.employeeId(chairRow.employeeNo()), "主席",
                Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(unit.unit().id()), Set.of(), false);
        long room = catalogueService.addRoom(chair, unit.unit().name() + "职工书屋", unit.unit().id(), "收费站综合楼二楼",
                "每天 8:00-21:00");
        long classics = catalogue.categories().stream().filter(c -> c.code().equals("CLASSICS")).findFirst()
                .orElseThrow().id();
        long sanguo = catalogueService.addTitle(chair, new Catalogue.TitleDraft(null, "三国演义（上下册·插图珍藏版）",
                "罗贯中 著；毛宗岗 批评", "人民文学出版社", 1998, classics,
                "《三国演义》是中国第一部长篇章回体历史演义小说，描写了从东汉末年到西晋初年之间近百年的历史风云。"), null);
        Copy copy = catalogueService.addCopies(chair, sanguo, room, 1).getFirst();
        long shuihu = catalogueService.addTitle(chair, new Catalogue.TitleDraft(null, "水浒传", "施耐庵", "人民文学出版社",
                1997, classics, ""), null);
        Copy lent = catalogueService.addCopies(chair, shuihu, room, 1).getFirst();
        circulation.borrow(Fixtures.employee(fixtures.accountId(other), other), lent.barcode());
        suggestions.suggest(Fixtures.employee(fixtures.accountId(other), other), room, "平凡的世界（全三册）", "路遥", "",
                "站里很多同事想读，希望书屋能采购一套。");

        WebDriver browser = Browser.phone();
        browser.manage().deleteAllCookies();
        browser.get(url("/library/c/" + copy.barcode()));
        browser.findElement(By.id("username")).sendKeys(readerRow.employeeNo());
        browser.findElement(By.id("password")).sendKeys("Jieshu2026x");
        browser.findElement(By.id("login-submit")).click();
        assertThat(browser.findElement(By.id("copy-status")).getText()).isEqualTo("在架可借");
        Browser.screenshot(browser, "61-library-copy");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.id("borrow")));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("借阅成功", "三国演义");
        long loan = jdbc.sql("SELECT id FROM library_loan WHERE employee_id = ? AND returned_at IS NULL").param(reader)
                .query(Long.class).single();
        Browser.tap(browser, browser.findElement(By.id("renew-" + loan)));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("已续借");
        Browser.screenshot(browser, "62-library-me");
        Browser.assertFitsThePhone(browser);

        browser.get(url("/library/titles/" + shuihu));
        Browser.tap(browser, browser.findElement(By.id("place-hold")));
        assertThat(browser.findElement(By.id("my-hold")).getText()).contains("排第 1 位");
        Browser.screenshot(browser, "63-library-title");
        Browser.assertFitsThePhone(browser);
        browser.get(url("/library/titles/" + sanguo));
        Browser.assertFitsThePhone(browser);
        browser.get(url("/library/suggestions"));
        Browser.assertFitsThePhone(browser);
        browser.get(url("/"));
        assertThat(browser.findElement(By.id("reader-home")).getText()).contains("在借 1 本");

        Browser.logIn(browser, url(""), chairRow.employeeNo(), "Shuwu2026xy");
        browser.get(url("/library-admin/rooms/" + room + "/suggestions"));
        Browser.screenshot(browser, "64-library-review");
        Browser.assertFitsThePhone(browser);
        browser.get(url("/library-admin/rooms/" + room + "/stats"));
        assertThat(browser.findElement(By.id("loans-per-month")).getText()).contains("共 2 次");
        Browser.screenshot(browser, "65-library-stats");
        Browser.assertFitsThePhone(browser);
    }
}
