package org.tongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

class LoginTests extends IntegrationTestSupport {


    OrgSetup.HrRow person;

    @BeforeEach
    void anEmployeeFreshFromHr() {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("登录测试工会");
        person = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "login.csv", List.of(person));
    }

    private String initialPassword() {
        return person.idCard().substring(person.idCard().length() - 6);
    }

    private MockHttpSession login(String user, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin().user(user).password(password)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as("log-in of %s", user).isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void firstLogInWithTheInitialPasswordForcesAPasswordChange() throws Exception {
        MockHttpSession session = login(person.employeeNo(), initialPassword());
        MvcResult home = mvc.perform(get("/").session(session)).andReturn();
        assertThat(home.getResponse().getStatus() + " " + home.getResponse().getRedirectedUrl()).isEqualTo("302 /password");
        mvc.perform(get("/me").session(session)).andExpect(redirectedUrl("/password"));

        mvc.perform(post("/password").session(session).with(csrf()).param("current", initialPassword())
                .param("next", "short").param("confirm", "short")).andExpect(status().isOk());
        mvc.perform(post("/password").session(session).with(csrf()).param("current", initialPassword())
                .param("next", "Shoufei2026ab").param("confirm", "Shoufei2026ab")).andExpect(redirectedUrl("/"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());

        assertThat(jdbc.sql("SELECT password_hash FROM account a JOIN employee e ON e.id = a.employee_id "
                + "WHERE e.emp_no = ?").param(person.employeeNo()).query(String.class).single())
                .startsWith("{bcrypt}").doesNotContain("Shoufei2026ab");
        mvc.perform(formLogin().user(person.employeeNo()).password(initialPassword()))
                .andExpect(redirectedUrl("/login?error=bad"));
        login(person.phone(), "Shoufei2026ab");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(person.employeeNo()).password("wrong-" + i))
                    .andExpect(redirectedUrl("/login?error=bad"));
        }
        mvc.perform(formLogin().user(person.employeeNo()).password(initialPassword()))
                .andExpect(redirectedUrl("/login?error=locked"));
        assertThat(jdbc.sql("SELECT locked_until > now() + interval '14 minutes' FROM account a "
                + "JOIN employee e ON e.id = a.employee_id WHERE e.emp_no = ?").param(person.employeeNo())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void theChosenLanguageIsKeptForTheNextLogIn() throws Exception {
        MockHttpSession first = login(person.employeeNo(), initialPassword());
        mvc.perform(post("/password").session(first).with(csrf()).param("current", initialPassword())
                .param("next", "Yuyan2026xyz").param("confirm", "Yuyan2026xyz"));
        assertThat(mvc.perform(get("/").session(first)).andReturn().getResponse().getContentAsString())
                .contains("lang=\"zh-CN\"");
        mvc.perform(post("/lang").session(first).with(csrf()).param("lang", "en"));

        MockHttpSession second = login(person.employeeNo(), "Yuyan2026xyz");
        String home = mvc.perform(get("/").session(second)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(home).contains("lang=\"en\"").contains("Hello, " + person.name());
    }

    @Test
    void unknownPeopleAndPeopleWhoLeftCannotLogIn() throws Exception {
        mvc.perform(formLogin().user("no-such-person").password("whatever1")).andExpect(redirectedUrl("/login?error=bad"));
        jdbc.sql("UPDATE employee SET status = 'LEFT' WHERE emp_no = ?").param(person.employeeNo()).update();
        mvc.perform(formLogin().user(person.employeeNo()).password(initialPassword()))
                .andExpect(redirectedUrl("/login?error=bad"));
    }

    @Test
    void pagesNeedALogInAndTheLogInPageDoesNot() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(post("/login").param("username", person.employeeNo()).param("password", initialPassword()))
                .andExpect(status().isForbidden());
    }
}
