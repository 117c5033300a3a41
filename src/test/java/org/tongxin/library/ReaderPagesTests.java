package org.tongxin.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.FlashMap;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.CatalogueService;
import org.tongxin.library.internal.Circulation;
import org.tongxin.library.internal.Copies.Copy;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * The reader's pages on a phone: a title, a copy's QR page with Borrow and Return, "my library" with renewals and
 * holds, suggestions; and the officers' suggestion review and room dashboard with their scope.
 */
class ReaderPagesTests extends IntegrationTestSupport {

    @Autowired
    CatalogueService catalogueService;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Circulation circulation;
    @Autowired
    MembershipSetup membershipSetup;

    Fixtures.UnitWithDepartment unitA;
    List<OrgSetup.HrRow> rows = new ArrayList<>();
    List<Viewer> readers = new ArrayList<>();
    Viewer officerA;
    Viewer officerB;
    long roomA;
    long roomB;
    String roomAName;
    String roomBName;
    long titleId;
    String isbn;
    Copy copy;

    /** A valid ISBN-13 no other test (nor the demo's real 978 numbers) uses. */
    static String uniqueIsbn() {
        String first12 = "979" + String.format("%09d", Math.floorMod(System.nanoTime() / 1000, 1_000_000_000L));
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return first12 + (10 - sum % 10) % 10;
    }

    @BeforeEach
    void aRoomWithABookAndReaders() {
        unitA = fixtures.grassroots("读者甲站工会");
        Fixtures.UnitWithDepartment unitB = fixtures.grassroots("读者乙站工会");
        rows.clear();
        for (int i = 0; i < 4; i++) {
            rows.add(Fixtures.row(unitA.departmentCode()));
        }
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "reader.csv", rows);
        readers.clear();
        for (OrgSetup.HrRow row : rows) {
            long id = fixtures.employeeId(row.employeeNo());
            membershipSetup.enrol(id, unitA.unit().id(), LocalDate.now().minusYears(1));
            readers.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        officerA = Fixtures.officer(fixtures.adminAccountId(), unitA.unit().id());
        officerB = Fixtures.officer(fixtures.adminAccountId(), unitB.unit().id());
        roomAName = "读者甲站书屋" + System.nanoTime();
        roomBName = "读者乙站书屋" + System.nanoTime();
        roomA = catalogueService.addRoom(officerA, roomAName, unitA.unit().id(), "甲站二楼", "8:00-20:00");
        roomB = catalogueService.addRoom(officerB, roomBName, unitB.unit().id(), "乙站一楼", "全天");
        long classics = catalogue.categories().stream().filter(c -> c.code().equals("CLASSICS")).findFirst()
                .orElseThrow().id();
        isbn = uniqueIsbn();
        titleId = catalogueService.addTitle(officerA, new Catalogue.TitleDraft(isbn, "三国演义", "罗贯中",
                "人民文学出版社", 1998, classics, "东汉末年，群雄逐鹿。"), null);
        copy = catalogueService.addCopies(officerA, titleId, roomA, 1).getFirst();
    }

    private String page(String url, Viewer viewer) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(as(viewer))).andReturn().getResponse();
        assertThat(response.getStatus()).as("GET %s", url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private int status(MockHttpServletRequestBuilder request, Viewer viewer) throws Exception {
        return mvc.perform(request.with(csrf()).with(as(viewer))).andReturn().getResponse().getStatus();
    }

    /** A form post as the viewer: where it redirected and what it flashed. */
    private record Posted(String redirect, FlashMap flash) {
        String message() {
            return (String) flash.get("flash");
        }

        String error() {
            return (String) flash.get("flashError");
        }

        Object[] args() {
            return (Object[]) flash.get("flashArgs");
        }
    }

    private Posted submit(MockHttpServletRequestBuilder request, Viewer viewer) throws Exception {
        MvcResult result = mvc.perform(request.with(csrf()).with(as(viewer))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        return new Posted(result.getResponse().getRedirectedUrl(), result.getFlashMap());
    }

    /** The "我的借阅" card of the viewer's home tab. */
    private String homeCard(Viewer viewer) throws Exception {
        String home = page("/", viewer);
        int start = home.indexOf("id=\"reader-home\"");
        assertThat(start).as("the home tab has the reader's card").isPositive();
        return home.substring(start, home.indexOf("</div>", start));
    }

    private long openLoanOf(Viewer reader) {
        return jdbc.sql("SELECT id FROM library_loan WHERE employee_id = ? AND returned_at IS NULL")
                .param(reader.employeeId()).query(Long.class).single();
    }

    @Test
    void aReaderScansTheQrBorrowsAndSeesTheDueDateThenReturnsAtAnotherRoom() throws Exception {
        String copyPage = page("/library/c/" + copy.barcode().toLowerCase(), readers.get(0));
        assertThat(copyPage).contains("三国演义", roomAName, "在架可借", "id=\"borrow\"", "借期 30 天")
                .doesNotContain("id=\"return\"");

        Posted borrowed = submit(post("/library/c/" + copy.barcode() + "/borrow"), readers.get(0));
        String due = LocalDate.now().plusDays(30).toString();
        assertThat(borrowed.redirect()).isEqualTo("/library/me");
        assertThat(borrowed.message()).isEqualTo("library.reader.borrowed");
        assertThat(borrowed.args()).containsExactly("三国演义", due);
        String me = mvc.perform(get("/library/me").with(as(readers.get(0))).flashAttrs(borrowed.flash()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(me).contains("借阅成功：「三国演义」，请在 " + due + " 前归还。", "应还 " + due,
                "id=\"renew-" + openLoanOf(readers.get(0)) + "\"");

        String mineNow = page("/library/c/" + copy.barcode(), readers.get(0));
        assertThat(mineNow).contains("你借了这本书，应还日期 " + due, "id=\"return\"", "id=\"return-room\"")
                .doesNotContain("id=\"borrow\"");
        String othersView = page("/library/c/" + copy.barcode(), readers.get(1));
        assertThat(othersView).contains("已借出，应还日期 " + due).doesNotContain("id=\"borrow\"")
                .doesNotContain("id=\"return\"").doesNotContain(rows.get(0).name());

        Posted taken = submit(post("/library/c/" + copy.barcode() + "/borrow"), readers.get(1));
        assertThat(taken.redirect()).isEqualTo("/library/c/" + copy.barcode());
        assertThat(taken.error()).isEqualTo("library.error.onLoan");
        Posted notHers = submit(post("/library/c/" + copy.barcode() + "/return").param("roomId", Long.toString(roomA)),
                readers.get(1));
        assertThat(notHers.error()).isEqualTo("library.reader.error.notYourLoan");
        assertThat(openLoanOf(readers.get(0))).isPositive();

        Posted returned = submit(post("/library/c/" + copy.barcode() + "/return").param("roomId", Long.toString(roomB)),
                readers.get(0));
        assertThat(returned.redirect()).isEqualTo("/library/me");
        assertThat(returned.message()).isEqualTo("library.reader.returned.IN_TRANSIT");
        assertThat(returned.args()).containsExactly("三国演义", roomBName, roomAName);
        assertThat(jdbc.sql("SELECT status FROM library_copy WHERE id = ?").param(copy.id()).query(String.class).single())
                .isEqualTo("IN_TRANSIT");
        assertThat(page("/library/me", readers.get(0))).contains("没有在借的书", "id=\"history\"", "三国演义");
    }

    @Test
    void unknownTitlesCopiesAndCoversAnswer404() throws Exception {
        assertThat(status(get("/library/titles/987654321"), readers.get(0))).isEqualTo(404);
        assertThat(status(get("/library/c/T99999999"), readers.get(0))).isEqualTo(404);
        assertThat(status(post("/library/c/T99999999/borrow"), readers.get(0))).isEqualTo(404);
        assertThat(status(get("/library/titles/" + titleId + "/cover"), readers.get(0))).isEqualTo(404);
        assertThat(status(post("/library/titles/987654321/hold").param("pickupRoomId", Long.toString(roomA)),
                readers.get(0))).isEqualTo(404);
    }

    @Test
    void theCopyPageAsksForALogInAndTheReaderLandsBackOnIt() throws Exception {
        fixtures.withPassword(rows.get(2), "Dushu2026!");
        MockHttpSession session = new MockHttpSession();
        MvcResult scanned = mvc.perform(get("/library/c/" + copy.barcode()).session(session)).andReturn();
        assertThat(scanned.getResponse().getStatus()).isEqualTo(302);
        assertThat(scanned.getResponse().getRedirectedUrl()).endsWith("/login");
        MvcResult loggedIn = mvc.perform(post("/login").session(session).with(csrf())
                .param("username", rows.get(2).employeeNo()).param("password", "Dushu2026!")).andReturn();
        assertThat(loggedIn.getResponse().getRedirectedUrl()).contains("/library/c/" + copy.barcode());
        String back = mvc.perform(get("/library/c/" + copy.barcode()).session((MockHttpSession) loggedIn.getRequest()
                .getSession())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(back).contains("id=\"borrow\"", "三国演义");
    }

    @Test
    void theTitlePageShowsCopiesPerRoomAndHoldsOnlyWhenNoneIsOnTheShelf() throws Exception {
        String title = page("/library/titles/" + titleId, readers.get(1));
        assertThat(title).contains("三国演义", "罗贯中", "人民文学出版社 · 1998", "文学 › 古典文学", "ISBN " + isbn,
                "东汉末年", roomAName, "在架 1 本", "到书屋扫描书上的二维码").doesNotContain("id=\"place-hold\"");

        Posted early = submit(post("/library/titles/" + titleId + "/hold").param("pickupRoomId", Long.toString(roomA)),
                readers.get(1));
        assertThat(early.redirect()).isEqualTo("/library/titles/" + titleId);
        assertThat(early.error()).isEqualTo("library.error.onTheShelf");
        assertThat(jdbc.sql("SELECT count(*) FROM library_hold WHERE title_id = ?").param(titleId).query(Long.class)
                .single()).isZero();

        submit(post("/library/c/" + copy.barcode() + "/borrow"), readers.get(0));
        String lent = page("/library/titles/" + titleId, readers.get(1));
        assertThat(lent).contains("在架 0 本", "借出 1 本", "id=\"place-hold\"", "id=\"pickup-room\"")
                .doesNotContain(rows.get(0).name());
        assertThat(page("/library/titles/" + titleId, readers.get(0))).contains("你借了这本书")
                .doesNotContain("id=\"place-hold\"");

        Posted held = submit(post("/library/titles/" + titleId + "/hold").param("pickupRoomId", Long.toString(roomB)),
                readers.get(1));
        assertThat(held.message()).isEqualTo("library.reader.holdPlaced");
        assertThat(held.args()).containsExactly(1);
        Posted second = submit(post("/library/titles/" + titleId + "/hold").param("pickupRoomId", Long.toString(roomA)),
                readers.get(2));
        assertThat(second.args()).containsExactly(2);
        assertThat(page("/library/titles/" + titleId, readers.get(1)))
                .contains("已预约：排第 1 位，到书后在" + roomBName + "取书。", "id=\"cancel-hold\"", "2 人在排队预约")
                .doesNotContain("id=\"place-hold\"");
        String secondsView = page("/library/me", readers.get(2));
        assertThat(secondsView).contains("已预约：排第 2 位");

        long holdOfSecond = jdbc.sql("SELECT id FROM library_hold WHERE employee_id = ?").param(readers.get(2).employeeId())
                .query(Long.class).single();
        assertThat(status(post("/library/holds/" + holdOfSecond + "/cancel"), readers.get(1))).isEqualTo(404);
        long holdOfFirst = jdbc.sql("SELECT id FROM library_hold WHERE employee_id = ?").param(readers.get(1).employeeId())
                .query(Long.class).single();
        Posted cancelled = submit(post("/library/holds/" + holdOfFirst + "/cancel").param("from", "me"), readers.get(1));
        assertThat(cancelled.redirect()).isEqualTo("/library/me");
        assertThat(cancelled.message()).isEqualTo("library.reader.holdCancelled");
        assertThat(page("/library/me", readers.get(2))).contains("已预约：排第 1 位");
    }

    @Test
    void aReturnedCopyWaitsOnTheHoldShelfForTheHeadOfTheQueueOnly() throws Exception {
        submit(post("/library/c/" + copy.barcode() + "/borrow"), readers.get(0));
        submit(post("/library/titles/" + titleId + "/hold").param("pickupRoomId", Long.toString(roomA)), readers.get(1));
        Posted returned = submit(post("/library/c/" + copy.barcode() + "/return").param("roomId", Long.toString(roomA)),
                readers.get(0));
        assertThat(returned.message()).isEqualTo("library.reader.returned.ON_HOLD_SHELF");

        String deadline = LocalDate.now().plusDays(3).toString();
        assertThat(page("/library/me", readers.get(1)))
                .contains("书已在" + roomAName + "的预约书架，请在 " + deadline + " 前借走。");
        assertThat(page("/library/c/" + copy.barcode(), readers.get(2))).contains("这本书已为预约的读者保留")
                .doesNotContain("id=\"borrow\"");
        Posted refused = submit(post("/library/c/" + copy.barcode() + "/borrow"), readers.get(2));
        assertThat(refused.error()).isEqualTo("library.error.heldForAnother");
        assertThat(page("/library/c/" + copy.barcode(), readers.get(1)))
                .contains("这本书为你保留，请在 " + deadline + " 前借走。", "id=\"borrow\"");
        assertThat(submit(post("/library/c/" + copy.barcode() + "/borrow"), readers.get(1)).message())
                .isEqualTo("library.reader.borrowed");
        assertThat(homeCard(readers.get(1))).contains("在借 1 本").doesNotContain("text-danger");
    }

    @Test
    void myLibraryRenewsMarksOverdueAndKeepsAReadingRecordPerYear() throws Exception {
        submit(post("/library/c/" + copy.barcode() + "/borrow"), readers.get(0));
        long loan = openLoanOf(readers.get(0));
        Posted renewed = submit(post("/library/loans/" + loan + "/renew"), readers.get(0));
        assertThat(renewed.message()).isEqualTo("library.reader.renewed");
        assertThat(renewed.args()).containsExactly("三国演义", LocalDate.now().plusDays(60).toString());
        assertThat(status(post("/library/loans/" + loan + "/renew"), readers.get(1))).isEqualTo(404);
        submit(post("/library/titles/" + titleId + "/hold").param("pickupRoomId", Long.toString(roomA)), readers.get(1));
        assertThat(submit(post("/library/loans/" + loan + "/renew"), readers.get(0)).error())
                .isEqualTo("library.error.heldByOthers");

        // An overdue loan now, and a loan two years ago (years apart whatever today's date).
        jdbc.sql("UPDATE library_loan SET borrowed_at = ?, due_at = ? WHERE id = ?")
                .params(OffsetDateTime.now().minusHours(2), OffsetDateTime.now().minusHours(1), loan).update();
        OffsetDateTime earlier = OffsetDateTime.now().minusYears(2);
        long otherTitle = catalogueService.addTitle(officerA, new Catalogue.TitleDraft(null, "水浒传", "施耐庵", "", null,
                catalogue.categories().stream().filter(c -> c.code().equals("CLASSICS")).findFirst().orElseThrow().id(),
                ""), null);
        Copy other = catalogueService.addCopies(officerA, otherTitle, roomA, 1).getFirst();
        circulation.borrow(readers.get(0), other.barcode());
        circulation.returnCopy(readers.get(0), other.barcode(), roomA);
        jdbc.sql("UPDATE library_loan SET borrowed_at = ?, due_at = ?, returned_at = ? WHERE copy_id = ?")
                .params(earlier, earlier.plusDays(30), earlier.plusDays(20), other.id()).update();
        circulation.borrow(readers.get(0), other.barcode());
        circulation.returnCopy(readers.get(0), other.barcode(), roomA);

        String me = page("/library/me", readers.get(0));
        assertThat(me).contains("已逾期", "id=\"renew-" + loan + "\"", earlier.getYear() + " 年：借阅 1 次，1 种书",
                LocalDate.now().getYear() + " 年：借阅 2 次，2 种书", "文学 2", "id=\"history\"",
                earlier.toLocalDate() + " – " + earlier.plusDays(20).toLocalDate());
        String card = homeCard(readers.get(0));
        assertThat(card).contains("在借 1 本", "text-danger");
        assertThat(page("/library/me", Fixtures.admin(fixtures.adminAccountId())))
                .contains("此账号没有对应的职工").doesNotContain("id=\"loans\"");
    }

    @Test
    void aReaderSuggestsABookAndTheRoomsOfficersReviewItWithinTheirScope() throws Exception {
        Posted bad = submit(post("/library/suggestions").param("roomId", Long.toString(roomA)).param("title", "平凡的世界")
                .param("authors", "路遥").param("isbn", "978-7-5302-1")
                .param("reason", "站里很多人想读"), readers.get(0));
        assertThat(bad.error()).isEqualTo("library.error.badIsbn");
        String kept = mvc.perform(get("/library/suggestions").with(as(readers.get(0))).flashAttrs(bad.flash()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(kept).contains("value=\"平凡的世界\"", "value=\"路遥\"", "站里很多人想读");

        Posted sent = submit(post("/library/suggestions").param("roomId", Long.toString(roomA)).param("title", "平凡的世界")
                .param("authors", "路遥").param("isbn", "").param("reason", "站里很多人想读"), readers.get(0));
        assertThat(sent.message()).isEqualTo("library.reader.suggested");
        long id = jdbc.sql("SELECT id FROM library_suggestion WHERE employee_id = ?").param(readers.get(0).employeeId())
                .query(Long.class).single();
        assertThat(page("/library/suggestions", readers.get(0))).contains("平凡的世界", "待处理", roomAName);

        String review = page("/library-admin/rooms/" + roomA + "/suggestions", officerA);
        assertThat(review).contains("平凡的世界", "站里很多人想读", "id=\"accept-" + id + "\"", "id=\"decline-" + id + "\"")
                .doesNotContain(rows.get(0).name());
        assertThat(status(get("/library-admin/rooms/" + roomA + "/suggestions"), officerB)).isEqualTo(404);
        assertThat(status(post("/library-admin/rooms/" + roomA + "/suggestions/" + id).param("decision", "ACCEPTED"),
                officerB)).isEqualTo(404);
        assertThat(status(post("/library-admin/rooms/" + roomB + "/suggestions/" + id).param("decision", "ACCEPTED"),
                officerB)).isEqualTo(404);
        assertThat(status(get("/library-admin/rooms/" + roomA + "/suggestions"), readers.get(1))).isEqualTo(403);

        String back = "/library-admin/rooms/" + roomA + "/suggestions";
        assertThat(submit(post(back + "/" + id).param("decision", "maybe"), officerA).error())
                .isEqualTo("library.review.error.chooseDecision");
        Posted noReply = submit(post(back + "/" + id).param("decision", "DECLINED").param("reply", " "), officerA);
        assertThat(noReply.redirect()).isEqualTo(back);
        assertThat(noReply.error()).isEqualTo("library.error.replyRequired");
        Posted declined = submit(post(back + "/" + id).param("decision", "DECLINED").param("reply", "本季度经费已用完"),
                officerA);
        assertThat(declined.message()).isEqualTo("library.review.decided.DECLINED");
        assertThat(jdbc.sql("SELECT status FROM library_suggestion WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("DECLINED");
        assertThat(page("/library/suggestions", readers.get(0))).contains("未采纳", "回复：本季度经费已用完");
        assertThat(page(back, officerA)).contains("已回复：本季度经费已用完").doesNotContain("id=\"accept-" + id + "\"");
    }

    @Test
    void theRoomDashboardCountsLoansTitlesAndReadersPerUnitForTheRoomsOfficersOnly() throws Exception {
        circulation.borrow(readers.get(0), copy.barcode());
        circulation.returnCopy(readers.get(0), copy.barcode(), roomA);
        circulation.borrow(readers.get(1), copy.barcode());
        long idleTitle = catalogueService.addTitle(officerA, new Catalogue.TitleDraft(null, "无人问津的书", "佚名", "", null,
                catalogue.categories().getFirst().id(), ""), null);
        Copy idleCopy = catalogueService.addCopies(officerA, idleTitle, roomA, 1).getFirst();
        jdbc.sql("UPDATE library_copy SET added_at = ? WHERE id = ?")
                .params(OffsetDateTime.now().minusYears(2), idleCopy.id()).update();

        String stats = page("/library-admin/rooms/" + roomA + "/stats", officerA);
        String thisMonth = YearMonth.now().toString();
        assertThat(stats).contains("近 12 个月借阅（共 2 次）", "id=\"month-" + thisMonth + "\"", "三国演义",
                "无人问津的书", "从未借出", "近一年的读者（2 人）来自", unitA.unit().name())
                .doesNotContain(rows.get(0).name()).doesNotContain(rows.get(1).name());
        String months = stats.substring(stats.indexOf("id=\"loans-per-month\""), stats.indexOf("id=\"most-borrowed\""));
        assertThat(months.split("id=\"month-")).hasSize(13);
        assertThat(status(get("/library-admin/rooms/" + roomA + "/stats"), officerB)).isEqualTo(404);
        assertThat(status(get("/library-admin/rooms/" + roomA + "/stats"), readers.get(0))).isEqualTo(403);
        assertThat(page("/library-admin/rooms/" + roomB + "/stats", officerB)).contains("近 12 个月借阅（共 0 次）",
                "近一年没有借阅");
    }
}
