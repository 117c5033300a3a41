package org.tongxin.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.tongxin.care.internal.CareService;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.support.Fixtures;

/** The care module with the modules it depends on: the events it publishes. */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class CareModuleTests {

    @Autowired
    CareService care;
    @Autowired
    CareSetup setup;
    @Autowired
    OrgSetup orgSetup;
    @Autowired
    OrgDirectory org;

    private long employeeOf(OrgUnit unit, String department) {
        OrgSetup.HrRow row = Fixtures.row(department);
        orgSetup.importEmployees(Fixtures.admin(1), "care-module.csv", List.of(row));
        return org.employeeIdsByNumber(List.of(row.employeeNo())).get(row.employeeNo());
    }

    @Test
    void aDownwardMoveIsRecordedAndOpensACase(Scenario scenario) {
        OrgUnit unit = orgSetup.createUnit(null, "关怀模块工会", UnitKind.COMPANY_UNION);
        orgSetup.createDepartment("CARE1", "关怀部门", unit.id());
        long employee = employeeOf(unit, "CARE1");

        scenario.stimulate(() -> care.recordMove(Fixtures.committee(1), new CareService.MoveForm(employee,
                        LocalDate.now(), "G6", "养护工区", "养护工", "G3", "", "撤并", null)))
                .andWaitForEventOfType(CareCaseOpened.class)
                .matching(e -> e.employeeId() == employee)
                .toArriveAndVerify(e -> assertThat(e.unitId()).isEqualTo(unit.id()));
    }

    @Test
    void everyMoveIsPublishedWithItsDirection(Scenario scenario) {
        OrgUnit unit = orgSetup.createUnit(null, "变动模块工会", UnitKind.COMPANY_UNION);
        orgSetup.createDepartment("CARE3", "变动部门", unit.id());
        long employee = employeeOf(unit, "CARE3");

        scenario.stimulate(() -> care.recordMove(Fixtures.committee(1), new CareService.MoveForm(employee,
                        LocalDate.now(), "G3", "收费班", "班组长", "G4", "", "竞聘上岗", null)))
                .andWaitForEventOfType(MoveRecorded.class)
                .matching(e -> e.employeeId() == employee)
                .toArriveAndVerify(e -> {
                    assertThat(e.direction()).isEqualTo("UP");
                    assertThat(e.unitId()).isEqualTo(unit.id());
                });
    }

    @Test
    void aCaseWithoutFirstContactByItsDeadlineIsEscalatedOnce(Scenario scenario) {
        OrgUnit top = orgSetup.createUnit(null, "关怀上级工会", UnitKind.COMPANY_UNION);
        OrgUnit unit = orgSetup.createUnit(top.id(), "关怀基层工会", UnitKind.GRASSROOTS_UNION);
        orgSetup.createDepartment("CARE2", "关怀部门二", unit.id());
        long employee = employeeOf(unit, "CARE2");
        setup.move(employee, unit.id(), LocalDate.now().minusDays(20), "CARE2", "收费员", "G5", "G2", null, "撤并", null, 1,
                null, null, null);

        scenario.stimulate(() -> care.escalateOverdue())
                .andWaitForEventOfType(CareCaseOverdue.class)
                .matching(e -> e.employeeId() == employee)
                .toArriveAndVerify(e -> assertThat(e.escalatedTo()).isEqualTo(top.id()));
        assertThat(care.escalateOverdue()).isZero();
    }
}
