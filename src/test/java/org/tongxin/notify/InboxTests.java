package org.tongxin.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

class InboxTests extends IntegrationTestSupport {

    @Autowired
    Notifications notifications;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    Fixtures.UnitWithDepartment unit;
    Viewer alice;
    Viewer bob;

    @BeforeEach
    void twoColleagues() {
        unit = fixtures.grassroots("消息测试工会");
        OrgSetup.HrRow a = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow b = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "inbox.csv", List.of(a, b));
        long aliceId = fixtures.employeeId(a.employeeNo());
        long bobId = fixtures.employeeId(b.employeeNo());
        alice = Fixtures.employee(fixtures.accountId(aliceId), aliceId);
        bob = Fixtures.employee(fixtures.accountId(bobId), bobId);
    }

    private String page(String url, Viewer viewer) throws Exception {
        return mvc.perform(get(url).with(as(viewer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aSubtreeMessageReachesEveryoneBelowAndTheHeaderCountsUnread() throws Exception {
        int reached = notifications.notifySubtree(unit.unit().id(), Message.literal(NoticeKind.ACCOUNT, "端午节福利领取", "请到工会领取。", "/me"));
        assertThat(reached).isEqualTo(2);

        assertThat(page("/", alice)).contains("id=\"unread-count\">1<");
        String inbox = page("/inbox", alice);
        assertThat(inbox).contains("端午节福利领取");
        long id = jdbc.sql("SELECT id FROM notification WHERE employee_id = ? ORDER BY id DESC LIMIT 1")
                .param(alice.employeeId()).query(Long.class).single();
        assertThat(page("/inbox/" + id, alice)).contains("请到工会领取。");
        assertThat(page("/", alice)).doesNotContain("id=\"unread-count\"");
        assertThat(page("/", bob)).contains("id=\"unread-count\">1<");
    }

    @Test
    void nobodyReadsAnotherPersonsMessage() throws Exception {
        notifications.notify(alice.employeeId(), Message.literal(NoticeKind.ACCOUNT, "私人消息", "只给 Alice", null));
        long id = jdbc.sql("SELECT id FROM notification WHERE employee_id = ? ORDER BY id DESC LIMIT 1")
                .param(alice.employeeId()).query(Long.class).single();
        mvc.perform(get("/inbox/" + id).with(as(bob))).andExpect(status().isNotFound());
        assertThat(page("/inbox", bob)).doesNotContain("私人消息");
    }

    @Test
    void anEventPublishedInAnotherModulesTransactionIsDeliveredAfterCommit() {
        tx.executeWithoutResult(s -> events.publishEvent(
                NotificationRequested.toEmployee(bob.employeeId(), Message.literal(NoticeKind.ACCOUNT, "入会申请已通过", "欢迎加入工会", null))));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND title = '入会申请已通过'")
                .param(bob.employeeId()).query(Long.class).single() == 1);
    }

    @Test
    void markAllAsReadClearsTheCount() throws Exception {
        notifications.notify(alice.employeeId(), Message.literal(NoticeKind.ACCOUNT, "一", "", null));
        notifications.notify(alice.employeeId(), Message.literal(NoticeKind.ACCOUNT, "二", "", null));
        mvc.perform(post("/inbox/read-all").with(csrf()).with(as(alice))).andExpect(status().is3xxRedirection());
        assertThat(page("/", alice)).doesNotContain("id=\"unread-count\"");
    }
}
