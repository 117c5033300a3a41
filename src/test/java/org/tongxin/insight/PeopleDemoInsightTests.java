package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.insight.PeopleSections.series;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.insight.internal.InsightSection;
import org.tongxin.insight.internal.Rebuild;
import org.tongxin.insight.internal.Scope;
import org.tongxin.insight.internal.Section;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/** The demo gives the charts of applications, care and aid a year of history at the top of the tree. */
class PeopleDemoInsightTests extends IntegrationTestSupport {

    @Autowired
    Rebuild rebuild;
    @Autowired
    OrgDirectory org;
    @Autowired
    List<InsightSection> sections;

    /** How many of the values are above zero (withheld ones are not). */
    static long busy(List<String> values) {
        return values.stream().filter(v -> !v.equals("null") && !v.equals("0")).count();
    }

    @Test
    void theDemoHasAYearOfApplicationsCareCasesAndAid() {
        long rootId = jdbc.sql("SELECT id FROM org_unit WHERE kind = 'COMPANY_UNION' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        OrgUnit root = org.unit(rootId).orElseThrow();
        List<OrgUnit> children = jdbc.sql("SELECT id FROM org_unit WHERE parent_id = ? ORDER BY id").param(rootId)
                .query(Long.class).list().stream().map(id -> org.unit(id).orElseThrow()).toList();
        rebuild.run();
        YearMonth now = YearMonth.now();
        Scope year = new Scope(Fixtures.committee(fixtures.adminAccountId()), root, children, now.minusMonths(11), now);

        Section applications = PeopleSections.named(sections, "applications").build(year);
        assertThat(busy(series(applications, "applications-trend", 0))).as("months with applications")
                .isGreaterThanOrEqualTo(10);
        assertThat(busy(series(applications, "applications-outcomes", 0).subList(0, 2))).as("approved, rejected")
                .isEqualTo(2);

        Section care = PeopleSections.named(sections, "care").build(year);
        assertThat(busy(series(care, "care-trend", 1))).as("months with cases opened").isGreaterThanOrEqualTo(10);
        assertThat(busy(series(care, "care-trend", 2))).as("months with cases closed").isGreaterThanOrEqualTo(7);
        assertThat(PeopleSections.kpi(care, "overdue").value()).isPositive();
        // The restructuring is in the first two unions: their bars show, some others stay below five people.
        assertThat(series(care, "care-children", 1)).contains("null").filteredOn(v -> !v.equals("null"))
                .hasSizeGreaterThanOrEqualTo(2);

        Section aid = PeopleSections.named(sections, "aid").build(year);
        assertThat(busy(series(aid, "aid-trend", 0))).as("months with aid applied for").isGreaterThanOrEqualTo(10);
        assertThat(busy(series(aid, "aid-trend", 2))).as("months with aid paid").isGreaterThanOrEqualTo(8);
        assertThat(PeopleSections.kpi(aid, "paidYuan").value()).isPositive();
    }
}
