package org.tongxin.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongxin.benefits.internal.Welfare;
import org.tongxin.benefits.internal.WelfareRound;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.PageTestSupport;

/**
 * The holiday welfare pages: an officer sets a round up and opens it through the forms (bad input refused with its
 * message and nothing saved); members pick, change and sign on their pages, a package with none left cannot be picked;
 * the site's officer confirms delivery, hands over, records and closes exceptions; a site's officer who does not own
 * the round sees only their site; another unit's officer and an employee not in the round get not found; the Excel
 * totals are the figures of the page.
 */
class WelfarePagesTests extends PageTestSupport {

    private static final ZoneId ZONE = ZoneId.systemDefault();

    @Autowired
    Welfare welfare;
    @Autowired
    MembershipSetup membershipSetup;

    OrgUnit company;
    OrgUnit station;
    Viewer owner;
    Viewer stationChair;
    Viewer otherChair;
    Viewer committee;
    Viewer m1;
    Viewer m2;
    Viewer m3;
    Viewer outsider;

    /** A branch union (the owner's) with a toll station below it; members at both; another union beside it. */
    @BeforeEach
    void aBranchWithAStationTheirOfficersAndMembers() {
        Fixtures.UnitWithDepartment branch = fixtures.grassroots("福利页面分公司");
        company = branch.unit();
        station = orgSetup.createUnit(company.id(), "福利页面收费站" + System.nanoTime() % 10000, UnitKind.BRANCH);
        String stationCode = "WF" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(stationCode, station.name() + "收费班", station.id());
        Fixtures.UnitWithDepartment other = fixtures.grassroots("福利页面服务区");
        OrgSetup.HrRow a = Fixtures.row(stationCode);
        OrgSetup.HrRow b = Fixtures.row(stationCode);
        OrgSetup.HrRow c = Fixtures.row(branch.departmentCode());
        OrgSetup.HrRow o = Fixtures.row(stationCode);
        OrgSetup.HrRow chair = Fixtures.row(stationCode);
        OrgSetup.HrRow boss = Fixtures.row(branch.departmentCode());
        OrgSetup.HrRow elsewhere = Fixtures.row(other.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "welfare-pages.csv",
                List.of(a, b, c, o, chair, boss, elsewhere));
        m1 = member(a, station.id());
        m2 = member(b, station.id());
        m3 = member(c, company.id());
        long outsiderId = fixtures.employeeId(o.employeeNo());
        outsider = Fixtures.employee(fixtures.accountId(outsiderId), outsiderId);
        stationChair = Fixtures.officerWithoutCare(fixtures.accountId(fixtures.employeeId(chair.employeeNo())), station.id());
        owner = Fixtures.officerWithoutCare(fixtures.accountId(fixtures.employeeId(boss.employeeNo())), company.id());
        otherChair = Fixtures.officerWithoutCare(fixtures.accountId(fixtures.employeeId(elsewhere.employeeNo())),
                other.unit().id());
        committee = Fixtures.committee(fixtures.adminAccountId());
        int year = welfare.today().getYear();
        if (welfare.cap(year).filter(c1 -> c1.compareTo(new BigDecimal("1000")) >= 0).isEmpty()) {
            welfare.setCap(committee, year, new BigDecimal("1800"));
        }
    }

    private Viewer member(OrgSetup.HrRow row, long unitId) {
        long id = fixtures.employeeId(row.employeeNo());
        membershipSetup.enrol(id, unitId, LocalDate.now().minusYears(1));
        return Fixtures.employee(fixtures.accountId(id), id);
    }

    private static String local(OffsetDateTime t) {
        return t.atZoneSameInstant(ZONE).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private MockHttpServletRequestBuilder roundForm(String url, String budget, OffsetDateTime opens, OffsetDateTime closes) {
        return post(url).param("unitId", Long.toString(company.id())).param("occasion", "MID_AUTUMN")
                .param("title", "中秋节慰问品").param("budgetPerMember", budget)
                .param("eligibleOn", LocalDate.now().toString()).param("opensAt", local(opens))
                .param("closesAt", local(closes));
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    record Opened(long round, long grain, long fruit, long books) {
    }

    /** A round of the branch opened through the service: grain (default, for all), fruit, book card (one only). */
    private Opened opened() {
        OffsetDateTime now = welfare.now();
        long round = welfare.create(owner, new Welfare.Draft(company.id(), WelfareRound.Occasion.MID_AUTUMN, "中秋节慰问品",
                new BigDecimal("300"), LocalDate.now(), now.minusMinutes(1), now.plusHours(1)));
        long grain = welfare.addPackage(owner, round, new Welfare.PackageDraft("粮油礼包", "金龙鱼5L+五常大米10kg",
                new BigDecimal("268.00"), "蜀粮商贸", 10));
        long fruit = welfare.addPackage(owner, round, new Welfare.PackageDraft("水果礼盒", "", new BigDecimal("198.50"),
                "果园鲜生", 10));
        long books = welfare.addPackage(owner, round, new Welfare.PackageDraft("图书卡", "", new BigDecimal("200"),
                "新华文轩", 1));
        welfare.open(owner, round);
        return new Opened(round, grain, fruit, books);
    }

    @Test
    void anOfficerSetsARoundUpAndOpensItThroughTheFormsAndBadInputSavesNothing() throws Exception {
        String list = page("/benefits/welfare-admin", owner);
        assertThat(list).contains("新建福利批次", company.name(), "datetime-local").doesNotContain("id=\"cap-form\"");
        OffsetDateTime now = welfare.now();
        long before = count("SELECT count(*) FROM welfare_round WHERE unit_id = ?", company.id());
        assertThat(outcome(roundForm("/benefits/welfare-admin", "abc", now, now.plusDays(7)), owner))
                .isEqualTo("error:benefits.welfare.error.budget");
        assertThat(outcome(roundForm("/benefits/welfare-admin", "300", now, now.minusDays(1)), owner))
                .isEqualTo("error:benefits.welfare.error.window");
        assertThat(outcome(roundForm("/benefits/welfare-admin", "99999", now, now.plusDays(7)), owner))
                .isEqualTo("error:benefits.welfare.error.overCap");
        assertThat(count("SELECT count(*) FROM welfare_round WHERE unit_id = ?", company.id())).isEqualTo(before);
        assertThat(status(roundForm("/benefits/welfare-admin", "300", now, now.plusDays(7))
                .param("unitId", Long.toString(company.id())), otherChair)).isEqualTo(404);
        assertThat(status(get("/benefits/welfare-admin"), m1)).isEqualTo(404);

        String location = perform(roundForm("/benefits/welfare-admin", "300", now, now.plusDays(7))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(as(owner))).getRedirectedUrl();
        assertThat(location).matches("/benefits/welfare-admin/\\d+");
        long round = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String draft = page(location, owner);
        assertThat(draft).contains("中秋节慰问品", "草稿", "id=\"package-form\"", "id=\"settings-form\"", "id=\"no-packages\"");

        String packages = location + "/packages";
        assertThat(outcome(post(packages).param("name", "粮油礼包").param("supplier", "蜀粮商贸").param("price", "350")
                .param("stock", "10"), owner)).isEqualTo("error:benefits.welfare.error.priceOverBudget");
        assertThat(outcome(post(packages).param("name", " ").param("supplier", "蜀粮商贸").param("price", "100")
                .param("stock", "10"), owner)).isEqualTo("error:benefits.welfare.error.packageName");
        assertThat(outcome(post(packages).param("name", "粮油礼包").param("supplier", "蜀粮商贸").param("price", "100")
                .param("stock", "十"), owner)).isEqualTo("error:benefits.welfare.error.stock");
        assertThat(count("SELECT count(*) FROM welfare_package WHERE round_id = ?", round)).isZero();
        assertThat(outcome(post(packages).param("name", "粮油礼包").param("description", "金龙鱼5L+五常大米10kg")
                .param("supplier", "蜀粮商贸").param("price", "268").param("stock", "10"), owner))
                .isEqualTo("flash:benefits.welfare.flash.packageAdded");
        assertThat(outcome(post(packages).param("name", "电影卡").param("supplier", "万达影城").param("price", "150")
                .param("stock", "2"), owner)).isEqualTo("flash:benefits.welfare.flash.packageAdded");
        long grain = count("SELECT id FROM welfare_package WHERE round_id = ? AND name = '粮油礼包'", round);
        long film = count("SELECT id FROM welfare_package WHERE round_id = ? AND name = '电影卡'", round);
        assertThat(outcome(post(location + "/packages/" + film + "/default"), owner))
                .isEqualTo("flash:benefits.welfare.flash.defaultSet");
        assertThat(outcome(post(location + "/open"), owner)).isEqualTo("error:benefits.welfare.error.defaultStock");
        assertThat(jdbc.sql("SELECT status FROM welfare_round WHERE id = ?").param(round).query(String.class).single())
                .isEqualTo("DRAFT");
        assertThat(outcome(post(location + "/packages/" + grain + "/default"), owner))
                .isEqualTo("flash:benefits.welfare.flash.defaultSet");
        assertThat(status(post(location + "/open"), otherChair)).isEqualTo(404);
        assertThat(status(post(location + "/open"), stationChair)).isEqualTo(404);
        assertThat(outcome(post(location + "/open"), owner)).isEqualTo("flash:benefits.welfare.flash.opened");
        assertThat(count("SELECT count(*) FROM welfare_entitlement WHERE round_id = ?", round)).isEqualTo(3);
        String open = page(location, owner);
        assertThat(open).contains("选择中", "id=\"totals\"", "id=\"site-" + station.id() + "\"",
                "id=\"site-" + company.id() + "\"", "/totals.xlsx").doesNotContain("id=\"package-form\"");
        assertThat(outcome(post(location + "/packages/" + grain + "/stock").param("stock", "2"), owner))
                .isEqualTo("error:benefits.welfare.error.defaultStock");
        assertThat(outcome(post(location + "/packages/" + film + "/stock").param("stock", "5"), owner))
                .isEqualTo("flash:benefits.welfare.flash.restocked");
        assertThat(status(get(location), otherChair)).isEqualTo(404);
        assertThat(status(get(location), m1)).isEqualTo(404);

        String committeePage = page("/benefits/welfare-admin", committee);
        assertThat(committeePage).contains("id=\"cap-form\"", "年上限：每人 ¥");
        assertThat(outcome(post("/benefits/welfare-admin/cap").param("year", "2026").param("cap", "-5"), committee))
                .isEqualTo("error:benefits.welfare.error.cap");
        assertThat(status(post("/benefits/welfare-admin/cap").param("year", "2026").param("cap", "5000"), owner))
                .isEqualTo(404);
    }

    @Test
    void membersPickChangeAndSignWhileTheSiteHandsOutAndRecordsExceptions() throws Exception {
        Opened o = opened();
        String r = "/benefits/welfare/" + o.round();
        assertThat(page("/", m1)).contains("id=\"welfare-pick-home\"", "节日福利：请选择礼包", "中秋节慰问品");
        assertThat(page("/benefits", m1)).contains("id=\"open-" + o.round() + "\"", "/benefits/birthday",
                "/benefits/offers", "/benefits/dues", "/benefits/welfare\"");
        assertThat(page("/", outsider)).contains("id=\"benefits-home\"").doesNotContain("welfare-pick-home");
        assertThat(status(get(r), outsider)).isEqualTo(404);
        assertThat(status(post(r + "/pick").param("packageId", Long.toString(o.fruit())), outsider)).isEqualTo(404);

        String pickPage = page(r, m1);
        assertThat(pickPage).contains("粮油礼包", "水果礼盒", "图书卡", "剩余 10 份", "剩余 1 份", "尚未选择", "请在 ")
                .doesNotContain("蜀粮商贸");
        assertThat(outcome(post(r + "/pick").param("packageId", Long.toString(o.fruit())), m1))
                .isEqualTo("flash:benefits.welfare.flash.picked");
        assertThat(outcome(post(r + "/pick").param("packageId", Long.toString(o.books())), m2))
                .isEqualTo("flash:benefits.welfare.flash.picked");
        assertThat(page(r, m1)).contains("已选：水果礼盒", "已选完", "改选这个");
        assertThat(outcome(post(r + "/pick").param("packageId", Long.toString(o.books())), m1))
                .isEqualTo("error:benefits.welfare.error.soldOut");
        assertThat(outcome(post(r + "/pick").param("packageId", "999999999"), m1))
                .isEqualTo("error:benefits.welfare.error.package");
        assertThat(outcome(post(r + "/pick").param("packageId", Long.toString(o.grain())), m1))
                .isEqualTo("flash:benefits.welfare.flash.changed");
        assertThat(jdbc.sql("SELECT name || ':' || taken FROM welfare_package WHERE round_id = ? ORDER BY id")
                .param(o.round()).query(String.class).list()).containsExactly("粮油礼包:1", "水果礼盒:0", "图书卡:1");

        OffsetDateTime closesAt = welfare.find(o.round()).orElseThrow().closesAt();
        welfare.closeDue(closesAt.plusMinutes(1));
        assertThat(page(r, m3)).contains("默认礼包（未在截止前选择）", "粮油礼包", "领取地点：" + company.name(),
                "id=\"not-delivered\"").doesNotContain("id=\"sign\"");
        assertThat(outcome(post(r + "/sign"), m1)).isEqualTo("error:benefits.welfare.error.notDelivered");

        // The station's chair hands out the station's packages; the branch's site is not theirs.
        String site = "/benefits/welfare-admin/" + o.round() + "/sites/" + station.id();
        assertThat(page("/benefits/welfare-admin", stationChair)).contains("id=\"round-" + o.round() + "\"", "由本站点发放");
        String roundPage = page("/benefits/welfare-admin/" + o.round(), stationChair);
        assertThat(roundPage).contains("id=\"own-sites-only\"", "id=\"site-" + station.id() + "\"")
                .doesNotContain("id=\"site-" + company.id() + "\"");
        assertThat(status(get("/benefits/welfare-admin/" + o.round() + "/sites/" + company.id()), stationChair))
                .isEqualTo(404);
        assertThat(status(get(site), otherChair)).isEqualTo(404);
        String sitePage = page(site, stationChair);
        assertThat(sitePage).contains("领取名单", "粮油礼包", "图书卡", "id=\"delivery-form\"")
                .doesNotContain(String.valueOf(m3.employeeId()) + "\"");
        assertThat(outcome(post(site + "/delivery").param("note", "x".repeat(501)), stationChair))
                .isEqualTo("error:benefits.welfare.error.note");
        assertThat(count("SELECT count(*) FROM welfare_delivery WHERE round_id = ?", o.round())).isZero();
        assertThat(status(post(site + "/delivery"), otherChair)).isEqualTo(404);
        assertThat(outcome(post(site + "/delivery").param("note", "蜀粮商贸、新华文轩已送到"), stationChair))
                .isEqualTo("flash:benefits.welfare.flash.deliveryConfirmed");

        assertThat(page(r, m1)).contains("id=\"sign\"", "确认领取");
        assertThat(outcome(post(r + "/sign"), m1)).isEqualTo("flash:benefits.welfare.flash.signed");
        assertThat(page(r, m1)).contains("本人签收").doesNotContain("id=\"sign\"");

        long e2 = count("SELECT id FROM welfare_entitlement WHERE round_id = ? AND employee_id = ?", o.round(),
                m2.employeeId());
        long e3 = count("SELECT id FROM welfare_entitlement WHERE round_id = ? AND employee_id = ?", o.round(),
                m3.employeeId());
        String line = site + "/entitlements/" + e2;
        assertThat(status(post(site + "/entitlements/" + e3 + "/collected"), stationChair)).isEqualTo(404);
        assertThat(status(post(line + "/collected"), otherChair)).isEqualTo(404);
        assertThat(outcome(post(line + "/exception").param("exception", "OTHER").param("note", ""), stationChair))
                .isEqualTo("error:benefits.welfare.error.note");
        assertThat(outcome(post(line + "/exception").param("exception", "LEAVE").param("note", "年休假至下周"),
                stationChair)).isEqualTo("flash:benefits.welfare.flash.exceptionRecorded");
        assertThat(page(site, stationChair)).contains("休假：年休假至下周");
        assertThat(outcome(post(line + "/close").param("outcome", "RETURNED"), stationChair))
                .isEqualTo("flash:benefits.welfare.flash.exceptionClosed");
        assertThat(page(r, m2)).contains("id=\"returned\"").doesNotContain("id=\"sign\"");
        assertThat(outcome(post(r + "/sign"), m2)).isEqualTo("error:benefits.welfare.error.returned");
        assertThat(outcome(post(line + "/collected"), stationChair)).isEqualTo("error:benefits.welfare.error.returned");

        Welfare.Totals t = welfare.totals(owner, o.round());
        assertThat(t.members()).isEqualTo(3);
        assertThat(t.picked()).isEqualTo(2);
        assertThat(t.byDefault()).isEqualTo(1);
        assertThat(t.collected()).isEqualTo(1);
        assertThat(t.returned()).isEqualTo(1);
        assertThat(t.spend()).isEqualByComparingTo("536.00");
        String totals = page("/benefits/welfare-admin/" + o.round(), owner);
        assertThat(totals).contains("id=\"t-spend\">¥536.00<", "/ ¥900.00", "id=\"t-collected\">1<",
                "id=\"t-returned\">1<", "id=\"t-defaults\">1<", "id=\"t-picked\">2<");
    }

    @Test
    void theExcelTotalsAreTheFiguresOfThePage() throws Exception {
        Opened o = opened();
        welfare.pick(m1, o.round(), o.fruit());
        welfare.pick(m2, o.round(), o.books());
        welfare.closeDue(welfare.find(o.round()).orElseThrow().closesAt().plusMinutes(1));
        welfare.confirmDelivery(stationChair, o.round(), station.id(), "");
        welfare.sign(m1, o.round());

        MockHttpServletResponse response = perform(get("/benefits/welfare-admin/" + o.round() + "/totals.xlsx")
                .with(as(owner)));
        assertThat(response.getStatus()).isEqualTo(200);
        Welfare.Totals t = welfare.totals(owner, o.round());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            List<List<String>> summary = rows(book.getSheetAt(0));
            assertThat(summary).contains(List.of("人数", "3"), List.of("自选", "2"), List.of("默认", "1"),
                    List.of("已领取", "1"), List.of("异常未结", "0"), List.of("已退回", "0"), List.of("预算", "900.00"),
                    List.of("支出", t.spend().setScale(2).toPlainString()));
            assertThat(t.spend()).isEqualByComparingTo("666.50");
            List<List<String>> sites = rows(book.getSheetAt(1));
            assertThat(sites.getFirst()).startsWith("站点", "人数", "自选", "已领取");
            assertThat(sites.subList(1, sites.size())).hasSize(t.sites().size());
            for (Welfare.Site s : t.sites()) {
                assertThat(sites).anySatisfy(row -> assertThat(row.subList(0, 6)).containsExactly(s.name(),
                        Integer.toString(s.members()), Integer.toString(s.picked()), Integer.toString(s.collected()),
                        Integer.toString(s.openExceptions()), s.spend().setScale(2).toPlainString()));
            }
            List<List<String>> suppliers = rows(book.getSheetAt(2));
            assertThat(suppliers.subList(1, suppliers.size())).hasSize(t.suppliers().size());
            for (Welfare.Count c : t.suppliers()) {
                assertThat(suppliers).contains(List.of(c.supplier(), c.packageName(), c.price().setScale(2).toPlainString(),
                        Integer.toString(c.count()), c.amount().setScale(2).toPlainString()));
            }
        }
        String page = page("/benefits/welfare-admin/" + o.round(), owner);
        assertThat(page).contains("id=\"t-spend\">¥666.50<", "id=\"t-members\">3<");

        // The site's pick list as Excel: one row per member of the station, by employee number.
        MockHttpServletResponse pickList = perform(get("/benefits/welfare-admin/" + o.round() + "/sites/" + station.id()
                + "/picklist.xlsx").with(as(stationChair)));
        assertThat(pickList.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(pickList.getContentAsByteArray()))) {
            List<List<String>> rows = rows(book.getSheetAt(0));
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1).get(2) + rows.get(2).get(2)).contains("水果礼盒", "图书卡");
            assertThat(rows.stream().map(row -> row.size() > 5 ? row.get(5) : "").toList()).contains("本人签收");
        }
        assertThat(status(get("/benefits/welfare-admin/" + o.round() + "/totals.xlsx"), otherChair)).isEqualTo(404);
        assertThat(status(get("/benefits/welfare-admin/" + o.round() + "/sites/" + station.id() + "/picklist.xlsx"),
                otherChair)).isEqualTo(404);
    }

    /** A sheet's cells as text; numbers with two decimals unless whole counts. */
    private static List<List<String>> rows(Sheet sheet) {
        List<List<String>> out = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getLastCellNum(); i++) {
                Cell cell = row.getCell(i);
                if (cell == null) {
                    cells.add("");
                } else if (cell.getCellType() == CellType.NUMERIC) {
                    BigDecimal n = BigDecimal.valueOf(cell.getNumericCellValue());
                    cells.add(n.stripTrailingZeros().scale() <= 0 && !isMoney(row, i)
                            ? Long.toString(n.longValue()) : n.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
                } else {
                    cells.add(cell.getStringCellValue());
                }
            }
            out.add(cells);
        }
        return out;
    }

    /** Money columns: the summary's budget and spend rows, the sites' spend, the suppliers' price and amount. */
    private static boolean isMoney(Row row, int column) {
        String sheet = row.getSheet().getSheetName();
        if (sheet.equals("批次汇总")) {
            String label = row.getCell(0).getStringCellValue();
            return label.equals("预算") || label.equals("支出") || label.startsWith("人均预算");
        }
        if (sheet.equals("按站点")) {
            return column == 5;
        }
        return sheet.equals("按供应商") && (column == 2 || column == 4);
    }
}
