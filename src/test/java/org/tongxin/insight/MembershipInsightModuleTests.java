package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.tongxin.insight.internal.Figures;
import org.tongxin.insight.internal.Kinds;
import org.tongxin.insight.internal.Rollup;
import org.tongxin.membership.internal.MembershipService;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.support.Fixtures;

/** Insight with the modules it reads: HR imports and membership reach the coverage figures through their events. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "identity")
@ActiveProfiles("test")
class MembershipInsightModuleTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    MembershipService membership;
    @Autowired
    OrgSetup orgSetup;
    @Autowired
    OrgDirectory org;
    @Autowired
    Figures figures;

    private Rollup rollup(long... units) {
        return figures.rollup(List.of(Kinds.MEMBER, Kinds.HEADCOUNT),
                java.util.Arrays.stream(units).boxed().toList(), YearMonth.now());
    }

    @Test
    void anImportCountsTheEmployeesAndAnApprovedMemberCountsInEverySubtreeAboveIt(Scenario scenario) {
        OrgUnit company = orgSetup.createUnit(null, "看板模块公司" + System.nanoTime() % 100000, UnitKind.COMPANY_UNION);
        OrgUnit station = orgSetup.createUnit(company.id(), "看板模块收费站", UnitKind.GRASSROOTS_UNION);
        String code = "MIM" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(code, "看板模块部门", station.id());
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(code), Fixtures.row(code));
        YearMonth now = YearMonth.now();

        scenario.stimulate(() -> orgSetup.importEmployees(Fixtures.admin(1), "membership-module.csv", rows))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> rollup(company.id()).valueLevel(Kinds.HEADCOUNT, company.id(), now),
                        employees -> employees.intValue() == 2)
                .andVerify(employees -> assertThat(rollup(station.id())
                        .valueLevel(Kinds.HEADCOUNT, station.id(), now)).isEqualByComparingTo("2"));

        long employee = org.employeeIdsByNumber(List.of(rows.getFirst().employeeNo())).get(rows.getFirst().employeeNo());
        long application = membership.apply(Fixtures.employee(2, employee), true);
        scenario.stimulate(() -> membership.approve(Fixtures.officer(1, station.id()), application))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> rollup(company.id()).level(Kinds.MEMBER, null, company.id(), now),
                        members -> members == 1)
                .andVerify(members -> {
                    Rollup r = rollup(company.id(), station.id());
                    assertThat(r.level(Kinds.MEMBER, null, station.id(), now)).isEqualTo(1);
                    assertThat(r.flow(Kinds.MEMBER, null, company.id(), now, now).started()).isEqualTo(1);
                });
    }
}
