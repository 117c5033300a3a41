package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.support.Browser.assertFitsThePhone;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.insight.internal.Figures;
import org.tongxin.insight.internal.Kinds;
import org.tongxin.membership.internal.MembershipService;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;

/**
 * On a phone: a committee member opens the dashboard, finds a toll station by name, sees its charts drawn with the
 * figures of their tables, moves down to a shift group, exports Excel (the same figures), and puts the big screen up.
 */
class InsightJourneyTests extends JourneyTestSupport {

    @Autowired
    MembershipService membership;
    @Autowired
    Figures figures;

    @Test
    void theCommitteeReadsAStationsDashboardOnAPhoneAndExportsWhatItShows() throws Exception {
        Fixtures.UnitWithDepartment station = fixtures.grassroots("看板旅程收费站" + System.nanoTime() % 100_000);
        String name = station.unit().name();
        OrgUnit group = orgSetup.createUnit(station.unit().id(), name + "一班", UnitKind.BRANCH);
        String groupDept = "KBJ" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(groupDept, "收费一班", group.id());
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(station.departmentCode()), Fixtures.row(station.departmentCode()),
                Fixtures.row(groupDept), Fixtures.row(groupDept), Fixtures.row(groupDept));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "insight-journey.csv", rows);
        Viewer chair = Fixtures.officer(fixtures.adminAccountId(), station.unit().id());
        for (int i = 0; i < 4; i++) {
            long id = fixtures.employeeId(rows.get(i).employeeNo());
            membership.approve(chair, membership.apply(Fixtures.employee(fixtures.accountId(id), id), true));
        }
        OrgSetup.HrRow committee = Fixtures.row(station.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "insight-committee.csv", List.of(committee));
        fixtures.committeeMember(fixtures.withPassword(committee, "Kanban2026x"));
        YearMonth now = YearMonth.now();
        Awaitility.await("members and headcounts reach insight").atMost(Duration.ofSeconds(30)).until(() -> {
            var r = figures.rollup(List.of(Kinds.MEMBER, Kinds.HEADCOUNT), List.of(station.unit().id()), now);
            return r.level(Kinds.MEMBER, null, station.unit().id(), now) == 4
                    && r.valueLevel(Kinds.HEADCOUNT, station.unit().id(), now).intValue() == 6;
        });

        WebDriver browser = Browser.phone();
        logIn(browser, committee.employeeNo(), "Kanban2026x");
        Browser.tap(browser, browser.findElement(By.id("insight-link")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("数据看板");
        assertFitsThePhone(browser);

        browser.findElement(By.cssSelector("#find-unit input[name=q]")).sendKeys(name);
        Browser.send(browser, By.cssSelector("#find-unit button"));
        Browser.tap(browser, browser.findElement(By.linkText(name)));
        assertThat(browser.findElement(By.id("node-name")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.cssSelector("#kpi-members .tx-kpi-value")).getText()).isEqualTo("4");
        assertThat(browser.findElement(By.cssSelector("#kpi-coverage .tx-kpi-value")).getText()).isEqualTo("66.7%");
        chartsAreDrawnWithTheirTablesFigures(browser, "membership-trend");
        chartsAreDrawnWithTheirTablesFigures(browser, "membership-children");
        Browser.screenshot(browser, "insight-01-station");
        assertFitsThePhone(browser);

        Browser.tap(browser, browser.findElement(By.id("child-" + group.id())));
        assertThat(browser.findElement(By.id("node-name")).getText()).isEqualTo(group.name());
        assertThat(browser.findElement(By.cssSelector("#kpi-members .tx-kpi-value")).getText()).isEqualTo("2");
        chartsAreDrawnWithTheirTablesFigures(browser, "membership-trend");
        Browser.screenshot(browser, "insight-02-group");
        assertFitsThePhone(browser);

        List<List<String>> sheet = exported(browser, browser.findElement(By.id("export")).getAttribute("href"));
        for (List<String> tableRow : tableOf(browser, "membership-trend")) {
            assertThat(sheet).contains(tableRow);
        }

        browser.manage().window().setSize(new Dimension(1280, 720));
        browser.get(url("/insight/screen?unit=" + station.unit().id()));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                !d.findElements(By.cssSelector("#screen-membership-trend canvas")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#screen-kpi-coverage .tx-screen-kpi-value")).getText())
                .isEqualTo("66.7%");
        Browser.screenshot(browser, "insight-03-screen");
        browser.manage().window().setSize(new Dimension(Browser.PHONE_WIDTH, 812));
    }

    /** The chart's canvas is there and the values it was given are the table's, row by row. */
    @SuppressWarnings("unchecked")
    private static void chartsAreDrawnWithTheirTablesFigures(WebDriver browser, String chart) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                !d.findElements(By.cssSelector("#chart-" + chart + " canvas")).isEmpty());
        List<Map<String, Object>> series = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(
                "return window.txCharts['chart-" + chart + "'].getOption().series"
                        + ".map(s => ({name: s.name, data: s.data.map(v => v == null ? null : String(v))}));");
        List<List<String>> table = tableOf(browser, chart);
        assertThat(series).isNotEmpty();
        for (int col = 0; col < series.size(); col++) {
            List<Object> data = (List<Object>) series.get(col).get("data");
            assertThat(data).hasSize(table.size());
            for (int row = 0; row < table.size(); row++) {
                Object v = data.get(row);
                String expected = table.get(row).get(col + 1);
                assertThat(v == null ? "–" : new BigDecimal((String) v).stripTrailingZeros().toPlainString())
                        .as("%s row %d series %d", chart, row, col).isEqualTo(expected);
            }
        }
    }

    /** The rows of a chart's table: the category, then each value as a plain number (a dash where none). */
    private static List<List<String>> tableOf(WebDriver browser, String chart) {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement tr : browser.findElements(By.cssSelector("#table-" + chart + " tbody tr"))) {
            List<String> row = new ArrayList<>();
            row.add(tr.findElement(By.tagName("th")).getAttribute("textContent").strip());
            for (WebElement td : tr.findElements(By.tagName("td"))) {
                String v = td.getAttribute("data-value");
                row.add(v == null || v.isEmpty() ? td.getAttribute("textContent").strip()
                        : new BigDecimal(v).stripTrailingZeros().toPlainString());
            }
            rows.add(row);
        }
        return rows;
    }

    /** The export as the signed-in browser downloads it, every row of every sheet as text. */
    private static List<List<String>> exported(WebDriver browser, String href) throws Exception {
        Object base64 = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
                  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));
                });""", href);
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode((String) base64)))) {
            book.forEach(sheet -> {
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        cells.add(cell.getCellType() == CellType.NUMERIC
                                ? new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros()
                                .toPlainString() : cell.getStringCellValue());
                    }
                    rows.add(cells);
                }
            });
        }
        return rows;
    }
}
