package org.tongxin.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.Notifications;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.web.PublicAddress;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * The outbox end to end: notices written by {@link Notifications}, sent by senders whose channels point at a real
 * SMTP server (GreenMail) and at local HTTP servers standing in for 企业微信, 钉钉 and an SMS gateway.
 */
class OutboxTests extends IntegrationTestSupport {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    Notifications notifications;
    @Autowired
    Outbox outbox;
    @Autowired
    NoticeSettings settings;
    @Autowired
    OrgDirectory org;
    @Autowired
    PublicAddress address;
    @Autowired
    NoticeTexts texts;
    @Autowired
    TransactionTemplate tx;

    RecordingServer server;
    GreenMail smtp;
    OutboxSender sender;
    long alice;
    long bob;
    OrgSetup.HrRow aliceRow;
    OrgSetup.HrRow bobRow;

    @BeforeEach
    void setUp() throws Exception {
        jdbc.sql("DELETE FROM notice_outbox").update();
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("通知渠道测试工会");
        aliceRow = Fixtures.row(unit.departmentCode());
        bobRow = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "outbox.csv", List.of(aliceRow, bobRow));
        alice = fixtures.employeeId(aliceRow.employeeNo());
        bob = fixtures.employeeId(bobRow.employeeNo());
        jdbc.sql("UPDATE account SET locale = 'en' WHERE id = ?").param(fixtures.accountId(bob)).update();
        server = new RecordingServer(this::platform);
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        sender = sender(3, 50);
    }

    @AfterEach
    void tearDown() {
        server.close();
        smtp.stop();
    }

    /** How 企业微信, 钉钉 and the gateway answer when all is well. */
    RecordingServer.Answer platform(RecordingServer.Request r) {
        return switch (r.path()) {
            case "/cgi-bin/gettoken" -> RecordingServer.Answer.ok(
                    "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"TOKEN-W\",\"expires_in\":7200}");
            case "/gettoken" -> RecordingServer.Answer.ok(
                    "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"TOKEN-D\",\"expires_in\":7200}");
            case "/cgi-bin/message/send" -> RecordingServer.Answer.ok(
                    "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"m1\"}");
            case "/topapi/message/corpconversation/asyncsend_v2" -> RecordingServer.Answer.ok(
                    "{\"errcode\":0,\"task_id\":256271667526,\"request_id\":\"r1\"}");
            case "/sms" -> RecordingServer.Answer.ok("{\"code\":\"0\",\"msg\":\"accepted\"}");
            default -> new RecordingServer.Answer(404, "{}");
        };
    }

    NotifyProperties properties(int maxAttempts, int batch) {
        return new NotifyProperties(List.of(ChannelName.WECOM, ChannelName.DINGTALK, ChannelName.EMAIL), SHANGHAI,
                maxAttempts, Duration.ofSeconds(30), Duration.ofMinutes(2), batch,
                new NotifyProperties.Email("tongxin@example.com"),
                new NotifyProperties.WeCom(server.url(), "ww-corp", "wecom-secret", 1000002L),
                new NotifyProperties.DingTalk(server.url(), "ding-key", "ding-secret", 2000003L),
                new NotifyProperties.Sms(server.url() + "/sms", "{\"mobile\":\"{phone}\",\"content\":\"{text}\"}",
                        "application/json", Map.of("X-Api-Key", "gateway-key"), "code", "0", "【同心】"));
    }

    OutboxSender sender(int maxAttempts, int batch) {
        NotifyProperties p = properties(maxAttempts, batch);
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mail", mail));
        List<OutboundChannel> channels = List.of(new EmailChannel(beans.getBeanProvider(JavaMailSender.class), p),
                new WeComChannel(p, Optional.empty()), new DingTalkChannel(p, Optional.empty()), new SmsChannel(p));
        return new OutboxSender(jdbc, outbox, channels, org, settings, p, address, texts, tx, Optional.empty());
    }

    void choose(long employeeId, NoticeSetting setting, ChannelName... channels) {
        settings.save(employeeId, setting, Map.of(NoticeKind.ACCOUNT, EnumSet.copyOf(Arrays.asList(channels))));
    }

    NoticeSetting quiet(String email, LocalTime from, LocalTime until) {
        return new NoticeSetting(email, from, until, false, LocalTime.of(18, 0));
    }

    String status(long employeeId, ChannelName channel) {
        return jdbc.sql("SELECT status FROM notice_outbox WHERE employee_id = ? AND channel = ?")
                .params(employeeId, channel.name()).query(String.class).single();
    }

    static JsonNode json(String body) throws Exception {
        return JsonHttp.JSON.readTree(body);
    }

    @Test
    void anEmailReachesARealSmtpServerInEachPersonsLanguage() throws Exception {
        choose(alice, quiet("alice@example.com", null, null), ChannelName.EMAIL);
        choose(bob, quiet("bob@example.com", null, null), ChannelName.EMAIL);
        notifications.sendTest(alice);
        notifications.sendTest(bob);

        assertThat(sender.sendDue()).isEqualTo(2);

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        MimeMessage toAlice = Arrays.stream(mails).filter(m -> address(m).equals("alice@example.com")).findFirst().orElseThrow();
        MimeMessage toBob = Arrays.stream(mails).filter(m -> address(m).equals("bob@example.com")).findFirst().orElseThrow();
        assertThat(toAlice.getSubject()).isEqualTo("同心通知测试");
        assertThat(toAlice.getContentLanguage()).containsExactly("zh-CN");
        assertThat((String) toAlice.getContent()).contains("同心的通知已能通过这个渠道送达你").contains(address.of("/inbox"));
        assertThat(toBob.getSubject()).isEqualTo("Tongxin test notice");
        assertThat(toBob.getContentLanguage()).containsExactly("en");
        assertThat((String) toBob.getContent()).contains("notices from Tongxin reach you on this channel");
        assertThat(toBob.getFrom()[0].toString()).isEqualTo("tongxin@example.com");
        assertThat(status(alice, ChannelName.EMAIL)).isEqualTo("SENT");
    }

    static String address(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void weComAndDingTalkGetTheirDocumentedRequestsAndTheTokenIsKept() throws Exception {
        choose(alice, NoticeSetting.NONE, ChannelName.WECOM, ChannelName.DINGTALK);
        choose(bob, NoticeSetting.NONE, ChannelName.WECOM, ChannelName.DINGTALK);
        notifications.sendTest(alice);
        notifications.sendTest(bob);

        assertThat(sender.sendDue()).isEqualTo(4);

        List<RecordingServer.Request> tokens = server.to("/cgi-bin/gettoken");
        assertThat(tokens).as("the token is fetched once and kept").hasSize(1);
        assertThat(tokens.getFirst().method()).isEqualTo("GET");
        assertThat(tokens.getFirst().query()).isEqualTo("corpid=ww-corp&corpsecret=wecom-secret");
        List<RecordingServer.Request> sends = server.to("/cgi-bin/message/send");
        assertThat(sends).hasSize(2);
        RecordingServer.Request w = sends.stream().filter(r -> r.body().contains(aliceRow.employeeNo())).findFirst().orElseThrow();
        assertThat(w.method()).isEqualTo("POST");
        assertThat(w.query()).isEqualTo("access_token=TOKEN-W");
        assertThat(w.contentType()).startsWith("application/json");
        JsonNode card = json(w.body());
        assertThat(card.path("touser").asString()).isEqualTo(aliceRow.employeeNo());
        assertThat(card.path("agentid").asLong()).isEqualTo(1000002L);
        assertThat(card.path("msgtype").asString()).isEqualTo("textcard");
        assertThat(card.path("textcard").path("title").asString()).isEqualTo("同心通知测试");
        assertThat(card.path("textcard").path("description").asString()).contains("同心的通知已能通过这个渠道送达你");
        assertThat(card.path("textcard").path("url").asString()).isEqualTo(address.of("/inbox"));
        assertThat(card.path("textcard").path("btntxt").asString()).isEqualTo("详情");
        assertThat(card.path("enable_duplicate_check").asInt()).isEqualTo(1);
        JsonNode toBob = json(sends.stream().filter(r -> r.body().contains(bobRow.employeeNo())).findFirst().orElseThrow().body());
        assertThat(toBob.path("textcard").path("title").asString()).isEqualTo("Tongxin test notice");
        assertThat(toBob.path("textcard").path("btntxt").asString()).isEqualTo("Details");

        List<RecordingServer.Request> dingTokens = server.to("/gettoken");
        assertThat(dingTokens).hasSize(1);
        assertThat(dingTokens.getFirst().query()).isEqualTo("appkey=ding-key&appsecret=ding-secret");
        List<RecordingServer.Request> notices = server.to("/topapi/message/corpconversation/asyncsend_v2");
        assertThat(notices).hasSize(2);
        RecordingServer.Request d = notices.stream().filter(r -> r.body().contains(aliceRow.employeeNo())).findFirst().orElseThrow();
        assertThat(d.method()).isEqualTo("POST");
        assertThat(d.query()).isEqualTo("access_token=TOKEN-D");
        JsonNode work = json(d.body());
        assertThat(work.path("agent_id").asLong()).isEqualTo(2000003L);
        assertThat(work.path("userid_list").asString()).isEqualTo(aliceRow.employeeNo());
        assertThat(work.path("msg").path("msgtype").asString()).isEqualTo("action_card");
        JsonNode actionCard = work.path("msg").path("action_card");
        assertThat(actionCard.path("title").asString()).isEqualTo("同心通知测试");
        assertThat(actionCard.path("markdown").asString()).startsWith("### 同心通知测试").contains("送达你");
        assertThat(actionCard.path("single_title").asString()).isEqualTo("查看详情");
        assertThat(actionCard.path("single_url").asString()).isEqualTo(address.of("/inbox"));
        assertThat(status(alice, ChannelName.WECOM)).isEqualTo("SENT");
        assertThat(status(bob, ChannelName.DINGTALK)).isEqualTo("SENT");
    }

    @Test
    void anExpiredTokenIsFetchedAgainAndTheNoticeStillGoesOutOnce() throws Exception {
        choose(alice, NoticeSetting.NONE, ChannelName.WECOM);
        int[] sends = {0};
        server.answer(r -> {
            if (r.path().equals("/cgi-bin/message/send") && sends[0]++ == 0) {
                return RecordingServer.Answer.ok("{\"errcode\":42001,\"errmsg\":\"access_token expired\"}");
            }
            return platform(r);
        });
        notifications.sendTest(alice);

        assertThat(sender.sendDue()).isEqualTo(1);

        assertThat(server.to("/cgi-bin/gettoken")).hasSize(2);
        assertThat(server.to("/cgi-bin/message/send")).hasSize(2);
        assertThat(status(alice, ChannelName.WECOM)).isEqualTo("SENT");
    }

    @Test
    void aTextMessageGoesThroughTheGatewayWithTheNumberOnRecord() throws Exception {
        choose(alice, NoticeSetting.NONE, ChannelName.SMS);
        notifications.sendTest(alice);

        assertThat(sender.sendDue()).isEqualTo(1);

        RecordingServer.Request sms = server.to("/sms").getFirst();
        assertThat(sms.method()).isEqualTo("POST");
        assertThat(sms.apiKey()).isEqualTo("gateway-key");
        assertThat(sms.contentType()).startsWith("application/json");
        JsonNode body = json(sms.body());
        assertThat(body.path("mobile").asString()).isEqualTo(aliceRow.phone());
        assertThat(body.path("content").asString()).isEqualTo("【同心】同心通知测试 " + address.of("/inbox"));
    }

    @Test
    void aFailingEndpointIsRetriedWithBackoffAndThenShownAsFailedWithTheReason() throws Exception {
        choose(alice, NoticeSetting.NONE, ChannelName.SMS);
        server.answer(r -> r.path().equals("/sms") ? new RecordingServer.Answer(503, "{}") : platform(r));
        notifications.sendTest(alice);
        OffsetDateTime start = sender.now();

        assertThat(sender.sendDue(start)).isZero();
        assertThat(status(alice, ChannelName.SMS)).isEqualTo("PENDING");
        assertThat(sender.sendDue(start.plusSeconds(29))).as("not before the backoff").isZero();
        assertThat(server.to("/sms")).hasSize(1);
        sender.sendDue(start.plusSeconds(31));
        assertThat(server.to("/sms")).hasSize(2);
        sender.sendDue(start.plusSeconds(31 + 119));
        assertThat(server.to("/sms")).as("second backoff is 2 minutes").hasSize(2);
        sender.sendDue(start.plusSeconds(31 + 121));
        assertThat(server.to("/sms")).hasSize(3);
        assertThat(status(alice, ChannelName.SMS)).isEqualTo("FAILED");
        sender.sendDue(start.plusDays(1));
        assertThat(server.to("/sms")).as("a failed notice is not sent again by itself").hasSize(3);

        Outbox.Row failed = outbox.failures(10).stream().filter(r -> r.employeeId() == alice).findFirst().orElseThrow();
        assertThat(failed.channel()).isEqualTo(ChannelName.SMS);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isEqualTo("HTTP 503");
        assertThat(failed.title()).isEqualTo("同心通知测试");

        server.answer(this::platform);
        assertThat(outbox.retry(failed.id(), start.plusDays(1))).isTrue();
        assertThat(sender.sendDue(start.plusDays(1))).isEqualTo(1);
        assertThat(status(alice, ChannelName.SMS)).isEqualTo("SENT");
    }

    @Test
    void aRecipientThePlatformDoesNotKnowFailsAtOnceWithoutRetries() {
        choose(alice, NoticeSetting.NONE, ChannelName.WECOM);
        server.answer(r -> r.path().equals("/cgi-bin/message/send")
                ? RecordingServer.Answer.ok("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"" + aliceRow.employeeNo() + "\"}")
                : platform(r));
        notifications.sendTest(alice);

        sender.sendDue();

        assertThat(status(alice, ChannelName.WECOM)).isEqualTo("FAILED");
        assertThat(outbox.failures(10).getFirst().lastError()).isEqualTo("invaliduser " + aliceRow.employeeNo());
    }

    @Test
    void quietHoursHoldANoticeUntilTheyEndAndAnUrgentOneGoesAtOnce() {
        LocalTime local = ZonedDateTime.now(SHANGHAI).toLocalTime().withSecond(0).withNano(0);
        choose(alice, quiet(null, local.minusHours(1), local.plusHours(1)), ChannelName.WECOM);
        notifications.notify(alice, Message.literal(NoticeKind.ACCOUNT, "夜里的通知", "明早再看", null));
        OffsetDateTime now = sender.now();

        assertThat(sender.sendDue(now)).as("held in quiet hours").isZero();
        OffsetDateTime release = jdbc.sql("SELECT not_before FROM notice_outbox WHERE employee_id = ?").param(alice)
                .query(OffsetDateTime.class).single();
        assertThat(release.atZoneSameInstant(SHANGHAI).toLocalTime()).isEqualTo(local.plusHours(1));
        assertThat(sender.sendDue(release.minusSeconds(1))).isZero();

        notifications.sendTest(alice);
        assertThat(sender.sendDue(sender.now())).as("urgent: not held").isEqualTo(1);

        assertThat(sender.sendDue(release)).as("released when quiet hours end").isEqualTo(1);
        assertThat(server.to("/cgi-bin/message/send")).hasSize(2);
        assertThat(server.to("/cgi-bin/message/send").getLast().body()).contains("夜里的通知");
    }

    @Test
    void aDailyDigestFoldsTheDaysNoticesIntoOne() throws Exception {
        LocalTime local = ZonedDateTime.now(SHANGHAI).toLocalTime().withSecond(0).withNano(0);
        settings.save(bob, new NoticeSetting(null, null, null, true, local.plusHours(2)),
                Map.of(NoticeKind.ACCOUNT, EnumSet.of(ChannelName.WECOM)));
        notifications.notify(bob, Message.literal(NoticeKind.ACCOUNT, "First notice", "", "/inbox"));
        notifications.notify(bob, Message.literal(NoticeKind.ACCOUNT, "Second notice", "", "/inbox"));
        OffsetDateTime now = sender.now();

        assertThat(sender.sendDue(now)).isZero();
        assertThat(sender.digest(now)).as("not yet digest time").isZero();
        OffsetDateTime at = jdbc.sql("SELECT max(not_before) FROM notice_outbox WHERE employee_id = ? AND status = 'HELD'")
                .param(bob).query(OffsetDateTime.class).single();
        assertThat(at.atZoneSameInstant(SHANGHAI).toLocalTime()).isEqualTo(local.plusHours(2));

        assertThat(sender.digest(at)).isEqualTo(1);
        assertThat(sender.digest(at)).as("made once").isZero();
        assertThat(sender.sendDue(at)).isEqualTo(1);

        JsonNode card = json(server.to("/cgi-bin/message/send").getFirst().body());
        assertThat(card.path("textcard").path("title").asString()).isEqualTo("2 new notices");
        assertThat(card.path("textcard").path("description").asString())
                .isEqualTo("· First notice\n· Second notice");
        assertThat(jdbc.sql("SELECT count(*) FROM notice_outbox WHERE employee_id = ? AND status = 'DIGESTED'")
                .param(bob).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void twoSendersRunningAtOnceNeverSendANoticeTwice() throws Exception {
        choose(alice, NoticeSetting.NONE, ChannelName.WECOM);
        choose(bob, NoticeSetting.NONE, ChannelName.WECOM);
        int notices = 120;
        for (int i = 0; i < notices; i++) {
            notifications.notify(i % 2 == 0 ? alice : bob, Message.literal(NoticeKind.ACCOUNT, "notice-" + i, "", null));
        }
        OutboxSender other = sender(3, 10);
        // A day ahead: a send that timed out on this busy machine is tried again here rather than left for later.
        OffsetDateTime later = sender.now().plusDays(1);
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (OutboxSender s : List.of(sender, other)) {
            runs.add(pool.submit(() -> {
                gate.await();
                int total = 0;
                for (int n = s.sendDue(later); n > 0; n = s.sendDue(later)) {
                    total += n;
                }
                return total;
            }));
        }
        gate.countDown();
        // How the 120 split between the two depends on the scheduler (on a loaded machine one may take them all);
        // what must hold whatever the split is that each notice went out exactly once.
        int sent = 0;
        for (Future<Integer> run : runs) {
            sent += run.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(sent).isEqualTo(notices);
        List<String> titles = new ArrayList<>();
        for (RecordingServer.Request r : server.to("/cgi-bin/message/send")) {
            titles.add(json(r.body()).path("text").path("content").asString().lines().findFirst().orElseThrow());
        }
        assertThat(titles).hasSize(notices).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT count(*) FROM notice_outbox WHERE status = 'SENT'").query(Long.class).single())
                .isEqualTo((long) notices);
    }

    @Test
    void aSenderWhoseLeaseRanOutCannotOverwriteTheNextSendersResult() {
        choose(alice, NoticeSetting.NONE, ChannelName.WECOM);
        notifications.sendTest(alice);
        OffsetDateTime now = sender.now();
        // other tests' reminders may be due in the shared database as well: this test follows alice's row only
        Outbox.Claim crashed = outbox.claim(now, 100, Duration.ofSeconds(-1));
        long mine = crashed.rows().stream().filter(r -> r.employeeId() == alice).findFirst().orElseThrow().id();

        assertThat(sender.sendDue(now)).as("the lease ran out: another sender takes the row").isPositive();
        assertThat(outbox.failed(crashed.token(), mine, "late", null)).isFalse();
        assertThat(status(alice, ChannelName.WECOM)).isEqualTo("SENT");
    }

    @Test
    void finishedRowsAreForgottenAfterTheKeepingTimeAndWaitingOnesNever() {
        choose(alice, NoticeSetting.NONE, ChannelName.WECOM);
        notifications.sendTest(alice);
        sender.sendDue();
        notifications.notify(alice, Message.literal(NoticeKind.ACCOUNT, "还在等", "", null));
        jdbc.sql("UPDATE notice_outbox SET created_at = now() - interval '100 days' WHERE employee_id = ?")
                .param(alice).update();

        assertThat(outbox.purge(sender.now().minusDays(90))).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM notice_outbox WHERE employee_id = ?").param(alice)
                .query(String.class).list()).containsExactly("PENDING");
    }

    @Test
    void withNoOutsideChannelChosenOnlyTheInboxGetsTheNotice() {
        settings.save(alice, NoticeSetting.NONE, Map.of());
        notifications.notify(alice, Message.literal(NoticeKind.ACCOUNT, "只进收件箱", "", null));

        assertThat(jdbc.sql("SELECT count(*) FROM notice_outbox WHERE employee_id = ?").param(alice)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE employee_id = ? AND title = '只进收件箱'")
                .param(alice).query(Long.class).single()).isEqualTo(1);
    }
}
