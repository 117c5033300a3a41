package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.insight.PeopleSections.figures;
import static org.tongxin.insight.PeopleSections.last;
import static org.tongxin.insight.PeopleSections.series;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.tongxin.insight.internal.Facts;
import org.tongxin.insight.internal.InsightSection;
import org.tongxin.insight.internal.PeopleKinds;
import org.tongxin.insight.internal.Rebuild;
import org.tongxin.insight.internal.Scope;
import org.tongxin.insight.internal.Section;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.membership.internal.MembershipService;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Applications to join as insight counts them: kept from the events equal to rebuilt from membership's history, and
 * the section's figures equal a hand count of a small story at a station with one branch.
 */
class ApplicationsInsightTests extends IntegrationTestSupport {

    @Autowired
    Facts facts;
    @Autowired
    Rebuild rebuild;
    @Autowired
    MembershipService membership;
    @Autowired
    MembershipSetup setup;
    @Autowired
    List<InsightSection> sections;
    @Autowired
    MessageSource messages;

    List<String> rowsOf(long... units) {
        return facts.rollUp().stream().filter(r -> r.startsWith(PeopleKinds.APPLICATION + "|")).filter(r -> {
            long unit = Long.parseLong(r.split("\\|")[2]);
            for (long u : units) {
                if (u == unit) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    /** Each application's status and unit as insight holds it, in the order of the ids. */
    String held(long... applications) {
        StringBuilder out = new StringBuilder();
        for (long id : applications) {
            out.append(jdbc.sql("SELECT category || '@' || unit_id FROM insight_fact WHERE kind = ? AND source_id = ?")
                    .params(PeopleKinds.APPLICATION, Long.toString(id)).query(String.class).optional().orElse("-"))
                    .append(' ');
        }
        return out.toString().trim();
    }

    @Test
    void applicationsSubmittedDecidedMovedAndWithdrawnAreCountedTheSameLiveAndRebuilt() {
        Fixtures.UnitWithDepartment station = fixtures.grassroots("申请看板收费站");
        OrgUnit branch = orgSetup.createUnit(station.unit().id(), "申请看板分会" + System.nanoTime() % 100000,
                UnitKind.BRANCH);
        String branchDepartment = "APB" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(branchDepartment, "申请看板班组", branch.id());
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(station.departmentCode()),
                Fixtures.row(station.departmentCode()), Fixtures.row(station.departmentCode()),
                Fixtures.row(branchDepartment), Fixtures.row(station.departmentCode()),
                Fixtures.row(station.departmentCode()), Fixtures.row(station.departmentCode()));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "insight-applications.csv", rows);
        long[] people = rows.stream().mapToLong(r -> fixtures.employeeId(r.employeeNo())).toArray();
        Viewer officer = Fixtures.officer(fixtures.adminAccountId(), station.unit().id());
        long stationId = station.unit().id();

        long[] applications = new long[5];
        for (int i = 0; i < 5; i++) {
            applications[i] = membership.apply(Fixtures.employee(fixtures.accountId(people[i]), people[i]), true);
        }
        membership.approve(officer, applications[0]);
        membership.reject(officer, applications[1], "材料不全");
        membership.followMove(people[2], stationId, branch.id());
        membership.flagLeft(people[4]);

        Awaitility.await("the applications reach insight").atMost(Duration.ofSeconds(60)).until(() ->
                held(applications).equals("APPROVED@%d REJECTED@%d PENDING@%d PENDING@%d WITHDRAWN@%d"
                        .formatted(stationId, stationId, branch.id(), branch.id(), stationId)));
        List<String> live = rowsOf(stationId, branch.id());
        assertThat(live).isNotEmpty();
        rebuild.run();
        assertThat(rowsOf(stationId, branch.id())).isEqualTo(live);

        // Last month's rejection and an application waiting since long before: history the rebuild reads.
        YearMonth month = YearMonth.now();
        YearMonth previous = month.minusMonths(1);
        setup.rejectedApplication(people[5], stationId, previous.atDay(2), previous.atDay(5), "不符合条件");
        setup.pendingApplication(people[6], stationId, LocalDate.now().minusDays(70));
        rebuild.run();

        InsightSection applicationsSection = PeopleSections.named(sections, "applications");
        Scope scope = new Scope(officer, station.unit(), List.of(branch), month, month);
        assertThat(applicationsSection.shownTo(scope)).isTrue();
        Section section = applicationsSection.build(scope);
        assertThat(section.key()).isEqualTo("applications");
        // Two in the branch (one moved there) and the old one: last month only the old one waited.
        assertThat(figures(section, "pending")).isEqualTo("3/1");
        assertThat(figures(section, "overdue")).isEqualTo("1/null");
        assertThat(figures(section, "submitted")).isEqualTo("5/1");
        assertThat(figures(section, "approved")).isEqualTo("1/0");
        assertThat(figures(section, "rejected")).isEqualTo("1/1");
        assertThat(figures(section, "decisionDays")).isEqualTo("0/3");
        assertThat(series(section, "applications-funnel", 0)).containsExactly("5", "2", "1");
        assertThat(series(section, "applications-outcomes", 0)).containsExactly("1", "1", "1");
        assertThat(last(section, "applications-trend", 0)).isEqualTo("5");
        assertThat(last(section, "applications-trend", 1)).isEqualTo("1");
        assertThat(last(section, "applications-trend", 2)).isEqualTo("3");
        assertThat(series(section, "applications-children", 0)).containsExactly("2");
        assertThat(series(section, "applications-children", 1)).containsExactly("2");
        assertThat(series(section, "applications-children", 2)).containsExactly("0");
        PeopleSections.labelsExist(section, messages);

        Section lastMonth = applicationsSection.build(new Scope(officer, station.unit(), List.of(), previous, previous));
        assertThat(PeopleSections.kpi(lastMonth, "submitted").value()).isEqualByComparingTo("1");
        assertThat(lastMonth.charts()).extracting(Section.Chart::id)
                .containsExactly("applications-funnel", "applications-trend", "applications-outcomes");
    }
}
