package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.insight.internal.Facts;
import org.tongxin.insight.internal.Figures;
import org.tongxin.insight.internal.Kinds;
import org.tongxin.insight.internal.Rebuild;
import org.tongxin.insight.internal.Rollup;
import org.tongxin.membership.internal.MembershipService;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.org.internal.TreeChanges;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/** The figures kept from events equal the figures rebuilt from the modules' histories. */
class InsightRebuildTests extends IntegrationTestSupport {

    @Autowired
    Facts facts;
    @Autowired
    Rebuild rebuild;
    @Autowired
    MembershipService membership;
    @Autowired
    Figures figures;
    @Autowired
    TreeChanges treeChanges;

    List<String> rowsOf(long... units) {
        return facts.rollUp().stream().filter(r -> {
            long unit = Long.parseLong(r.split("\\|")[2]);
            for (long u : units) {
                if (u == unit) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    @Test
    void membersJoiningMovingAndLeavingAreCountedTheSameLiveAndRebuilt() {
        Fixtures.UnitWithDepartment station = fixtures.grassroots("看板测试收费站");
        OrgUnit branch = orgSetup.createUnit(station.unit().id(), "看板测试分会" + System.nanoTime(), UnitKind.BRANCH);
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(station.departmentCode()), Fixtures.row(station.departmentCode()),
                Fixtures.row(station.departmentCode()));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "insight.csv", rows);
        Viewer officer = Fixtures.officer(fixtures.adminAccountId(), station.unit().id());
        long[] ids = rows.stream().mapToLong(r -> fixtures.employeeId(r.employeeNo())).toArray();
        for (long id : ids) {
            long application = membership.apply(Fixtures.employee(fixtures.accountId(id), id), true);
            membership.approve(officer, application);
        }
        membership.transferByOfficer(officer, ids[1], branch.id());
        membership.endMembership(officer, ids[2], "RETIRED");

        Awaitility.await("the events reach insight").atMost(Duration.ofSeconds(30)).until(() ->
                rowsOf(station.unit().id(), branch.id()).stream().anyMatch(r -> r.startsWith("RETIREE|"))
                        && rowsOf(branch.id()).stream().anyMatch(r -> r.startsWith("MEMBER||")));
        Awaitility.await("the headcount reaches insight").atMost(Duration.ofSeconds(30)).until(() ->
                rowsOf(station.unit().id()).stream().anyMatch(r -> r.startsWith("HEADCOUNT|")));
        List<String> live = rowsOf(station.unit().id(), branch.id());

        YearMonth month = YearMonth.now();
        long stationId = station.unit().id();
        Rollup rollup = figures.rollup(List.of(Kinds.MEMBER, Kinds.HEADCOUNT), List.of(stationId, branch.id()), month);
        assertThat(rollup.valueLevel(Kinds.HEADCOUNT, stationId, month)).isEqualByComparingTo("3");
        // the branch counts in the station's subtree; the retired member is counted apart
        assertThat(rollup.level(Kinds.MEMBER, null, stationId, month)).isEqualTo(2);
        assertThat(rollup.level(Kinds.MEMBER, null, branch.id(), month)).isEqualTo(1);

        rebuild.run();
        assertThat(rowsOf(station.unit().id(), branch.id())).isEqualTo(live);
    }

    @Test
    void aUnitMovedToAnotherParentTakesItsMembersFiguresWithIt() {
        OrgUnit from = orgSetup.createUnit(null, "看板迁出公司" + System.nanoTime() % 100000, UnitKind.COMPANY_UNION);
        OrgUnit to = orgSetup.createUnit(null, "看板迁入公司" + System.nanoTime() % 100000, UnitKind.COMPANY_UNION);
        OrgUnit station = orgSetup.createUnit(from.id(), "看板迁移收费站", UnitKind.GRASSROOTS_UNION);
        String code = "MOV" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(code, "看板迁移部门", station.id());
        OrgSetup.HrRow row = Fixtures.row(code);
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "insight-move.csv", List.of(row));
        long id = fixtures.employeeId(row.employeeNo());
        membership.approve(Fixtures.officer(fixtures.adminAccountId(), station.id()),
                membership.apply(Fixtures.employee(fixtures.accountId(id), id), true));
        YearMonth now = YearMonth.now();
        Awaitility.await("the member counts under the old parent").atMost(Duration.ofSeconds(30)).until(() ->
                figures.rollup(List.of(Kinds.MEMBER), List.of(from.id()), now).level(Kinds.MEMBER, null, from.id(), now) == 1);

        treeChanges.move(Fixtures.committee(fixtures.adminAccountId()), station.id(), to.id());

        Awaitility.await("the member counts under the new parent").atMost(Duration.ofSeconds(60)).until(() -> {
            Rollup r = figures.rollup(List.of(Kinds.MEMBER, Kinds.HEADCOUNT), List.of(from.id(), to.id()), now);
            return r.level(Kinds.MEMBER, null, to.id(), now) == 1 && r.level(Kinds.MEMBER, null, from.id(), now) == 0
                    && r.valueLevel(Kinds.HEADCOUNT, to.id(), now).intValue() == 1
                    && r.valueLevel(Kinds.HEADCOUNT, from.id(), now).signum() == 0;
        });
    }
}
