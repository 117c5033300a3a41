package org.tongxin.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.tongxin.membership.internal.MembershipService;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;

/** The membership module on its own with the modules it depends on: the events it publishes. */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class MembershipModuleTests {

    @Autowired
    MembershipService membership;
    @Autowired
    MembershipSetup setup;
    @Autowired
    OrgSetup orgSetup;
    @Autowired
    OrgDirectory org;

    private long employeeIn(OrgUnit unit, String department) {
        OrgSetup.HrRow row = Fixtures.row(department);
        orgSetup.importEmployees(Fixtures.admin(1), "module.csv", List.of(row));
        return org.employeeIdsByNumber(List.of(row.employeeNo())).get(row.employeeNo());
    }

    @Test
    void approvingPublishesMemberJoined(Scenario scenario) {
        OrgUnit unit = orgSetup.createUnit(null, "模块测试工会", UnitKind.COMPANY_UNION);
        orgSetup.createDepartment("MOD1", "模块测试部门", unit.id());
        long employee = employeeIn(unit, "MOD1");
        long application = membership.apply(Fixtures.employee(2, employee), true);
        Viewer officer = Fixtures.officer(1, unit.id());

        scenario.stimulate(() -> membership.approve(officer, application))
                .andWaitForEventOfType(MemberJoined.class)
                .matching(e -> e.employeeId() == employee)
                .toArriveAndVerify(e -> assertThat(e.unitId()).isEqualTo(unit.id()));
    }

    @Test
    void transfersAndLeavingPublishTheirEvents(Scenario scenario) {
        OrgUnit unit = orgSetup.createUnit(null, "模块转会工会", UnitKind.COMPANY_UNION);
        orgSetup.createDepartment("MOD2", "模块部门二", unit.id());
        OrgUnit branch = orgSetup.createUnit(unit.id(), "模块分会", UnitKind.BRANCH);
        long employee = employeeIn(unit, "MOD2");
        setup.enrol(employee, unit.id(), LocalDate.now().minusYears(1));
        Viewer officer = Fixtures.officer(1, unit.id());

        scenario.stimulate(() -> membership.transferByOfficer(officer, employee, branch.id()))
                .andWaitForEventOfType(MemberTransferred.class)
                .matching(e -> e.employeeId() == employee)
                .toArriveAndVerify(e -> assertThat(e.toUnitId()).isEqualTo(branch.id()));
        scenario.stimulate(() -> membership.endMembership(officer, employee, "LEFT"))
                .andWaitForEventOfType(MembershipEnded.class)
                .matching(e -> e.employeeId() == employee)
                .toArriveAndVerify(e -> assertThat(e.reason()).isEqualTo("LEFT"));
    }
}
