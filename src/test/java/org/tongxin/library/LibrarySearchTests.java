package org.tongxin.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.Catalogue.TitleDraft;
import org.tongxin.library.internal.CatalogueService;
import org.tongxin.library.internal.Circulation;
import org.tongxin.library.internal.Isbn;
import org.tongxin.library.search.LibrarySearch;
import org.tongxin.library.search.LibrarySearch.Hit;
import org.tongxin.library.search.LibrarySearch.Results;
import org.tongxin.library.search.LibrarySearch.SearchQuery;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Chinese search over the catalogue on the real database and index: words and parts of words, authors, ranking,
 * ISBN as typed, the filters, catching up with edits and loans, and the reader's search page. Each test works in a
 * reading room of its own and filters on it, so titles other tests catalogue (三国演义 is a favourite) never count.
 */
class LibrarySearchTests extends IntegrationTestSupport {

    @Autowired
    LibrarySearch search;
    @Autowired
    CatalogueService catalogueService;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Circulation circulation;
    @Autowired
    PlatformTransactionManager transactions;

    Viewer officer;
    Viewer reader;
    long unitId;
    long room;

    @BeforeEach
    void aRoomOfItsOwn() {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("书屋检索站工会");
        unitId = unit.unit().id();
        officer = Fixtures.officer(fixtures.adminAccountId(), unitId);
        room = newRoom("检索书屋");
        OrgSetup.HrRow row = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "search.csv", List.of(row));
        long employeeId = fixtures.employeeId(row.employeeNo());
        reader = Fixtures.employee(fixtures.accountId(employeeId), employeeId);
    }

    private long newRoom(String name) {
        return catalogueService.addRoom(officer, name + System.nanoTime(), unitId, "", "");
    }

    private long category(String code) {
        return catalogue.categories().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow().id();
    }

    private long title(String title, String authors, String summary) {
        return title(title, authors, summary, "CLASSICS", null, room);
    }

    /** A title with one copy on the shelf of {@code roomId}. */
    private long title(String title, String authors, String summary, String category, String isbn, long roomId) {
        long id = catalogueService.addTitle(officer, new TitleDraft(isbn, title, authors, "人民文学出版社", 2001,
                category(category), summary), null);
        catalogueService.addCopies(officer, id, roomId, 1);
        return id;
    }

    private Results find(String text) {
        return find(new SearchQuery(text, null, room, false, 0));
    }

    private Results find(SearchQuery q) {
        search.catchUp();
        Results r = search.search(q);
        assertThat(r.ready()).isTrue();
        return r;
    }

    private static List<Long> ids(Results r) {
        return r.hits().items().stream().map(h -> h.title().id()).toList();
    }

    @Test
    void wholeWordsAndPartsOfWordsBothHit() {
        long sanguoYanyi = title("三国演义", "罗贯中", "东汉末年到西晋初年的历史故事。");
        long sanguoZhi = title("三国志", "陈寿", "记载魏、蜀、吴三国的纪传体史书。");
        long hongloumeng = title("红楼梦", "曹雪芹", "贾宝玉与林黛玉的爱情悲剧。");

        assertThat(ids(find("三国"))).containsExactlyInAnyOrder(sanguoYanyi, sanguoZhi);
        assertThat(ids(find("演义"))).containsExactly(sanguoYanyi);
        assertThat(ids(find("三国演义"))).containsExactly(sanguoYanyi);
        assertThat(ids(find("红楼"))).containsExactly(hongloumeng);
        // authors, whole and in part, and one part per field
        assertThat(ids(find("罗贯中"))).containsExactly(sanguoYanyi);
        assertThat(ids(find("曹雪"))).containsExactly(hongloumeng);
        assertThat(ids(find("曹雪芹 红楼梦"))).containsExactly(hongloumeng);
        assertThat(ids(find("曹雪芹 三国"))).isEmpty();
        // spaces around the text do not matter
        assertThat(ids(find("  三国志  "))).containsExactly(sanguoZhi);
        assertThat(find("三国").found()).isEqualTo(2);
    }

    @Test
    void stopCharactersDoNotMatchEverything() {
        long mingyi = title("人民的名义", "周梅森", "一部反腐题材的长篇小说。");
        long other = title("平凡的世界", "路遥", "孙少安和孙少平的奋斗。");

        assertThat(find("的").hits().items()).isEmpty();
        assertThat(find("的").found()).isZero();
        assertThat(find("的 了 和").hits().items()).isEmpty();
        assertThat(search.search(new SearchQuery("的", null, null, false, 0)).found()).isZero();
        // inside a phrase they still count, and a part made of them alone is ignored
        assertThat(ids(find("人民的名义"))).containsExactly(mingyi);
        assertThat(ids(find("名义"))).containsExactly(mingyi);
        assertThat(ids(find("的 世界"))).containsExactly(other);
    }

    @Test
    void aTitleHitRanksAboveAnAuthorHitAboveASummaryHit() {
        long inSummary = title("道路工程概论", "王建国", "本书介绍沥青路面养护的方法与案例。");
        long inAuthors = title("收费站服务礼仪", "养护研究会", "收费员的日常服务规范。");
        long inTitle = title("沥青路面养护实务", "李明", "高速公路施工与管理。");

        assertThat(ids(find("养护"))).containsExactly(inTitle, inAuthors, inSummary);
        assertThat(ids(find("沥青"))).containsExactly(inTitle, inSummary);
    }

    @Test
    void anIsbnTypedAsTenOrThirteenDigitsWithHyphensFindsItsTitle() {
        String body = "7" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String isbn13 = "978" + body + Isbn.check13("978" + body);
        String isbn10 = body + isbn10Check(body);
        long id = title("高速公路收费管理", "张强", "", "TRAFFIC", isbn13, room);
        title("高速公路养护管理", "张强", "", "TRAFFIC", null, room);

        String hyphenated13 = isbn13.substring(0, 3) + "-" + isbn13.charAt(3) + "-" + isbn13.substring(4, 8) + "-"
                + isbn13.substring(8, 12) + "-" + isbn13.charAt(12);
        String hyphenated10 = body.charAt(0) + "-" + body.substring(1, 5) + "-" + body.substring(5) + "-"
                + isbn10.charAt(9);
        Results by13 = find(new SearchQuery(hyphenated13, null, null, false, 0));
        assertThat(by13.byIsbn()).isTrue();
        assertThat(ids(by13)).containsExactly(id);
        assertThat(ids(find(new SearchQuery(hyphenated10, null, null, false, 0)))).containsExactly(id);
        assertThat(ids(find(new SearchQuery(" " + isbn13 + " ", null, null, false, 0)))).containsExactly(id);
        assertThat(ids(find("收费管理"))).containsExactly(id);
    }

    private static char isbn10Check(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    @Test
    void aCategoryIncludesEverythingBelowIt() {
        long classic = title("西游记", "吴承恩", "", "CLASSICS", null, room);
        long foreign = title("战争与和平", "列夫·托尔斯泰", "", "FOREIGN", null, room);
        long history = title("史记", "司马迁", "", "HISTORY", null, room);

        SearchQuery literature = new SearchQuery("", category("LITERATURE"), room, false, 0);
        assertThat(ids(find(literature))).containsExactlyInAnyOrder(classic, foreign);
        assertThat(ids(find(new SearchQuery("", category("HUMANITIES"), room, false, 0)))).containsExactly(history);
        assertThat(ids(find(new SearchQuery("", category("CLASSICS"), room, false, 0)))).containsExactly(classic);
        assertThat(ids(find(new SearchQuery("记", category("LITERATURE"), room, false, 0)))).containsExactly(classic);
    }

    @Test
    void theRoomFilterKeepsTitlesWithACopyThere() {
        long other = newRoom("另一书屋");
        long here = title("安全生产法释义", "编写组", "", "SAFETY", null, room);
        long there = title("安全生产管理手册", "编写组", "", "SAFETY", null, other);

        assertThat(ids(find(new SearchQuery("安全生产", null, room, false, 0)))).containsExactly(here);
        assertThat(ids(find(new SearchQuery("安全生产", null, other, false, 0)))).containsExactly(there);
        // a copy added to the other room puts the title there too
        catalogueService.addCopies(officer, here, other, 1);
        assertThat(ids(find(new SearchQuery("安全生产", null, other, false, 0)))).containsExactlyInAnyOrder(here, there);
    }

    @Test
    void availableOnlyShowsTitlesWithACopyOnTheShelfAndEveryHitSaysHowMany() {
        long lent = title("平凡的世界", "路遥", "");
        long onShelf = title("平凡的荣耀", "路遥", "");
        catalogueService.addCopies(officer, onShelf, room, 2);
        String barcode = jdbc.sql("SELECT barcode FROM library_copy WHERE title_id = ?").param(lent)
                .query(String.class).single();
        circulation.borrow(reader, barcode);

        Results all = find("平凡");
        assertThat(ids(all)).containsExactlyInAnyOrder(lent, onShelf);
        Hit lentHit = all.hits().items().stream().filter(h -> h.title().id() == lent).findFirst().orElseThrow();
        Hit shelfHit = all.hits().items().stream().filter(h -> h.title().id() == onShelf).findFirst().orElseThrow();
        assertThat(List.of(lentHit.available(), lentHit.copies())).containsExactly(0, 1);
        assertThat(List.of(shelfHit.available(), shelfHit.copies())).containsExactly(3, 3);

        assertThat(ids(find(new SearchQuery("平凡", null, room, true, 0)))).containsExactly(onShelf);
        assertThat(ids(find(new SearchQuery("路遥", null, null, true, 0)))).contains(onShelf).doesNotContain(lent);

        circulation.returnCopy(reader, barcode, room);
        assertThat(ids(find(new SearchQuery("平凡", null, room, true, 0)))).containsExactlyInAnyOrder(lent, onShelf);
    }

    @Test
    void anEditedTitleIsFoundUnderItsNewNameOnceTheIndexCatchesUpOnItsOwn() {
        long id = title("临时书名甲", "佚名", "");
        assertThat(ids(find("临时书名"))).containsExactly(id);

        catalogueService.updateTitle(officer, id, new TitleDraft(null, "城市轨道交通概论", "佚名", "", 2001,
                category("TRAFFIC"), ""));
        // no catchUp() here: the node's poller picks the change up by itself
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                ids(search.search(new SearchQuery("轨道交通", null, room, false, 0))).contains(id));
        assertThat(ids(find("临时书名"))).isEmpty();
        assertThat(ids(find(new SearchQuery("", category("SKILLS"), room, false, 0)))).containsExactly(id);
    }

    @Test
    void aTitleCommittedAfterALaterNumberedOneIsNotMissed() throws Exception {
        long classics = category("CLASSICS");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch numbered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // The slow transaction takes its number first and commits last.
            Future<Long> slow = pool.submit(() -> tx.execute(s -> {
                long id = insertWithCopy("迟到的书目甲", classics);
                numbered.countDown();
                await(release);
                return id;
            }));
            assertThat(numbered.await(10, TimeUnit.SECONDS)).isTrue();
            long quick = tx.execute(s -> insertWithCopy("迟到的书目乙", classics));
            assertThat(ids(find("迟到"))).containsExactly(quick);
            search.catchUp();
            release.countDown();
            long late = slow.get(10, TimeUnit.SECONDS);
            assertThat(ids(find("迟到"))).containsExactlyInAnyOrder(quick, late);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void theWatermarkCatchesUpOnceNoTransactionCanCommitBelowIt() throws Exception {
        title("水经注", "郦道元", "");
        search.catchUp();
        Thread.sleep(2_100);
        search.catchUp();
        LibrarySearch.Status status = search.status();
        assertThat(status.ready()).isTrue();
        assertThat(status.settled()).isEqualTo(status.highest()).isPositive();
    }

    private long insertWithCopy(String title, long categoryId) {
        long id = jdbc.sql("INSERT INTO library_title (title, category_id, created_by) VALUES (?, ?, 0) RETURNING id")
                .params(title, categoryId).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO library_copy (title_id, barcode, home_room_id, room_id, status, added_by)
                        VALUES (?, 'T' || lpad(nextval('library_barcode_seq')::text, 8, '0'), ?, ?, 'AVAILABLE', 0)""")
                .params(id, room, room).update();
        return id;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void pagesGoAsFarAsTheLimitAndNoFurther() {
        for (int i = 0; i < 25; i++) {
            title("分页测试丛书第" + i + "册", "编委会", "");
        }
        Results first = find("分页测试");
        assertThat(first.found()).isEqualTo(25);
        assertThat(first.hits().items()).hasSize(LibrarySearch.PAGE_SIZE);
        assertThat(first.hits().hasNext()).isTrue();
        Results second = find(new SearchQuery("分页测试", null, room, false, 1));
        assertThat(second.hits().items()).hasSize(5);
        assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));
        // an absurd page number is answered with the last page a reader can reach, without a slot per hit before it
        Results far = find(new SearchQuery("分页测试", null, room, false, Integer.MAX_VALUE));
        assertThat(far.hits().page()).isEqualTo(LibrarySearch.MAX_PAGES - 1);
        assertThat(far.hits().items()).isEmpty();
    }

    @Test
    void withNothingTypedTheNewestTitlesComeFirst() {
        long first = title("围城", "钱锺书", "");
        long second = title("边城", "沈从文", "");
        long third = title("呼兰河传", "萧红", "");
        assertThat(ids(find(""))).containsExactly(third, second, first);
        assertThat(ids(find("   "))).containsExactly(third, second, first);
    }

    @Test
    void theSearchPageShowsTitlesAvailabilityAndFilters() throws Exception {
        long sanguo = title("三国演义", "罗贯中", "东汉末年的历史故事。");
        title("红楼梦", "曹雪芹", "");
        search.catchUp();

        String page = page("/library?q=三国&room=" + room);
        assertThat(page).contains("三国演义", "罗贯中 · 2001", "1 本可借 / 1", "/library/titles/" + sanguo,
                "找到 1 本", "id=\"library-category\"", "value=\"" + room + "\" selected")
                .doesNotContain("红楼梦");
        assertThat(page("/library?room=" + room)).contains("新书上架", "三国演义", "红楼梦");
        assertThat(page("/library?q=的&room=" + room)).contains("没有找到相关图书").doesNotContain("三国演义");
        assertThat(page("/library?q=三国&room=" + room + "&available=true")).contains("三国演义");
        for (int i = 0; i < 21; i++) {
            title("翻页示例" + i, "编委会", "");
        }
        search.catchUp();
        assertThat(page("/library?q=翻页示例&room=" + room)).contains("找到 21 本", "第 1 / 2 页",
                "/library?q=%E7%BF%BB%E9%A1%B5%E7%A4%BA%E4%BE%8B&amp;room=" + room + "&amp;page=1");
        assertThat(page("/library?q=翻页示例&room=" + room + "&page=1")).contains("第 2 / 2 页", "翻页示例");
        assertThat(page("/")).contains("id=\"library-card\"", "职工书屋");
        MockHttpServletResponse english = mvc.perform(get("/library").param("q", "三国").param("room", "" + room)
                .sessionAttr(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.ENGLISH).with(as(reader))).andReturn().getResponse();
        assertThat(english.getContentAsString(StandardCharsets.UTF_8)).contains("1 titles found", "1 of 1 on the shelf");
    }

    private String page(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(as(reader))).andReturn().getResponse();
        assertThat(response.getStatus()).as("GET %s", url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
