package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.tongxin.insight.internal.Figures;
import org.tongxin.insight.internal.RightsKinds;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.rights.internal.Appeal;
import org.tongxin.rights.internal.AppealCategory;
import org.tongxin.rights.internal.Appeals;
import org.tongxin.support.Fixtures;

/**
 * The rights module's snapshots flow into insight's read model. Identity comes in too: it provides the officers of a
 * unit ({@code org.UnitOfficers}) that voice and rights need, yet no module depends on it.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "identity")
@ActiveProfiles("test")
class RightsInsightModuleTests {

    @Autowired
    Appeals appeals;
    @Autowired
    OrgSetup orgSetup;
    @Autowired
    OrgDirectory org;
    @Autowired
    Figures figures;

    @Test
    void aRaisedAppealIsOpenInTheAppellantsUnit(Scenario scenario) {
        Assumptions.assumeTrue(InsightStory.sameMonthAsBeijing());
        OrgUnit unit = orgSetup.createUnit(null, "诉求看板模块工会" + System.nanoTime(), UnitKind.COMPANY_UNION);
        String department = "RIM" + System.nanoTime() % 100_000;
        orgSetup.createDepartment(department, "诉求看板部门", unit.id());
        OrgSetup.HrRow row = Fixtures.row(department);
        orgSetup.importEmployees(Fixtures.admin(1), "insight-rights.csv", List.of(row));
        long employee = org.employeeIdsByNumber(List.of(row.employeeNo())).get(row.employeeNo());
        YearMonth now = YearMonth.now();

        scenario.stimulate(() -> appeals.raise(Fixtures.employee(1, employee), new Appeals.Raise(AppealCategory.WAGES,
                        Appeal.Identity.NAMED, "加班费少发。", "补发。")))
                .andWaitForStateChange(() -> figures.rollup(List.of(RightsKinds.APPEAL), List.of(unit.id()), now)
                        .level(RightsKinds.APPEAL, "WAGES", unit.id(), now), n -> n > 0)
                .andVerify(open -> assertThat(open).isEqualTo(1));
    }
}
