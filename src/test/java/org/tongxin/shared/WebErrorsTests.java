package org.tongxin.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.support.WebClient;

/** Error pages through the real server, both languages, never a stack trace; actuator access. */
class WebErrorsTests extends IntegrationTestSupport {

    @LocalServerPort
    int port;

    WebClient web;

    @BeforeEach
    void loggedInEmployee() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("错误页工会");
        OrgSetup.HrRow person = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "errors.csv", List.of(person));
        fixtures.withPassword(person, "Cuowu2026");
        web = new WebClient(port);
        assertThat(web.login(person.employeeNo(), "Cuowu2026").body()).contains("id=\"greeting\"");
    }

    @Test
    void notFoundForbiddenAndServerErrorPagesInChineseAndEnglish() throws Exception {
        HttpResponse<String> notFound = web.get("/no/such/page");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("页面不存在").contains("返回首页");

        HttpResponse<String> forbidden = web.get("/org/tree");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("您没有权限访问此页面");

        HttpResponse<String> boom = web.get("/test/boom");
        assertThat(boom.statusCode()).isEqualTo(500);
        assertThat(boom.body()).contains("服务器出了点问题").doesNotContain("secret internal detail")
                .doesNotContain("at org.").doesNotContain("Exception");

        web.get("/");
        web.post("/lang", Map.of("lang", "en"));
        assertThat(web.get("/no/such/page").body()).contains("This page does not exist");
        assertThat(web.get("/test/boom").body()).contains("Something went wrong on our side")
                .doesNotContain("secret internal detail");
        assertThat(web.get("/").body()).contains("Hello,").contains("lang=\"en\"");
    }

    @Test
    void healthIsPublicAndOtherActuatorEndpointsNeedAdmin() throws Exception {
        WebClient anonymous = new WebClient(port);
        HttpResponse<String> health = anonymous.get("/actuator/health", "application/json");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(web.get("/actuator/metrics", "application/json").statusCode()).isEqualTo(403);
    }
}
