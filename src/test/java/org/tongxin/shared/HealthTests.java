package org.tongxin.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/** Health answers everyone with the status, and administrators with its parts, the database among them. */
class HealthTests extends IntegrationTestSupport {

    @Test
    void anyoneSeesTheStatusOnly() throws Exception {
        var response = mvc.perform(get("/actuator/health")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void anAdministratorSeesTheDatabaseUp() throws Exception {
        var response = mvc.perform(get("/actuator/health").with(Fixtures.as(Fixtures.admin(fixtures.adminAccountId()))))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        String body = response.getContentAsString();
        assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("UP");
        assertThat((String) JsonPath.read(body, "$.components.db.status")).isEqualTo("UP");
        assertThat((String) JsonPath.read(body, "$.components.db.details.database")).isEqualTo("PostgreSQL");
    }

    @Test
    void anEmployeeSeesTheStatusOnly() throws Exception {
        long employee = fixtures.employeeId("100090");
        var response = mvc.perform(get("/actuator/health")
                        .with(Fixtures.as(Fixtures.employee(fixtures.accountId(employee), employee))))
                .andReturn().getResponse();

        assertThat(response.getContentAsString()).isEqualTo("{\"status\":\"UP\"}");
    }
}
