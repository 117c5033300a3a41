package org.tongxin.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongxin.shared.crypto.Mask;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

class EmployeePageTests extends IntegrationTestSupport {


    @Test
    void personalDataIsMaskedUntilTheManagerAsksAndTheAskIsAudited() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("隐私测试工会");
        OrgSetup.HrRow person = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "privacy.csv", List.of(person));
        long id = fixtures.employeeId(person.employeeNo());
        Viewer officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());

        String page = mvc.perform(get("/org/employees/" + id).with(as(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(Mask.idCard(person.idCard())).contains(Mask.phone(person.phone()))
                .doesNotContain(person.idCard()).doesNotContain(person.phone());

        String revealed = mvc.perform(post("/org/employees/" + id + "/reveal").with(csrf()).with(as(officer)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(revealed).contains(person.idCard()).contains(person.phone());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'employee.reveal' AND target_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);

        String list = mvc.perform(get("/org/units/" + unit.unit().id()).with(as(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(person.name()).doesNotContain(person.phone()).doesNotContain(person.idCard());
    }
}
