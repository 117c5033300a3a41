package org.tongxin.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.care.internal.CareService;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

class CareTests extends IntegrationTestSupport {

    @Autowired
    CareService care;

    Fixtures.UnitWithDepartment unit;
    long employee;
    OrgSetup.HrRow person;
    Viewer officer;
    long officerEmployee;
    Viewer committee;

    @BeforeEach
    void anEmployeeAndTheirOfficer() {
        unit = fixtures.grassroots("关怀测试工会");
        person = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow chair = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "care.csv", List.of(person, chair));
        employee = fixtures.employeeId(person.employeeNo());
        officerEmployee = fixtures.employeeId(chair.employeeNo());
        long officerAccount = fixtures.accountId(officerEmployee);
        fixtures.chair(officerAccount, unit.unit().id(), true);
        officer = Fixtures.officer(officerAccount, unit.unit().id());
        committee = Fixtures.committee(fixtures.adminAccountId());
    }

    private void recordMove(String fromGrade, String toGrade, String exit) throws Exception {
        recordMove(fromGrade, toGrade, exit, LocalDate.now());
    }

    private void recordMove(String fromGrade, String toGrade, String exit, LocalDate on) throws Exception {
        mvc.perform(post("/care/moves").param("employeeNo", person.employeeNo()).param("movedOn", on.toString())
                .param("fromGrade", fromGrade).param("toGrade", toGrade).param("toDepartment", "养护工区")
                .param("toPost", "养护工").param("exitType", exit).param("reason", "收费站撤并")
                .with(csrf()).with(as(committee))).andExpect(status().is3xxRedirection());
    }

    private long caseId() {
        return jdbc.sql("SELECT id FROM care_case WHERE employee_id = ?").param(employee).query(Long.class).single();
    }

    @Test
    void aDownwardMoveOpensACaseForTheUnitAndItsOfficerIsTold() throws Exception {
        recordMove("G5", "G2", "");
        assertThat(jdbc.sql("SELECT direction FROM care_move WHERE employee_id = ?").param(employee)
                .query(String.class).single()).isEqualTo("DOWN");
        long caseId = caseId();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND link = ?")
                .params(officerEmployee, "/care/cases/" + caseId).query(Long.class).single() == 1);
        String list = mvc.perform(get("/care/cases").with(as(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("/care/cases/" + caseId);
    }

    @Test
    void movesUpOrAcrossOpenNoCaseAndLeavingDoes() throws Exception {
        recordMove("G2", "G4", "", LocalDate.now().minusDays(60));
        recordMove("G4", "G4", "", LocalDate.now().minusDays(30));
        assertThat(jdbc.sql("SELECT count(*) FROM care_case WHERE employee_id = ?").param(employee)
                .query(Long.class).single()).isZero();
        recordMove("G4", "", "EARLY_RETIREMENT");
        assertThat(jdbc.sql("SELECT direction FROM care_move m JOIN care_case c ON c.move_id = m.id WHERE c.employee_id = ?")
                .param(employee).query(String.class).single()).isEqualTo("OUT");
    }

    @Test
    void talksAreEncryptedEveryLookIsAuditedAndOnlyTheChainSeesTheCase() throws Exception {
        recordMove("G5", "G2", "");
        long caseId = caseId();
        mvc.perform(post("/care/cases/" + caseId + "/notes").param("kind", "TALK")
                .param("happenedOn", LocalDate.now().toString()).param("content", "情绪低落，担心收入下降，希望调回原站")
                .with(csrf()).with(as(officer)));

        String page = mvc.perform(get("/care/cases/" + caseId).with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("情绪低落，担心收入下降").contains("已于 " + LocalDate.now() + " 首次谈心谈话");
        assertThat(jdbc.sql("SELECT content_enc FROM care_note WHERE case_id = ?").param(caseId).query(String.class)
                .single()).doesNotContain("情绪");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'care.case.view' AND target_id = ?")
                .param(Long.toString(caseId)).query(Long.class).single()).isEqualTo(1);

        Viewer stranger = Fixtures.officer(fixtures.adminAccountId(), fixtures.grassroots("旁人工会").unit().id());
        mvc.perform(get("/care/cases/" + caseId).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/care/cases/" + caseId + "/notes").param("kind", "TALK")
                .param("happenedOn", LocalDate.now().toString()).param("content", "越权").with(csrf()).with(as(stranger)))
                .andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/care/cases").with(as(stranger))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("/care/cases/" + caseId);
        Viewer peer = Fixtures.employee(fixtures.accountId(employee), employee);
        mvc.perform(get("/care/cases/" + caseId).with(as(peer))).andExpect(status().isForbidden());
        mvc.perform(post("/care/moves").param("employeeNo", person.employeeNo()).with(csrf()).with(as(officer)))
                .andExpect(status().isForbidden());

        mvc.perform(post("/care/cases/" + caseId + "/close").param("outcome", "已适应养护岗位").with(csrf())
                .with(as(officer)));
        assertThat(jdbc.sql("SELECT status || ' ' || outcome_enc FROM care_case WHERE id = ?").param(caseId)
                .query(String.class).single()).startsWith("CLOSED ").doesNotContain("养护");
    }

    @Test
    void withoutTheCareRightNeitherAFellowOfficerNorTheAdminReadsTheCase() throws Exception {
        OrgSetup.HrRow member = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "care-member.csv", List.of(member));
        long memberAccount = fixtures.accountId(fixtures.employeeId(member.employeeNo()));
        jdbc.sql("INSERT INTO role_grant (account_id, role, unit_id, post) VALUES (?, 'OFFICER', ?, '委员')")
                .params(memberAccount, unit.unit().id()).update();
        recordMove("G5", "G2", "");
        long caseId = caseId();

        Viewer fellow = Fixtures.officerWithoutCare(memberAccount, unit.unit().id());
        mvc.perform(get("/care/cases/" + caseId).with(as(fellow))).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/care/cases").with(as(fellow))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("/care/cases/" + caseId);
        mvc.perform(get("/care/cases/" + caseId).with(as(Fixtures.admin(fixtures.adminAccountId()))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/care/cases/" + caseId).with(as(committee))).andExpect(status().isOk());

        // The case notice went only to the officer with the care right.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE link = ?").param("/care/cases/" + caseId)
                .query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT employee_id FROM notification WHERE link = ?").param("/care/cases/" + caseId)
                .query(Long.class).single()).isEqualTo(officerEmployee);
    }
}
