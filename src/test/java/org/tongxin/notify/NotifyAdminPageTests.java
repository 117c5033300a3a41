package org.tongxin.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * "通知发送" (/admin/notify): the channels, the counts, a notice that failed for good with its reason, its retry
 * (audited), one person's notices by employee number; nobody but an admin gets in.
 */
class NotifyAdminPageTests extends IntegrationTestSupport {

    @Autowired
    Notifications notifications;

    Viewer admin;
    Viewer employee;
    Fixtures.UnitWithDepartment unit;
    OrgSetup.HrRow row;
    long failed;

    @BeforeEach
    void aNoticeThatFailedForGood() {
        unit = fixtures.grassroots("通知发送测试工会");
        row = Fixtures.row(unit.departmentCode());
        admin = Fixtures.admin(fixtures.adminAccountId());
        orgSetup.importEmployees(admin, "notify-admin.csv", List.of(row));
        long id = fixtures.employeeId(row.employeeNo());
        employee = Fixtures.employee(fixtures.accountId(id), id);
        failed = jdbc.sql("""
                        INSERT INTO notice_outbox (employee_id, channel, kind, language, title, body, status, attempts,
                          last_error, not_before)
                        VALUES (?, 'WECOM', 'ACTIVITY', 'zh-CN', '运动会报名确认', '', 'FAILED', 6,
                          'errcode 81013: user not found', now() - interval '1 hour') RETURNING id""")
                .param(id).query(Long.class).single();
    }

    @AfterEach
    void noQueuedRowsLeftForOtherTests() {
        jdbc.sql("DELETE FROM notice_outbox WHERE employee_id = ?").param(employee.employeeId()).update();
    }

    private String page(String url, Viewer viewer) throws Exception {
        return mvc.perform(get(url).with(as(viewer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String state() {
        return jdbc.sql("SELECT status || ' ' || attempts || ' ' || coalesce(last_error, '-') FROM notice_outbox WHERE id = ?")
                .param(failed).query(String.class).single();
    }

    @Test
    void theAdminSeesTheFailureWithPersonAndReasonAndRetriesItAudited() throws Exception {
        String html = page("/admin/notify", admin);
        assertThat(html).contains("id=\"channel-WECOM\"", "id=\"channel-SMS\"", "已开通")
                .doesNotContain("tongxin.notify.wecom.corp-id", "??");
        String failure = html.substring(html.indexOf("id=\"failed-" + failed + "\""));
        failure = failure.substring(0, failure.indexOf("</form>"));
        assertThat(failure).contains("运动会报名确认", row.name(), row.employeeNo(), "企业微信", "尝试 6 次",
                "errcode 81013: user not found", "id=\"retry-" + failed + "\"");
        String counts = html.substring(html.indexOf("id=\"counts-WECOM\""));
        assertThat(counts.substring(0, counts.indexOf("</div>"))).contains("失败");

        mvc.perform(post("/admin/notify/outbox/" + failed + "/retry").with(csrf()).with(as(admin)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/notify"))
                .andExpect(flash().attribute("flash", "notify.admin.retried"));
        assertThat(state()).isEqualTo("PENDING 0 -");
        assertThat(jdbc.sql("""
                        SELECT actor_id || ' ' || before || ' | ' || after FROM audit_event
                        WHERE action = 'notify.retry' AND target_id = ?""").param(String.valueOf(failed))
                .query(String.class).single())
                .contains(String.valueOf(admin.accountId()), "status: FAILED", "attempts: 6", "errcode 81013",
                        "status: PENDING", "attempts: 0");
        assertThat(page("/admin/notify", admin)).doesNotContain("id=\"failed-" + failed + "\"");

        mvc.perform(post("/admin/notify/outbox/" + failed + "/retry").with(csrf()).with(as(admin)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", "notify.admin.notFailed"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'notify.retry' AND target_id = ?")
                .param(String.valueOf(failed)).query(Long.class).single()).as("a refused retry is not audited").isOne();
    }

    @Test
    void aLookupByEmployeeNumberShowsThatPersonsNewestNotices() throws Exception {
        notifications.notify(employee.employeeId(), Message.literal(NoticeKind.ACCOUNT, "工会会费调整说明", "", null));
        String html = page("/admin/notify?no=" + row.employeeNo(), admin);
        String person = html.substring(html.indexOf("id=\"person-heading\""), html.indexOf("id=\"failures\""));
        assertThat(person).contains(row.name(), row.employeeNo(), "工会会费调整说明", "运动会报名确认", "待发送",
                "id=\"person-row-" + failed + "\"", "id=\"retry-" + failed + "\"", "name=\"no\"");
        assertThat(jdbc.sql("SELECT count(*) FROM notice_outbox WHERE employee_id = ? AND title = '工会会费调整说明'")
                .param(employee.employeeId()).query(Long.class).single()).as("one per default channel").isEqualTo(2);

        mvc.perform(post("/admin/notify/outbox/" + failed + "/retry").param("no", row.employeeNo()).with(csrf())
                        .with(as(admin)))
                .andExpect(redirectedUrl("/admin/notify?no=" + row.employeeNo()));

        assertThat(page("/admin/notify?no=NOBODY-123", admin)).contains("没有工号为 NOBODY-123 的职工");
    }

    @Test
    void nobodyButAnAdminOpensThePageOrRetries() throws Exception {
        long officerAccount = fixtures.accountId(employee.employeeId());
        Viewer officer = Fixtures.officer(officerAccount, unit.unit().id());
        Viewer committee = Fixtures.committee(officerAccount);
        for (Viewer v : List.of(employee, officer, committee)) {
            mvc.perform(get("/admin/notify").with(as(v))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/notify/outbox/" + failed + "/retry").with(csrf()).with(as(v)))
                    .andExpect(status().isForbidden());
        }
        assertThat(state()).startsWith("FAILED 6");
        assertThat(page("/", employee)).doesNotContain("/admin/notify");
        assertThat(page("/", admin)).contains("href=\"/admin/notify\"");
    }

    @Test
    void theAdminSendsATestNoticeToOnePersonAudited() throws Exception {
        mvc.perform(post("/admin/notify/test").param("no", row.employeeNo()).with(csrf()).with(as(admin)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "notify.admin.testSent"));

        assertThat(jdbc.sql("SELECT count(*) FROM notice_outbox WHERE employee_id = ? AND title = '同心通知测试' AND urgent")
                .param(employee.employeeId()).query(Long.class).single()).as("queued, urgent, in zh-CN").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'notify.test' AND target_id = ?")
                .param(String.valueOf(employee.employeeId())).query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/admin/notify/test").param("no", "no-such-number").with(csrf()).with(as(admin)))
                .andExpect(flash().attribute("flashError", "notify.admin.testNobody"));
        mvc.perform(post("/admin/notify/test").param("no", row.employeeNo()).with(csrf()).with(as(employee)))
                .andExpect(status().isForbidden());
    }
}
