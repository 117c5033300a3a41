package org.tongxin.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.org.internal.TreeChanges;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

class TreeChangesTests extends IntegrationTestSupport {

    @Autowired
    OrgDirectory directory;
    @Autowired
    TreeChanges changes;

    OrgUnit top;
    Viewer officer;

    @BeforeEach
    void aSmallTree() {
        top = fixtures.grassroots("树测试工会").unit();
        officer = Fixtures.officer(fixtures.adminAccountId(), top.id());
    }

    private OrgUnit unit(long id) {
        return directory.unit(id).orElseThrow();
    }

    @Test
    void movingAUnitCarriesItsWholeSubtreeAndIsAudited() throws Exception {
        OrgUnit other = fixtures.grassroots("树测试工会乙").unit();
        Viewer committee = Fixtures.committee(fixtures.adminAccountId());
        OrgUnit a = changes.addChild(officer, top.id(), "一分会", UnitKind.BRANCH);
        OrgUnit group = changes.addChild(officer, a.id(), "一组", UnitKind.GROUP);

        mvc.perform(post("/org/units/" + a.id() + "/move").param("parentId", Long.toString(other.id())).with(csrf())
                .with(as(committee)));

        assertThat(unit(a.id()).parentId()).isEqualTo(other.id());
        assertThat(unit(group.id()).path()).isEqualTo(other.path() + a.id() + "/" + group.id() + "/");
        assertThat(unit(group.id()).depth()).isEqualTo(other.depth() + 2);
        assertThat(jdbc.sql("SELECT before || ' → ' || after FROM audit_event WHERE action = 'unit.move' "
                + "AND target_id = ? ").param(Long.toString(a.id())).query(String.class).single())
                .isEqualTo("parent: " + top.name() + " → parent: " + other.name());
    }

    @Test
    void aUnitCannotMoveUnderItsOwnSubtreeNorAnOfficerMoveTheirTopUnit() {
        OrgUnit a = changes.addChild(officer, top.id(), "一分会", UnitKind.BRANCH);
        OrgUnit group = changes.addChild(officer, a.id(), "一组", UnitKind.GROUP);
        assertThatThrownBy(() -> changes.move(officer, a.id(), group.id())).isInstanceOf(TreeChanges.RejectedChange.class)
                .hasMessage("unit.error.moveIntoItself");
        assertThatThrownBy(() -> changes.move(officer, top.id(), a.id())).isInstanceOf(TreeChanges.RejectedChange.class)
                .hasMessage("unit.error.moveRoot");
        assertThatThrownBy(() -> changes.addChild(officer, group.id(), "更低", UnitKind.BRANCH))
                .hasMessage("unit.error.kindOrder");
    }

    @Test
    void closingKeepsTheUnitAndRefusesWhileChildrenOrEmployeesRemain() {
        Fixtures.UnitWithDepartment withPeople = fixtures.grassroots("有人工会");
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "close.csv",
                List.of(Fixtures.row(withPeople.departmentCode())));
        Viewer committee = Fixtures.committee(fixtures.adminAccountId());
        assertThatThrownBy(() -> changes.close(committee, withPeople.unit().id())).hasMessage("unit.error.closeEmployees");

        OrgUnit a = changes.addChild(officer, top.id(), "将撤销分会", UnitKind.BRANCH);
        changes.addChild(officer, a.id(), "小组", UnitKind.GROUP);
        assertThatThrownBy(() -> changes.close(officer, a.id())).hasMessage("unit.error.closeChildren");
        assertThatThrownBy(() -> changes.close(officer, top.id())).hasMessage("unit.error.closeOwn");

        OrgUnit empty = changes.addChild(officer, top.id(), "空分会", UnitKind.BRANCH);
        changes.close(officer, empty.id());
        assertThat(unit(empty.id()).isClosed()).isTrue();
    }

    @Test
    void anOfficerAddsADepartmentThatHrRowsThenLandIn() throws Exception {
        String code = "NEW" + System.nanoTime() % 100000;
        mvc.perform(post("/org/units/" + top.id() + "/departments").param("code", code).param("name", "新设监控室")
                .with(csrf()).with(as(officer)));
        orgSetup.importEmployees(officer, "new-dept.csv", java.util.List.of(Fixtures.row(code)));
        assertThat(jdbc.sql("SELECT count(*) FROM employee e JOIN department d ON d.id = e.department_id "
                + "WHERE d.code = ? AND d.unit_id = ?").params(code, top.id()).query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> changes.addDepartment(officer, top.id(), code, "重复"))
                .hasMessage("unit.error.departmentTaken");
    }

    @Test
    void onlyTheCommitteeStartsANewTree() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM org_unit WHERE parent_id IS NULL").query(Long.class).single();
        int status = mvc.perform(post("/org/units").param("name", "野生工会").param("kind", "COMPANY_UNION")
                .with(csrf()).with(as(officer))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM org_unit WHERE parent_id IS NULL").query(Long.class).single())
                .isEqualTo(before);
        mvc.perform(post("/org/units").param("name", "第二公司工会").param("kind", "COMPANY_UNION").with(csrf())
                .with(as(Fixtures.committee(fixtures.adminAccountId()))));
        assertThat(jdbc.sql("SELECT count(*) FROM org_unit WHERE parent_id IS NULL").query(Long.class).single())
                .isEqualTo(before + 1);
    }

    @Test
    void aMoveKeepsTheLevelsInOrder() {
        OrgUnit branch = changes.addChild(officer, top.id(), "分会", UnitKind.BRANCH);
        OrgUnit otherGrassroots = changes.addChild(Fixtures.committee(fixtures.adminAccountId()),
                directory.unit(top.parentId()).orElseThrow().id(), "别的基层工会", UnitKind.GRASSROOTS_UNION);
        Viewer committee = Fixtures.committee(fixtures.adminAccountId());
        assertThatThrownBy(() -> changes.move(committee, otherGrassroots.id(), branch.id()))
                .hasMessage("unit.error.kindOrder");
    }

    @Test
    void partnerBodiesBesideAUnitAreTheOfficersToo() throws Exception {
        mvc.perform(post("/org/units/" + top.id() + "/children").param("name", "团支部").param("kind", "YOUTH_LEAGUE")
                .with(csrf()).with(as(officer)));
        long partner = jdbc.sql("SELECT id FROM org_unit WHERE beside_id = ?").param(top.id()).query(Long.class).single();
        assertThat(mvc.perform(get("/org/units/" + partner).with(as(officer))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(unit(partner).path()).startsWith(top.path());
    }

    @Test
    void employeesOnLeaveKeepAUnitOpen() {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("休假工会");
        OrgSetup.HrRow r = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "leave.csv", java.util.List.of(
                new OrgSetup.HrRow(r.employeeNo(), r.name(), r.gender(), r.birthDate(), r.phone(), r.idCard(),
                        r.departmentCode(), r.hireDate(), r.jobTitle(), "休假")));
        assertThatThrownBy(() -> changes.close(Fixtures.committee(fixtures.adminAccountId()), unit.unit().id()))
                .hasMessage("unit.error.closeEmployees");
    }

    @Test
    void theAuditTrailCannotBeRewritten() {
        changes.rename(officer, top.id(), top.name() + "（新）");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET summary = 'x'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update()).hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT after FROM audit_event WHERE action = 'unit.rename' AND target_id = ?")
                .param(Long.toString(top.id())).query(String.class).single()).isEqualTo("name: " + top.name() + "（新）");
    }
}
