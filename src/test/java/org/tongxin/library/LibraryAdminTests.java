package org.tongxin.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.CatalogueService;
import org.tongxin.library.internal.Circulation;
import org.tongxin.library.internal.Copies;
import org.tongxin.library.internal.Copies.Copy;
import org.tongxin.library.internal.Isbn;
import org.tongxin.library.internal.Policies;
import org.tongxin.library.internal.RulesService;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Books;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.support.Pictures;

/** The officers' side of the reading rooms, through its pages: the desk, copies, titles, covers, labels and rules. */
class LibraryAdminTests extends IntegrationTestSupport {

    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

    @Autowired
    CatalogueService catalogueService;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Circulation circulation;
    @Autowired
    Copies copies;
    @Autowired
    Policies policies;
    @Autowired
    RulesService rules;
    @Autowired
    MembershipSetup membershipSetup;

    Viewer officerA;
    Viewer officerB;
    Viewer committee;
    long unitA;
    long roomA;
    long roomB;
    List<OrgSetup.HrRow> rowsA = new ArrayList<>();
    List<Viewer> readersA = new ArrayList<>();

    @BeforeEach
    void twoRoomsOfTwoUnitsAndReadersOfTheFirst() {
        Fixtures.UnitWithDepartment a = fixtures.grassroots("书屋管理甲站工会");
        Fixtures.UnitWithDepartment b = fixtures.grassroots("书屋管理乙站工会");
        unitA = a.unit().id();
        rowsA.clear();
        readersA.clear();
        for (int i = 0; i < 4; i++) {
            rowsA.add(Fixtures.row(a.departmentCode()));
        }
        OrgSetup.HrRow chairB = Fixtures.row(b.departmentCode());
        List<OrgSetup.HrRow> all = new ArrayList<>(rowsA);
        all.add(chairB);
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "library-admin.csv", all);
        for (OrgSetup.HrRow r : rowsA) {
            long id = fixtures.employeeId(r.employeeNo());
            membershipSetup.enrol(id, unitA, LocalDate.now().minusYears(2));
            readersA.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        officerA = Fixtures.officer(readersA.get(3).accountId(), unitA);
        officerB = Fixtures.officer(fixtures.accountId(fixtures.employeeId(chairB.employeeNo())), b.unit().id());
        committee = Fixtures.committee(fixtures.adminAccountId());
        roomA = catalogueService.addRoom(officerA, "甲站书屋" + System.nanoTime(), unitA, "甲站二楼", "全天");
        roomB = catalogueService.addRoom(officerB, "乙站书屋" + System.nanoTime(), b.unit().id(), "乙站一楼", "");
    }

    private long category(String code) {
        return catalogue.categories().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow().id();
    }

    private long title(String name) {
        return catalogueService.addTitle(officerA, new Catalogue.TitleDraft(Books.isbn13(), name, "编者", "人民交通出版社", 2020,
                category("TRAFFIC"), ""), null);
    }

    private Copy copyIn(long roomId, Viewer officer) {
        return catalogueService.addCopies(officer, title("高速公路养护技术" + System.nanoTime()), roomId, 1).getFirst();
    }

    private MvcResult perform(RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        result.getResponse().setCharacterEncoding("UTF-8");
        return result;
    }

    private String page(String url, Viewer viewer) throws Exception {
        MockHttpServletResponse response = perform(get(url).with(as(viewer))).getResponse();
        assertThat(response.getStatus()).as("GET %s", url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private String statusOf(Copy c) {
        return copies.find(c.id()).orElseThrow().status().name();
    }

    private long audits(String action, Object targetId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND target_id = ?")
                .params(action, targetId.toString()).query(Long.class).single();
    }

    @Test
    void theDeskLendsTakesBackAtAnotherRoomAndReceivesByTypedOrScannedBarcodes() throws Exception {
        Copy copy = copyIn(roomA, officerA);
        String reader = rowsA.get(0).employeeNo();
        MvcResult lent = perform(post("/library-admin/rooms/" + roomA + "/lend").param("barcode", copy.barcode().toLowerCase())
                .param("reader", reader).with(csrf()).with(as(officerA)));
        assertThat(lent.getResponse().getRedirectedUrl()).isEqualTo("/library-admin/rooms/" + roomA + "#desk");
        assertThat(lent.getFlashMap().get("flashError")).isNull();
        assertThat(statusOf(copy)).isEqualTo("ON_LOAN");
        long loanId = jdbc.sql("SELECT id FROM library_loan WHERE copy_id = ? AND via = 'DESK' AND lent_by = ?")
                .params(copy.id(), officerA.accountId()).query(Long.class).single();
        assertThat(audits("library.lend", loanId)).isOne();

        MvcResult again = perform(post("/library-admin/rooms/" + roomA + "/lend").param("barcode", copy.barcode())
                .param("reader", rowsA.get(1).employeeNo()).with(csrf()).with(as(officerA)));
        assertThat(again.getFlashMap().get("flashError")).isEqualTo("library.error.onLoan");
        MvcResult unknown = perform(post("/library-admin/rooms/" + roomA + "/return").param("barcode", "T99999999")
                .with(csrf()).with(as(officerA)));
        assertThat(unknown.getFlashMap().get("flashError")).isEqualTo("library.error.noSuchCopy");

        // Returned at the other unit's room, scanned from the label's QR: it goes home in transit.
        MvcResult back = perform(post("/library-admin/rooms/" + roomB + "/return")
                .param("barcode", "http://localhost/library/c/" + copy.barcode()).with(csrf()).with(as(officerB)));
        assertThat(back.getFlashMap().get("desk").toString()).contains("IN_TRANSIT");
        assertThat(statusOf(copy)).isEqualTo("IN_TRANSIT");
        assertThat(page("/library-admin/rooms/" + roomB, officerB)).contains("id=\"leaving\"").contains(copy.barcode());
        String atHome = page("/library-admin/rooms/" + roomA, officerA);
        assertThat(atHome.substring(atHome.indexOf("id=\"transit\""), atHome.indexOf("id=\"add-copies\"")))
                .contains("id=\"arriving\"").contains(copy.barcode());

        assertThat(perform(post("/library-admin/rooms/" + roomA + "/receive").param("barcode", copy.barcode())
                .with(csrf()).with(as(officerB))).getResponse().getStatus()).isEqualTo(404);
        MvcResult received = perform(post("/library-admin/rooms/" + roomA + "/receive").param("barcode", copy.barcode())
                .with(csrf()).with(as(officerA)));
        assertThat(received.getFlashMap().get("flashError")).isNull();
        assertThat(statusOf(copy)).isEqualTo("AVAILABLE");
        assertThat(audits("library.receive", copy.id())).isOne();

        assertThat(perform(post("/library-admin/rooms/" + roomA + "/lend").param("barcode", copy.barcode())
                .param("reader", reader).with(csrf()).with(as(officerB))).getResponse().getStatus()).isEqualTo(404);
        assertThat(statusOf(copy)).isEqualTo("AVAILABLE");
    }

    @Test
    void aNameThatFitsSeveralReadersIsAskedAboutAndAReaderOfAnotherUnitIsNotLentTo() throws Exception {
        Copy copy = copyIn(roomA, officerA);
        MvcResult asked = perform(post("/library-admin/rooms/" + roomA + "/lend").param("barcode", copy.barcode())
                .param("reader", "测试").with(csrf()).with(as(officerA)));
        assertThat((List<?>) asked.getFlashMap().get("candidates")).hasSize(rowsA.size());
        assertThat(statusOf(copy)).isEqualTo("AVAILABLE");
        String desk = perform(get("/library-admin/rooms/" + roomA).flashAttrs(asked.getFlashMap()).with(as(officerA)))
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(desk).contains("id=\"reader-choices\"").contains(rowsA.get(2).employeeNo());

        long chosen = readersA.get(2).employeeId();
        perform(post("/library-admin/rooms/" + roomA + "/lend").param("barcode", copy.barcode())
                .param("employeeId", Long.toString(chosen)).with(csrf()).with(as(officerA)));
        assertThat(jdbc.sql("SELECT employee_id FROM library_loan WHERE copy_id = ? AND returned_at IS NULL")
                .param(copy.id()).query(Long.class).single()).isEqualTo(chosen);

        Copy other = copyIn(roomA, officerA);
        long outsider = jdbc.sql("SELECT e.id FROM employee e WHERE e.emp_no = '100090'").query(Long.class).single();
        assertThat(perform(post("/library-admin/rooms/" + roomA + "/lend").param("barcode", other.barcode())
                .param("employeeId", Long.toString(outsider)).with(csrf()).with(as(officerA))).getResponse().getStatus())
                .isEqualTo(404);
        MvcResult notFound = perform(post("/library-admin/rooms/" + roomA + "/lend").param("barcode", other.barcode())
                .param("reader", "100090").with(csrf()).with(as(officerA)));
        assertThat(notFound.getFlashMap().get("flashError")).isEqualTo("library.error.readerNotFound");
        assertThat(statusOf(other)).isEqualTo("AVAILABLE");
    }

    @Test
    void theRoomShowsOverdueLoansWithTheReadersNamesAndTheHoldShelfOnlyToItsOfficers() throws Exception {
        Copy late = copyIn(roomA, officerA);
        circulation.borrow(readersA.get(0), late.barcode());
        jdbc.sql("UPDATE library_loan SET borrowed_at = now() - interval '50 days', due_at = now() - interval '20 days'"
                + " WHERE copy_id = ? AND returned_at IS NULL").param(late.id()).update();
        Copy held = copyIn(roomA, officerA);
        circulation.borrow(readersA.get(1), held.barcode());
        circulation.placeHold(readersA.get(2), held.titleId(), roomA);
        circulation.returnCopy(readersA.get(1), held.barcode(), roomA);
        assertThat(statusOf(held)).isEqualTo("ON_HOLD_SHELF");

        String room = page("/library-admin/rooms/" + roomA, officerA);
        String overdue = room.substring(room.indexOf("id=\"overdue-list\""), room.indexOf("id=\"transit\""));
        assertThat(overdue).contains(rowsA.get(0).name()).contains(rowsA.get(0).employeeNo()).contains(late.barcode())
                .contains(">20<");
        String shelf = room.substring(room.indexOf("id=\"shelf-list\""), room.indexOf("id=\"overdue\""));
        assertThat(shelf).contains(held.barcode()).contains(rowsA.get(2).name());
        assertThat(perform(get("/library-admin/rooms/" + roomA).with(as(officerB))).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(page("/library-admin/rooms/" + roomB, officerB)).doesNotContain(rowsA.get(0).name());

        MvcResult retired = perform(post("/library-admin/rooms/" + roomA + "/retire").param("barcode", late.barcode())
                .param("status", "LOST").param("note", "读者遗失").with(csrf()).with(as(officerA)));
        assertThat(retired.getFlashMap().get("flashError")).isEqualTo("library.error.onLoan");
        Copy spare = copyIn(roomA, officerA);
        perform(post("/library-admin/rooms/" + roomA + "/retire").param("barcode", spare.barcode())
                .param("status", "WITHDRAWN").param("note", "破损严重").with(csrf()).with(as(officerA)));
        assertThat(jdbc.sql("SELECT status || ' ' || status_note FROM library_copy WHERE id = ?").param(spare.id())
                .query(String.class).single()).isEqualTo("WITHDRAWN 破损严重");
    }

    @Test
    void copiesAreAddedByIsbnOrChosenTitleAndOfferTheirLabels() throws Exception {
        String isbn = Books.isbn13();
        long t = catalogueService.addTitle(officerA, new Catalogue.TitleDraft(isbn, "收费业务实务" + System.nanoTime(), "",
                "", null, category("TRAFFIC"), ""), null);
        MvcResult added = perform(post("/library-admin/rooms/" + roomA + "/copies").param("title", isbn)
                .param("count", "2").with(csrf()).with(as(officerA)));
        @SuppressWarnings("unchecked")
        List<String> barcodes = (List<String>) added.getFlashMap().get("added");
        assertThat(barcodes).hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM library_copy WHERE title_id = ? AND home_room_id = ?")
                .params(t, roomA).query(Long.class).single()).isEqualTo(2);
        String room = perform(get("/library-admin/rooms/" + roomA).flashAttrs(added.getFlashMap()).with(as(officerA)))
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(room).contains("id=\"added-labels\"").contains("barcodes=" + barcodes.get(0) + "," + barcodes.get(1));

        catalogueService.addTitle(officerA, new Catalogue.TitleDraft(null, "收费业务实务（第二册）" + System.nanoTime(), "", "",
                null, category("TRAFFIC"), ""), null);
        MvcResult several = perform(post("/library-admin/rooms/" + roomA + "/copies").param("title", "收费业务实务")
                .param("count", "1").with(csrf()).with(as(officerA)));
        assertThat((List<?>) several.getFlashMap().get("titleChoices")).hasSizeGreaterThan(1);
        MvcResult tooMany = perform(post("/library-admin/rooms/" + roomA + "/copies").param("titleId", Long.toString(t))
                .param("count", "51").with(csrf()).with(as(officerA)));
        assertThat(tooMany.getFlashMap().get("flashError")).isEqualTo("library.error.copyCount");
        assertThat(perform(post("/library-admin/rooms/" + roomB + "/copies").param("titleId", Long.toString(t))
                .param("count", "1").with(csrf()).with(as(officerA))).getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM library_copy WHERE title_id = ?").param(t).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void theTitleFormKeepsAnIsbn10AsItsIsbn13RefusesABadOneAndServesTheCoverToReaders() throws Exception {
        String isbn10 = Books.isbn10();
        String expected = Isbn.toIsbn13(isbn10).orElseThrow();
        byte[] png = Pictures.picture(60, 80, "png");
        MvcResult saved = perform(multipart("/library-admin/titles")
                .file(new MockMultipartFile("cover", "cover.png", "image/png", png))
                .param("isbn", isbn10).param("title", "高速公路养护技术").param("authors", "张建国 主编")
                .param("publisher", "人民交通出版社").param("year", "2021")
                .param("categoryId", Long.toString(category("TRAFFIC"))).param("summary", "养护一线的技术手册。")
                .param("copies", "2").param("roomId", Long.toString(roomA)).with(csrf()).with(as(officerA)));
        Catalogue.Title t = catalogue.byIsbn(expected).orElseThrow();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/library-admin/titles/" + t.id() + "/edit");
        assertThat(t.title()).isEqualTo("高速公路养护技术");
        assertThat(t.pubYear()).isEqualTo(2021);
        assertThat(t.coverKey()).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM library_copy WHERE title_id = ? AND home_room_id = ?")
                .params(t.id(), roomA).query(Long.class).single()).isEqualTo(2);
        assertThat(audits("library.title.add", t.id())).isOne();

        MockHttpServletResponse cover = perform(get("/library/covers/" + t.id()).with(as(readersA.get(0)))).getResponse();
        assertThat(cover.getStatus()).isEqualTo(200);
        assertThat(cover.getContentType()).startsWith("image/png");
        assertThat(cover.getContentAsByteArray()).isEqualTo(png);
        assertThat(perform(get("/library/covers/" + t.id()).header("If-None-Match", cover.getHeader("ETag"))
                .with(as(readersA.get(0)))).getResponse().getStatus()).isEqualTo(304);

        String edit = page("/library-admin/titles/" + t.id() + "/edit", officerA);
        assertThat(edit).contains(expected).contains("id=\"cover-image\"");

        long before = jdbc.sql("SELECT count(*) FROM library_title").query(Long.class).single();
        String good = Books.isbn13();
        String wrongCheckDigit = good.substring(0, 12) + (char) ('0' + (good.charAt(12) - '0' + 1) % 10);
        MvcResult bad = perform(multipart("/library-admin/titles").param("isbn", wrongCheckDigit)
                .param("title", "坏号码的书").param("categoryId", Long.toString(category("TRAFFIC")))
                .with(csrf()).with(as(officerA)));
        assertThat(bad.getResponse().getStatus()).isEqualTo(200);
        assertThat(bad.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"flash-error\"")
                .contains("不是有效的 ISBN").contains("坏号码的书");
        MvcResult notImage = perform(multipart("/library-admin/titles")
                .file(new MockMultipartFile("cover", "cover.png", "image/png", "not a picture".getBytes(StandardCharsets.UTF_8)))
                .param("title", "封面不是图片的书").param("categoryId", Long.toString(category("TRAFFIC")))
                .with(csrf()).with(as(officerA)));
        assertThat(notImage.getModelAndView().getModel().get("flashError")).isEqualTo("file.notImage");
        MvcResult taken = perform(multipart("/library-admin/titles").param("isbn", expected).param("title", "重复")
                .param("categoryId", Long.toString(category("TRAFFIC"))).with(csrf()).with(as(officerA)));
        assertThat(taken.getModelAndView().getModel().get("flashError")).isEqualTo("library.error.isbnTaken");
        assertThat(jdbc.sql("SELECT count(*) FROM library_title").query(Long.class).single()).isEqualTo(before);

        // Scanning a known ISBN opens the title to add copies rather than a second form.
        assertThat(perform(get("/library-admin/titles/new").param("isbn", isbn10).with(as(officerA))).getResponse()
                .getRedirectedUrl()).isEqualTo("/library-admin/titles/" + t.id() + "/edit#copies");

        perform(multipart("/library-admin/titles/" + t.id()).param("isbn", expected).param("title", "高速公路养护技术（第2版）")
                .param("year", "二〇二二").param("categoryId", Long.toString(category("TRAFFIC"))).with(csrf()).with(as(officerA)));
        assertThat(catalogue.find(t.id()).orElseThrow().title()).isEqualTo("高速公路养护技术");
        perform(multipart("/library-admin/titles/" + t.id()).param("isbn", expected).param("title", "高速公路养护技术（第2版）")
                .param("year", "2022").param("categoryId", Long.toString(category("TRAFFIC"))).with(csrf()).with(as(officerA)));
        assertThat(catalogue.find(t.id()).orElseThrow().title()).isEqualTo("高速公路养护技术（第2版）");
        assertThat(audits("library.title.update", t.id())).isOne();
    }

    @Test
    void onlyOfficersWhoRunAReadingRoomCatalogue() throws Exception {
        Fixtures.UnitWithDepartment c = fixtures.grassroots("没有书屋的工会");
        Viewer roomless = Fixtures.officer(fixtures.adminAccountId(), c.unit().id());
        assertThat(perform(get("/library-admin/titles/new").with(as(roomless))).getResponse().getStatus()).isEqualTo(404);
        assertThat(perform(get("/library-admin/import").with(as(roomless))).getResponse().getStatus()).isEqualTo(404);
        assertThat(page("/library-admin", roomless)).contains("id=\"no-rooms\"").doesNotContain("id=\"new-title\"")
                .contains("id=\"open-room\"");
        assertThat(perform(get("/library-admin").with(as(readersA.get(0)))).getResponse().getStatus()).isEqualTo(403);

        assertThat(perform(post("/library-admin/rooms").param("name", "越界书屋").param("unitId", Long.toString(unitA))
                .with(csrf()).with(as(roomless))).getResponse().getStatus()).isEqualTo(404);
        MvcResult opened = perform(post("/library-admin/rooms").param("name", "新开书屋" + System.nanoTime())
                .param("unitId", Long.toString(c.unit().id())).param("site", "三楼").with(csrf()).with(as(roomless)));
        assertThat(opened.getResponse().getRedirectedUrl()).startsWith("/library-admin/rooms/");
        assertThat(page("/library-admin/titles/new", roomless)).contains("id=\"title-form\"");
        String index = page("/library-admin", officerA);
        assertThat(index).contains(catalogueService.managedRooms(officerA).getFirst().name())
                .doesNotContain(catalogueService.managedRooms(officerB).getFirst().name());
    }

    @Test
    void theLabelSheetHoldsTheQrCodeOfEachCopysPageWithItsBarcode() throws Exception {
        long t = title("一个很长很长的书名用来检查标签上的书名会被截短到合适的长度");
        List<Copy> added = catalogueService.addCopies(officerA, t, roomA, 3);
        String sheet = page("/library-admin/rooms/" + roomA + "/labels", officerA);
        assertThat(sheet.split("class=\"label\"", -1)).hasSize(4);
        assertThat(sheet.split("<svg", -1)).hasSize(4);
        added.forEach(c -> assertThat(sheet).contains(">" + c.barcode() + "<"));
        assertThat(sheet).contains("一个很长很长的书名用来检查标签上的…").contains("@page");
        String first = sheet.substring(sheet.indexOf("data-barcode=\"" + added.get(0).barcode()));
        assertThat(decodeFirstQr(first)).isEqualTo("http://localhost/library/c/" + added.get(0).barcode());

        String chosen = page("/library-admin/rooms/" + roomA + "/labels?barcodes=" + added.get(1).barcode(), officerA);
        assertThat(chosen.split("class=\"label\"", -1)).hasSize(2);
        assertThat(chosen).contains(added.get(1).barcode()).doesNotContain(added.get(0).barcode());
        String today = page("/library-admin/rooms/" + roomA + "/labels?day=" + LocalDate.now(), officerA);
        assertThat(today.split("class=\"label\"", -1)).hasSize(4);
        String yesterday = page("/library-admin/rooms/" + roomA + "/labels?day=" + LocalDate.now().minusDays(1), officerA);
        assertThat(yesterday).contains("id=\"no-labels\"");
        assertThat(perform(get("/library-admin/rooms/" + roomA + "/labels").with(as(officerB))).getResponse().getStatus())
                .isEqualTo(404);
    }

    /** Reads the first QR code of the markup back from its SVG modules. */
    private static String decodeFirstQr(String markup) throws Exception {
        String svg = markup.substring(markup.indexOf("<svg"), markup.indexOf("</svg>"));
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        int scale = 4;
        int[] pixels = new int[size * scale * size * scale];
        Arrays.fill(pixels, 0xFFFFFF);
        Matcher m = MODULE.matcher(svg);
        while (m.find()) {
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0;
                }
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(size * scale, size * scale, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
    }

    @Test
    void theLoanRulesAreTheCommitteesAndTheFallbackLineCannotBeRemoved() throws Exception {
        assertThat(perform(get("/library-admin/rules").with(as(officerA))).getResponse().getStatus()).isEqualTo(403);
        assertThat(perform(post("/library-admin/rules/policies").param("name", "越权政策").param("loanDays", "60")
                .param("maxLoans", "9").param("pickupDays", "3").with(csrf()).with(as(officerA))).getResponse()
                .getStatus()).isEqualTo(403);
        String page = page("/library-admin/rules", committee);
        Policies.Rule fallback = policies.rules().stream().filter(RulesService::isFallback).findFirst().orElseThrow();
        assertThat(page).contains("id=\"line-" + fallback.id() + "\"").contains("兜底规则");

        MvcResult refused = perform(post("/library-admin/rules/lines/" + fallback.id() + "/remove").with(csrf())
                .with(as(committee)));
        assertThat(refused.getFlashMap().get("flashError")).isEqualTo("library.error.fallbackRule");
        assertThat(policies.findRule(fallback.id())).isPresent();

        String name = "科普长借" + System.nanoTime();
        MvcResult added = perform(post("/library-admin/rules/policies").param("name", name).param("loanDays", "60")
                .param("maxLoans", "3").param("renewals", "1").param("holdsAllowed", "true").param("pickupDays", "5")
                .with(csrf()).with(as(committee)));
        assertThat(added.getFlashMap().get("flash")).isEqualTo("library.rules.policyAdded");
        Policies.Policy policy = policies.policies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        assertThat(policy.loanDays()).isEqualTo(60);
        assertThat(policy.holdsAllowed()).isTrue();
        assertThat(policy.floating()).isFalse();
        assertThat(audits("library.policy.add", policy.id())).isOne();
        try {
            perform(post("/library-admin/rules/lines").param("readerType", "MEMBER")
                    .param("categoryId", Long.toString(category("SCIENCE"))).param("policyId", Long.toString(policy.id()))
                    .with(csrf()).with(as(committee)));
            Policies.Rule line = policies.rules().stream()
                    .filter(r -> r.readerType().equals("MEMBER") && Long.valueOf(category("SCIENCE")).equals(r.categoryId()))
                    .findFirst().orElseThrow();
            assertThat(line.policyId()).isEqualTo(policy.id());
            assertThat(policies.policyFor(Policies.ReaderType.MEMBER, catalogue.categoryAndAncestors(category("SCIENCE"))))
                    .isEqualTo(policy);
            MvcResult inUse = perform(post("/library-admin/rules/policies/" + policy.id() + "/remove").with(csrf())
                    .with(as(committee)));
            assertThat(inUse.getFlashMap().get("flashError")).isEqualTo("library.error.policyInUse");
            MvcResult badDays = perform(post("/library-admin/rules/policies/" + policy.id()).param("name", name)
                    .param("loanDays", "0").param("maxLoans", "3").param("pickupDays", "5").with(csrf()).with(as(committee)));
            assertThat(badDays.getFlashMap().get("flashError")).isEqualTo("library.error.loanDays");
            perform(post("/library-admin/rules/lines/" + line.id() + "/remove").with(csrf()).with(as(committee)));
            assertThat(policies.findRule(line.id())).isEmpty();
            assertThat(audits("library.rule.remove", line.id())).isOne();
        } finally {
            policies.rules().stream().filter(r -> r.policyId() == policy.id()).forEach(r -> policies.removeRule(r.id()));
        }
        perform(post("/library-admin/rules/policies/" + policy.id() + "/remove").with(csrf()).with(as(committee)));
        assertThat(policies.find(policy.id())).isEmpty();
    }

    @Test
    void theRulesServiceChecksWhatItIsGiven() {
        RulesService.PolicyForm ok = new RulesService.PolicyForm("规则校验" + System.nanoTime(), 30, 5, 2, true, 3, false);
        assertThatThrownBy(() -> rules.addPolicy(officerA, ok)).isInstanceOf(OutOfScopeException.class);
        Policies.Policy existing = policies.policies().getFirst();
        assertThatThrownBy(() -> rules.addPolicy(committee, new RulesService.PolicyForm(" " + existing.name() + " ", 30, 5,
                2, true, 3, false))).isInstanceOf(Refusal.class).hasMessage("library.error.policyNameTaken");
        assertThatThrownBy(() -> rules.addPolicy(committee, new RulesService.PolicyForm("", 30, 5, 2, true, 3, false)))
                .hasMessage("library.error.policyName");
        assertThatThrownBy(() -> rules.addPolicy(committee, new RulesService.PolicyForm("x", 366, 5, 2, true, 3, false)))
                .hasMessage("library.error.loanDays");
        assertThatThrownBy(() -> rules.addPolicy(committee, new RulesService.PolicyForm("x", 30, 101, 2, true, 3, false)))
                .hasMessage("library.error.maxLoans");
        assertThatThrownBy(() -> rules.addPolicy(committee, new RulesService.PolicyForm("x", 30, 5, 21, true, 3, false)))
                .hasMessage("library.error.renewals");
        assertThatThrownBy(() -> rules.addPolicy(committee, new RulesService.PolicyForm("x", 30, 5, 2, true, 0, false)))
                .hasMessage("library.error.pickupDays");
        assertThatThrownBy(() -> rules.setRule(committee, "VISITOR", null, existing.id()))
                .hasMessage("library.error.readerType");
        assertThatThrownBy(() -> rules.setRule(committee, "MEMBER", -5L, existing.id()))
                .hasMessage("library.error.noSuchCategory");
        assertThatThrownBy(() -> rules.setRule(committee, "MEMBER", null, -5))
                .hasMessage("library.error.noSuchPolicy");
        long before = policies.rules().size();
        Policies.Rule fallback = policies.rules().stream().filter(RulesService::isFallback).findFirst().orElseThrow();
        assertThatThrownBy(() -> rules.removeRule(committee, fallback.id())).hasMessage("library.error.fallbackRule");
        assertThat(policies.rules()).hasSize((int) before);
    }
}
