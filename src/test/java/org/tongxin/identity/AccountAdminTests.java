package org.tongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.identity.internal.SessionChecks;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

class AccountAdminTests extends IntegrationTestSupport {


    Fixtures.UnitWithDepartment unit;
    OrgSetup.HrRow person;
    Viewer admin;
    long accountId;

    @BeforeEach
    void anEmployee() {
        unit = fixtures.grassroots("授权测试工会");
        person = Fixtures.row(unit.departmentCode());
        admin = Fixtures.admin(fixtures.adminAccountId());
        orgSetup.importEmployees(admin, "grant.csv", List.of(person));
        accountId = fixtures.accountId(fixtures.employeeId(person.employeeNo()));
    }

    @Test
    void anAdminMakesSomeoneAnOfficerWhoIsToldAndGetsTheUnitAtNextLogIn() throws Exception {
        mvc.perform(get("/admin/accounts").param("q", person.phone()).with(as(admin)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/accounts/" + accountId + "/grants").with(csrf()).with(as(admin))
                .param("role", "OFFICER").param("unitId", Long.toString(unit.unit().id())).param("post", "主席"));

        String page = mvc.perform(get("/admin/accounts/" + accountId).with(as(admin))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(unit.unit().name() + " · 主席");
        assertThat(jdbc.sql("SELECT after FROM audit_event WHERE action = 'grant.add' AND target_id = ?")
                .param(Long.toString(accountId)).query(String.class).single()).contains("OFFICER").contains("主席");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND title LIKE '你已被任命为%'")
                .param(fixtures.employeeId(person.employeeNo())).query(Long.class).single() == 1);

        String temporary = temporaryPassword();
        MvcResult login = mvc.perform(formLogin().user(person.employeeNo()).password(temporary)).andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        mvc.perform(post("/password").session(session).with(csrf()).param("current", temporary)
                .param("next", "Zhuxi2026xyz").param("confirm", "Zhuxi2026xyz"));
        mvc.perform(get("/org/units/" + unit.unit().id()).session(session)).andExpect(status().isOk());
    }

    @Test
    void aRevokedOfficerLosesTheUnitOnTheNextClick() throws Exception {
        mvc.perform(post("/admin/accounts/" + accountId + "/grants").with(csrf()).with(as(admin))
                .param("role", "OFFICER").param("unitId", Long.toString(unit.unit().id())).param("post", "委员"));
        String temporary = temporaryPassword();
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(person.employeeNo()).password(temporary))
                .andReturn().getRequest().getSession(false);
        mvc.perform(post("/password").session(session).with(csrf()).param("current", temporary)
                .param("next", "Weiyuan2026x").param("confirm", "Weiyuan2026x"));
        mvc.perform(get("/org/units/" + unit.unit().id()).session(session)).andExpect(status().isOk());

        long grantId = jdbc.sql("SELECT id FROM role_grant WHERE account_id = ? AND role = 'OFFICER'")
                .param(accountId).query(Long.class).single();
        mvc.perform(post("/admin/accounts/" + accountId + "/grants/" + grantId + "/revoke").with(csrf())
                .with(as(admin)));

        mvc.perform(get("/org/units/" + unit.unit().id()).session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
    }

    @Test
    void theCareRightGoesOnlyWithAnOfficerPostAndLeavesWithIt() throws Exception {
        String unitId = Long.toString(unit.unit().id());
        mvc.perform(post("/admin/accounts/" + accountId + "/grants").with(csrf()).with(as(admin))
                .param("role", "CARE").param("unitId", unitId));
        assertThat(jdbc.sql("SELECT count(*) FROM role_grant WHERE account_id = ?").param(accountId)
                .query(Long.class).single()).isZero();

        mvc.perform(post("/admin/accounts/" + accountId + "/grants").with(csrf()).with(as(admin))
                .param("role", "OFFICER").param("unitId", unitId).param("post", "主席"));
        mvc.perform(post("/admin/accounts/" + accountId + "/grants").with(csrf()).with(as(admin))
                .param("role", "CARE").param("unitId", unitId));
        assertThat(jdbc.sql("SELECT count(*) FROM role_grant WHERE account_id = ? AND role = 'CARE' AND unit_id = ?")
                .params(accountId, unit.unit().id()).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT after FROM audit_event WHERE action = 'grant.add' AND target_id = ? ORDER BY id DESC LIMIT 1")
                .param(Long.toString(accountId)).query(String.class).single()).contains("CARE");

        long officerGrant = jdbc.sql("SELECT id FROM role_grant WHERE account_id = ? AND role = 'OFFICER'")
                .param(accountId).query(Long.class).single();
        mvc.perform(post("/admin/accounts/" + accountId + "/grants/" + officerGrant + "/revoke").with(csrf())
                .with(as(admin)));
        assertThat(jdbc.sql("SELECT count(*) FROM role_grant WHERE account_id = ?").param(accountId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aPasswordResetEndsTheSessionsSignedInWithTheOldPassword() throws Exception {
        String initial = person.idCard().substring(12);
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(person.employeeNo()).password(initial))
                .andReturn().getRequest().getSession(false);
        mvc.perform(post("/password").session(session).with(csrf()).param("current", initial)
                .param("next", "Jiumima2026ab").param("confirm", "Jiumima2026ab"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());

        mvc.perform(post("/admin/accounts/" + accountId + "/reset-password").with(csrf()).with(as(admin)));

        mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void aPasswordResetOnAnotherNodeEndsTheSessionWithinTheCheckTtl() throws Exception {
        MockHttpSession session = signedInWithOwnPassword();
        mvc.perform(get("/").session(session)).andExpect(status().isOk());

        // What another node's reset writes; this node's recent read of the row is out of date for a moment.
        jdbc.sql("UPDATE account SET session_stamp = session_stamp + 1 WHERE id = ?").param(accountId).update();

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() ->
                mvc.perform(get("/").session(session)).andReturn().getResponse().getStatus() == 302);
    }

    @Test
    void ownPasswordChangedOnAnotherNodeKeepsThatSessionSignedInHereAtOnce() throws Exception {
        MockHttpSession session = signedInWithOwnPassword();
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        String stampKey = SessionChecks.class.getName() + ".stamp";
        int stamp = (Integer) session.getAttribute(stampKey);

        // Another node changed the password for this very session: the row and the shared session both move on,
        // while this node still remembers the old row; it must read the row again rather than end the session.
        jdbc.sql("UPDATE account SET session_stamp = session_stamp + 1 WHERE id = ?").param(accountId).update();
        session.setAttribute(stampKey, stamp + 1);

        mvc.perform(get("/").session(session)).andExpect(status().isOk());
    }

    @Test
    void aGrantGivenOnAnotherNodeReachesTheSessionWithinTheCheckTtl() throws Exception {
        MockHttpSession session = signedInWithOwnPassword();
        mvc.perform(get("/org/units/" + unit.unit().id()).session(session)).andExpect(status().isForbidden());

        // Another node grants and bumps the version; this node notices once its read of the row is older than the TTL.
        jdbc.sql("INSERT INTO role_grant (account_id, role, unit_id, post) VALUES (?, 'OFFICER', ?, '委员')")
                .params(accountId, unit.unit().id()).update();
        jdbc.sql("UPDATE account SET grants_version = grants_version + 1 WHERE id = ?").param(accountId).update();

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() ->
                mvc.perform(get("/org/units/" + unit.unit().id()).session(session)).andReturn().getResponse()
                        .getStatus() == 200);
    }

    private MockHttpSession signedInWithOwnPassword() throws Exception {
        String initial = person.idCard().substring(12);
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(person.employeeNo()).password(initial))
                .andReturn().getRequest().getSession(false);
        mvc.perform(post("/password").session(session).with(csrf()).param("current", initial)
                .param("next", "Jiumima2026ab").param("confirm", "Jiumima2026ab"));
        return session;
    }

    @Test
    void anOfficerNeverLogsInWithTheInitialPassword() throws Exception {
        mvc.perform(post("/admin/accounts/" + accountId + "/grants").with(csrf()).with(as(admin))
                .param("role", "COMMITTEE"));
        mvc.perform(formLogin().user(person.employeeNo()).password(person.idCard().substring(12)))
                .andExpect(redirectedUrl("/login?error=bad"));
    }

    /** What an officer logs in with first: a temporary password from the admin (never the initial one). */
    private String temporaryPassword() throws Exception {
        MvcResult reset = mvc.perform(post("/admin/accounts/" + accountId + "/reset-password").with(csrf())
                .with(as(admin))).andReturn();
        return (String) reset.getFlashMap().get("temporaryPassword");
    }

    @Test
    void officersAndCommitteeCannotManageAccounts() throws Exception {
        Viewer officer = Fixtures.officer(accountId, unit.unit().id());
        mvc.perform(get("/admin/accounts").with(as(officer))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/" + accountId + "/grants").with(csrf()).with(as(officer))
                .param("role", "ADMIN")).andExpect(status().isForbidden());
        Viewer committee = Fixtures.committee(fixtures.adminAccountId());
        mvc.perform(get("/admin/accounts").with(as(committee))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").with(as(committee))).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT count(*) FROM role_grant WHERE account_id = ? AND role = 'ADMIN'")
                .param(accountId).query(Long.class).single()).isZero();
    }

    @Test
    void aPasswordResetGivesATemporaryPasswordAndUnlocks() throws Exception {
        jdbc.sql("UPDATE account SET locked_until = now() + interval '10 minutes' WHERE id = ?").param(accountId)
                .update();
        MvcResult reset = mvc.perform(post("/admin/accounts/" + accountId + "/reset-password").with(csrf())
                .with(as(admin))).andReturn();
        String temporary = (String) reset.getFlashMap().get("temporaryPassword");
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(12);
        mvc.perform(formLogin().user(person.employeeNo()).password(temporary))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'account.resetPassword' AND target_id = ?")
                .param(Long.toString(accountId)).query(Long.class).single()).isEqualTo(1);
    }
}
