package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.tongxin.membership.internal.MembershipService;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.PageTestSupport;

/** The dashboard pages: what they show for a node, who may open which node, the Excel export and the big screen. */
class InsightPagesTests extends PageTestSupport {

    @Autowired
    MembershipService membership;

    OrgUnit station;
    OrgUnit branch;
    Viewer committee;
    Viewer officer;

    @BeforeEach
    void aStationWithABranchAndTwoMembersOfThree() {
        Fixtures.UnitWithDepartment s = fixtures.grassroots("看板页面收费站" + System.nanoTime());
        station = s.unit();
        branch = orgSetup.createUnit(station.id(), "看板页面班组" + System.nanoTime(), UnitKind.BRANCH);
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(s.departmentCode()), Fixtures.row(s.departmentCode()),
                Fixtures.row(s.departmentCode()));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "insight-pages.csv", rows);
        officer = Fixtures.officer(fixtures.adminAccountId(), station.id());
        committee = Fixtures.committee(fixtures.adminAccountId());
        for (int i = 0; i < 2; i++) {
            long id = fixtures.employeeId(rows.get(i).employeeNo());
            membership.approve(officer, membership.apply(Fixtures.employee(fixtures.accountId(id), id), true));
        }
        Awaitility.await("the members and the headcount reach insight").atMost(Duration.ofSeconds(30)).until(() ->
                "2".equals(Jsoup.parse(page("/insight?unit=" + station.id(), committee))
                        .select("#kpi-members .tx-kpi-value").text())
                        && !Jsoup.parse(page("/insight?unit=" + station.id(), committee))
                        .select("#kpi-coverage .tx-kpi-value").text().equals("–"));
    }

    @Test
    void theDashboardOfANodeShowsItsFiguresItsSubUnitsAndTheSameValuesInChartsAndTables() throws Exception {
        Document doc = Jsoup.parse(page("/insight?unit=" + station.id(), committee));
        assertThat(doc.select("#node-name").text()).isEqualTo(station.name());
        assertThat(doc.select("#kpi-coverage .tx-kpi-value").text()).isEqualTo("66.7%");
        assertThat(doc.select("#kpi-joined .tx-kpi-value").text()).isEqualTo("2");
        assertThat(doc.select("#child-" + branch.id()).text()).isEqualTo(branch.name());
        assertThat(doc.select("#range-compare").text()).contains(YearMonth.now().minusMonths(11).toString(),
                YearMonth.now().toString());

        // the trend's last month: the chart's data and the table carry the same members, employees and coverage
        String json = doc.select("#chart-membership-trend .tx-chart").attr("data-chart");
        assertThat(json).contains("\"type\":\"LINE\"");
        List<String> lastRow = doc.select("#table-membership-trend tbody tr").last().select("td").eachAttr("data-value");
        assertThat(lastRow).containsExactly("2", "3", "66.7");
        assertThat(json).contains("2", "3", "66.7");
        assertThat(doc.select("#table-membership-children tbody tr th").text()).isEqualTo(branch.name());
    }

    @Test
    void anOfficerSeesTheirOwnSubtreeOnlyAndAnEmployeeNoDashboardAtAll() throws Exception {
        Document own = Jsoup.parse(page("/insight", officer));
        assertThat(own.select("#node-name").text()).isEqualTo(station.name());
        assertThat(page("/insight?unit=" + branch.id(), officer)).contains(branch.name());

        OrgUnit other = fixtures.grassroots("看板他站" + System.nanoTime()).unit();
        assertThat(perform(get("/insight?unit=" + other.id()).with(as(officer))).getStatus()).isEqualTo(404);
        assertThat(perform(get("/insight/export.xlsx?unit=" + other.id()).with(as(officer))).getStatus()).isEqualTo(404);
        assertThat(perform(get("/insight/screen?unit=" + other.id()).with(as(officer))).getStatus()).isEqualTo(404);
        // a unit found by name outside the officer's subtree is not offered
        Document found = Jsoup.parse(page("/insight?q=看板他站", officer));
        assertThat(found.select("#found a").eachText()).noneMatch(t -> t.contains("看板他站"));

        OrgSetup.HrRow row = Fixtures.row(fixtures.grassroots("看板职工站" + System.nanoTime()).departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "insight-employee.csv", List.of(row));
        long employeeId = fixtures.employeeId(row.employeeNo());
        Viewer employee = Fixtures.employee(fixtures.accountId(employeeId), employeeId);
        assertThat(perform(get("/insight").with(as(employee))).getStatus()).isEqualTo(404);
        assertThat(status(post("/insight/rebuild"), officer)).isEqualTo(404);
    }

    @Test
    void aRangeThatMakesNoSenseIsRefusedWithAMessageAndTheLastTwelveMonthsShown() throws Exception {
        for (String query : List.of("from=2026-13&to=2026-01", "from=2026-05&to=2026-02", "from=1999-01&to=1999-02",
                "from=" + YearMonth.now().minusMonths(40) + "&to=" + YearMonth.now(),
                "to=" + YearMonth.now().plusMonths(2), "from=%3Cscript%3E")) {
            Document doc = Jsoup.parse(page("/insight?unit=" + station.id() + "&" + query, committee));
            assertThat(doc.select("#range-refused").text()).as(query).isNotBlank();
            assertThat(doc.select("#from").val()).isEqualTo(YearMonth.now().minusMonths(11).toString());
        }
        Document quarter = Jsoup.parse(page("/insight?unit=" + station.id() + "&from=" + YearMonth.now().minusMonths(2)
                + "&to=" + YearMonth.now(), committee));
        assertThat(quarter.select("#range-refused")).isEmpty();
        assertThat(quarter.select("#table-membership-trend tbody tr")).hasSize(3);
        assertThat(quarter.select("#range-compare").text()).contains(YearMonth.now().minusMonths(5).toString());
    }

    @Test
    void theExcelExportHoldsExactlyTheFiguresShownAndIsAudited() throws Exception {
        String query = "?unit=" + station.id() + "&from=" + YearMonth.now().minusMonths(5) + "&to=" + YearMonth.now();
        Document doc = Jsoup.parse(page("/insight" + query, committee));
        MockHttpServletResponse response = perform(get("/insight/export.xlsx" + query).with(as(committee)));
        assertThat(response.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            String title = doc.select("#section-membership h2").text();
            Sheet sheet = book.getSheet(title);
            assertThat(sheet).as("a sheet for " + title).isNotNull();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    cells.add(cell.getCellType() == CellType.NUMERIC
                            ? new java.math.BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString()
                            : cell.getStringCellValue());
                }
                rows.add(cells);
            }
            String coverage = doc.select("#kpi-coverage .tx-kpi-label").text();
            assertThat(rows).anyMatch(r -> r.size() >= 2 && r.get(0).equals(coverage) && r.get(1).equals("66.7"));
            // each row of the trend's table is a row of the sheet with the same values
            for (var tr : doc.select("#table-membership-trend tbody tr")) {
                List<String> expected = new ArrayList<>();
                expected.add(tr.select("th").text());
                // a month without a base shows a dash on the page and in the sheet
                tr.select("td").forEach(td -> expected.add(td.attr("data-value").isEmpty() ? td.text()
                        : new java.math.BigDecimal(td.attr("data-value")).stripTrailingZeros().toPlainString()));
                assertThat(rows).contains(expected);
            }
        }
        Integer audited = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'insight.export' AND target_id = ?")
                .param(Long.toString(station.id())).query(Integer.class).single();
        assertThat(audited).isPositive();
    }

    @Test
    void theBigScreenRefreshesItselfAndShowsTheHeadlineFigures() throws Exception {
        Document doc = Jsoup.parse(page("/insight/screen?unit=" + station.id(), committee));
        assertThat(doc.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("60");
        assertThat(doc.select("#screen-kpi-coverage .tx-screen-kpi-value").text()).isEqualTo("66.7%");
        assertThat(doc.select("#screen-membership-trend .tx-chart").attr("data-chart")).contains("LINE");
    }
}
