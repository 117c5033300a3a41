package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.insight.PeopleSections.figures;
import static org.tongxin.insight.PeopleSections.last;
import static org.tongxin.insight.PeopleSections.series;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.tongxin.care.CareSetup;
import org.tongxin.care.internal.AidService;
import org.tongxin.insight.internal.Facts;
import org.tongxin.insight.internal.InsightSection;
import org.tongxin.insight.internal.PeopleKinds;
import org.tongxin.insight.internal.Rebuild;
import org.tongxin.insight.internal.Scope;
import org.tongxin.insight.internal.Section;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Hardship aid as insight counts it: kept from the events equal to rebuilt from care's history, and the section's
 * figures equal a hand count, each of applications, approvals and payments withheld below five people.
 */
class AidInsightTests extends IntegrationTestSupport {

    @Autowired
    Facts facts;
    @Autowired
    Rebuild rebuild;
    @Autowired
    AidService aid;
    @Autowired
    CareSetup setup;
    @Autowired
    List<InsightSection> sections;
    @Autowired
    MessageSource messages;

    static final List<String> KINDS = List.of(PeopleKinds.AID, PeopleKinds.AID_APPROVED, PeopleKinds.AID_PAID);

    List<String> rowsOf(long... units) {
        return facts.rollUp().stream().filter(r -> KINDS.contains(r.split("\\|")[0])).filter(r -> {
            long unit = Long.parseLong(r.split("\\|")[2]);
            for (long u : units) {
                if (u == unit) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    /** How many facts insight holds of each kind for the applications. */
    String held(List<Long> applications) {
        return jdbc.sql("""
                        SELECT string_agg(kind || '=' || n, ' ' ORDER BY kind) FROM (
                          SELECT kind, count(*) AS n FROM insight_fact WHERE kind = ANY(?) AND source_id = ANY(?)
                          GROUP BY kind) k""")
                .params(KINDS.toArray(String[]::new), applications.stream().map(String::valueOf).toArray(String[]::new))
                .query(String.class).single();
    }

    List<Long> employeesIn(String department, int count) {
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Fixtures.row(department));
        }
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "insight-aid.csv", rows);
        return rows.stream().map(r -> fixtures.employeeId(r.employeeNo())).toList();
    }

    OrgUnit branch(long parent, String name, String department) {
        OrgUnit unit = orgSetup.createUnit(parent, name + System.nanoTime() % 100000, UnitKind.BRANCH);
        orgSetup.createDepartment(department, name + "班组", unit.id());
        return unit;
    }

    long apply(long employee, String category, String amount) {
        return aid.applyForSelf(Fixtures.employee(fixtures.accountId(employee), employee),
                new AidService.AidForm(category, amount, "家庭困难，申请帮扶。"), List.of());
    }

    @Test
    void aidAppliedDecidedAndPaidIsCountedTheSameLiveAndRebuiltAndEachFigureNeedsFivePeople() {
        Fixtures.UnitWithDepartment union = fixtures.grassroots("帮扶看板工会");
        long seed = System.nanoTime() % 1_000_000;
        OrgUnit many = branch(union.unit().id(), "帮扶看板甲站", "AIA" + seed);
        OrgUnit few = branch(union.unit().id(), "帮扶看板乙站", "AIB" + seed);
        List<Long> a = employeesIn("AIA" + seed, 11);
        long b = employeesIn("AIB" + seed, 1).getFirst();
        Viewer committee = Fixtures.committee(fixtures.adminAccountId());
        LocalDate today = LocalDate.now();

        String[] kinds = {"ILLNESS", "ILLNESS", "OTHER", "FAMILY", "EDUCATION", "DISASTER"};
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(apply(a.get(i), kinds[i], "3000"));
        }
        ids.add(apply(b, "ILLNESS", "1000"));
        aid.review(committee, ids.get(0), "APPROVE", "2500", "同意");
        aid.pay(committee, ids.get(0), today, "2500", "TRANSFER");
        aid.review(committee, ids.get(1), "APPROVE", "2000", "同意");
        aid.pay(committee, ids.get(1), today, "2000", "CASH");
        aid.review(committee, ids.get(2), "DECLINE", null, "不属于帮扶范围");
        aid.review(committee, ids.get(3), "APPROVE", "3000", "同意");
        aid.review(committee, ids.get(4), "APPROVE", "1000", "同意");
        aid.pay(committee, ids.get(4), today, "1000", "CASH");
        aid.review(committee, ids.get(6), "APPROVE", "500", "同意");
        aid.pay(committee, ids.get(6), today, "500", "CASH");

        Awaitility.await("the applications reach insight").atMost(Duration.ofSeconds(60))
                .until(() -> "AID=7 AID_APPROVED=5 AID_PAID=4".equals(held(ids)));
        long[] units = {union.unit().id(), many.id(), few.id()};
        List<String> live = rowsOf(units);
        rebuild.run();
        assertThat(rowsOf(units)).isEqualTo(live);

        // Last month five others at the first branch were helped with 1,000 yuan each: history the rebuild reads.
        YearMonth month = YearMonth.now();
        YearMonth previous = month.minusMonths(1);
        for (int i = 6; i < 11; i++) {
            setup.aid(a.get(i), many.id(), previous.atDay(2), "ILLNESS", new BigDecimal("1200"), "住院治疗。",
                    fixtures.adminAccountId(),
                    List.of(CareSetup.AidDecision.approval(fixtures.adminAccountId(), "委员", true, "1000", "同意")),
                    previous.atDay(8), "CASH");
        }
        rebuild.run();

        InsightSection aidSection = PeopleSections.named(sections, "aid");
        Scope scope = new Scope(committee, union.unit(), List.of(many, few), month, month);
        assertThat(aidSection.shownTo(scope)).isTrue();
        assertThat(aidSection.shownTo(new Scope(Fixtures.officerWithoutCare(fixtures.adminAccountId(),
                union.unit().id()), union.unit(), List.of(), month, month))).isFalse();
        Section section = aidSection.build(scope);
        assertThat(figures(section, "applications")).isEqualTo("7/5");
        assertThat(figures(section, "inReview")).isEqualTo("1/0");
        assertThat(figures(section, "approved")).isEqualTo("5/5");
        assertThat(figures(section, "approvedYuan")).isEqualTo("9000/5000");
        // Four people were paid this month: withheld; last month's five are shown.
        assertThat(figures(section, "paidYuan")).isEqualTo("null/5000");
        assertThat(last(section, "aid-trend", 0)).isEqualTo("7");
        assertThat(last(section, "aid-trend", 1)).isEqualTo("9000");
        assertThat(last(section, "aid-trend", 2)).isEqualTo("null");
        // ILLNESS, DISASTER, FAMILY, EDUCATION, OTHER
        assertThat(series(section, "aid-categories", 0)).containsExactly("3", "1", "1", "1", "1");
        assertThat(series(section, "aid-categories", 1)).containsOnly("null");
        assertThat(series(section, "aid-children", 0)).containsExactly("6", "null");
        assertThat(series(section, "aid-children", 1)).containsExactly("null", "null");
        PeopleSections.labelsExist(section, messages);

        Section lastMonth = aidSection.build(new Scope(committee, union.unit(), List.of(many, few), previous,
                previous));
        assertThat(PeopleSections.kpi(lastMonth, "paidYuan").value()).isEqualByComparingTo("5000");
        assertThat(series(lastMonth, "aid-children", 1)).containsExactly("5000", "null");
    }
}
