package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.CatalogueService;
import org.tongxin.library.internal.Circulation;
import org.tongxin.library.internal.Copies.Copy;
import org.tongxin.library.internal.Copies;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;

/**
 * The journey at 375 px: search 三国 → open the title → hold it for pickup at the service area's room → the
 * holder returns the copy there → the waiting reader is told → borrows it by the copy's QR link → renews → returns.
 */
class LibraryJourneyTests extends JourneyTestSupport {

    @Autowired
    CatalogueService catalogueService;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Circulation circulation;
    @Autowired
    Copies copies;
    @Autowired
    MembershipSetup membershipSetup;

    @Test
    void aReaderHoldsTheRomanceOfTheThreeKingdomsAndBorrowsItWhereTheHolderReturnedIt() throws Exception {
        Fixtures.UnitWithDepartment station = fixtures.grassroots("书屋旅程收费站工会");
        Fixtures.UnitWithDepartment serviceArea = fixtures.grassroots("书屋旅程服务区工会");
        OrgSetup.HrRow readerRow = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow holderRow = Fixtures.row(serviceArea.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "library-journey.csv",
                List.of(readerRow, holderRow));
        fixtures.withPassword(readerRow, "Sanguo2026xy");
        long reader = fixtures.employeeId(readerRow.employeeNo());
        long holder = fixtures.employeeId(holderRow.employeeNo());
        membershipSetup.enrol(reader, station.unit().id(), LocalDate.now().minusYears(1));
        membershipSetup.enrol(holder, serviceArea.unit().id(), LocalDate.now().minusYears(1));
        Viewer stationOfficer = new Viewer(fixtures.adminAccountId(), null, "收费站书屋管理员", Set.of(Role.OFFICER),
                Set.of(station.unit().id()), Set.of(), false);
        Viewer areaOfficer = new Viewer(fixtures.adminAccountId(), null, "服务区书屋管理员", Set.of(Role.OFFICER),
                Set.of(serviceArea.unit().id()), Set.of(), false);
        long stationRoom = catalogueService.addRoom(stationOfficer, "旅程收费站职工书屋" + System.nanoTime(),
                station.unit().id(), "收费站二楼", "全天");
        long areaRoom = catalogueService.addRoom(areaOfficer, "旅程服务区职工书屋" + System.nanoTime(),
                serviceArea.unit().id(), "服务区综合楼", "8:00-20:00");
        long classics = catalogue.categories().stream().filter(c -> c.code().equals("CLASSICS")).findFirst()
                .orElseThrow().id();
        long title = catalogueService.addTitle(stationOfficer, new Catalogue.TitleDraft(null, "三国演义（旅途插图本）",
                "罗贯中", "人民文学出版社", 2019, classics, "东汉末年到西晋初年的历史演义。"), null);
        Copy copy = catalogueService.addCopies(stationOfficer, title, stationRoom, 1).getFirst();
        Viewer holderViewer = Fixtures.employee(fixtures.accountId(holder), holder);
        circulation.borrow(holderViewer, copy.barcode());

        WebDriver browser = Browser.phone();
        logIn(browser, readerRow.employeeNo(), "Sanguo2026xy");
        // The index takes the new title in at its next poll; other tests add 三国 titles too, so the reader narrows it.
        By result = By.cssSelector("a[href$='/library/titles/" + title + "']");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            browser.get(url("/library?q=" + URLEncoder.encode("三国 旅途", StandardCharsets.UTF_8)));
            return !browser.findElements(result).isEmpty();
        });
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(result));
        Browser.assertFitsThePhone(browser);
        new Select(browser.findElement(By.id("pickup-room"))).selectByValue(Long.toString(areaRoom));
        Browser.send(browser, By.id("place-hold"));
        assertThat(browser.findElement(By.id("my-hold")).getText()).contains("排第 1 位");
        Browser.screenshot(browser, "library-1-hold");

        // The holder brings the copy back at the service area, where the reader asked to pick it up.
        assertThat(circulation.returnCopy(holderViewer, copy.barcode(), areaRoom).copyStatus())
                .isEqualTo(Copies.Status.ON_HOLD_SHELF);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND link = ?")
                .params(reader, "/library/titles/" + title).query(Long.class).single() == 1);

        // At the shelf the reader scans the copy's label: its QR holds this link.
        browser.get(url("/library/c/" + copy.barcode()));
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("borrow"));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("借阅成功");
        long loan = jdbc.sql("SELECT id FROM library_loan WHERE employee_id = ? AND returned_at IS NULL").param(reader)
                .query(Long.class).single();
        Browser.send(browser, By.id("renew-" + loan));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("已续借");
        Browser.screenshot(browser, "library-2-renewed");
        Browser.assertFitsThePhone(browser);

        browser.get(url("/library/c/" + copy.barcode()));
        new Select(browser.findElement(By.id("return-room"))).selectByValue(Long.toString(areaRoom));
        Browser.send(browser, By.id("return"));
        Browser.assertFitsThePhone(browser);
        assertThat(jdbc.sql("SELECT renewals || ' ' || (returned_at IS NOT NULL) FROM library_loan WHERE id = ?")
                .param(loan).query(String.class).single()).isEqualTo("1 true");
        // Returned away from home with nobody waiting: it travels back to the station's room.
        Copy after = copies.find(copy.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(Copies.Status.IN_TRANSIT);
        assertThat(after.roomId()).isEqualTo(stationRoom);
    }
}
