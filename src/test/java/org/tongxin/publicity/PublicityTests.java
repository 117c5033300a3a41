package org.tongxin.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.publicity.internal.Items;
import org.tongxin.publicity.internal.PublicityService;
import org.tongxin.publicity.internal.Pushes;
import org.tongxin.publicity.internal.Readership;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/** The editorial workflow, scheduled publishing, the push outbox against a real local HTTP server, and reads. */
class PublicityTests extends IntegrationTestSupport {

    @Autowired
    PublicityService publicity;
    @Autowired
    Items items;
    @Autowired
    Pushes pushes;
    @Autowired
    Readership reach;

    record Received(String path, String query, String body) {
    }

    HttpServer robots;
    List<Received> received = new CopyOnWriteArrayList<>();
    AtomicInteger failuresToGive = new AtomicInteger();
    Fixtures.UnitWithDepartment unit;
    Viewer writer;
    Viewer reviewer;
    Viewer outsider;

    @BeforeEach
    void aUnitWithRobots() throws IOException {
        robots = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        robots.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            boolean fail = failuresToGive.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            byte[] answer = (fail ? "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"
                    : "{\"errcode\":0,\"errmsg\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        robots.start();
        unit = fixtures.grassroots("宣传测试工会");
        writer = new Viewer(1_000_001, null, "写稿人", Set.of(Role.OFFICER),
                Set.of(unit.unit().id()), Set.of(), false);
        reviewer = new Viewer(1_000_002, null, "审核人", Set.of(Role.OFFICER),
                Set.of(unit.unit().id()), Set.of(), false);
        outsider = Fixtures.officer(fixtures.adminAccountId(), fixtures.grassroots("宣传旁站工会").unit().id());
        publicity.nameReviewer(writer, unit.unit().id(), reviewer.accountId());
        publicity.nameReviewer(writer, unit.unit().id(), writer.accountId());
    }

    @AfterEach
    void stopRobots() {
        robots.stop(0);
    }

    private String robotUrl(String path) {
        return "http://localhost:" + robots.getAddress().getPort() + path;
    }

    private long draftWithCover(String title) {
        long id = publicity.create(writer, new Items.Draft("ARTICLE", title, "",
                "<h2>小标题</h2><p>正文<script>alert(1)</script></p><img src=\"https://tracker.example/p.gif\">",
                "NEWS", unit.unit().id(), null, false), null);
        items.setMedia(id, "publicity/covers/x.jpg", null, null, null);
        return id;
    }

    @Test
    void aSubmittedArticleIsApprovedByAnotherReviewerAndItsCardsReachBothRobots() {
        pushes.add(writer, unit.unit().id(), "WECOM", "收费站工作群", robotUrl("/cgi-bin/webhook/send?key=wecom-key"), null);
        pushes.add(writer, unit.unit().id(), "DINGTALK", "养护班钉钉群", robotUrl("/robot/send?access_token=ding"), "SECabc");
        assertThatThrownBy(() -> pushes.add(writer, unit.unit().id(), "WECOM", "外网", "https://evil.example/hook", null))
                .isInstanceOf(Refusal.class).hasMessage("publicity.error.badWebhook");
        assertThat(pushes.ofUnit(unit.unit().id())).extracting(Pushes.Webhook::maskedUrl)
                .allSatisfy(u -> assertThat(u).doesNotContain("wecom-key", "access_token=ding"));

        long id = draftWithCover("职工书屋开放了");
        Items.Item draft = items.find(id).orElseThrow();
        assertThat(draft.bodyHtml()).contains("<h2>小标题</h2>").doesNotContain("script", "tracker");
        assertThat(draft.summary()).isEqualTo("小标题 正文");
        publicity.submit(writer, id);
        assertThatThrownBy(() -> publicity.approve(writer, id, null)).isInstanceOf(Refusal.class)
                .hasMessage("publicity.error.ownWork");
        assertThatThrownBy(() -> publicity.approve(outsider, id, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> publicity.update(outsider, id, new Items.Draft("ARTICLE", "改", "", "<p>x</p>", "NEWS",
                unit.unit().id(), null, false))).isInstanceOf(OutOfScopeException.class);
        publicity.approve(reviewer, id, null);
        assertThat(items.find(id).orElseThrow().status()).isEqualTo("PUBLISHED");

        assertThat(pushes.deliverDue(10)).isEqualTo(2);
        assertThat(received).hasSize(2);
        Received wecom = received.stream().filter(r -> r.path().startsWith("/cgi-bin")).findFirst().orElseThrow();
        assertThat(wecom.body()).contains("\"msgtype\":\"news\"", "\"title\":\"职工书屋开放了\"", "/p/" + id,
                "\"picurl\":", "/p/" + id + "/cover");
        Received ding = received.stream().filter(r -> r.path().startsWith("/robot")).findFirst().orElseThrow();
        assertThat(ding.body()).contains("\"msgtype\":\"link\"", "\"messageUrl\":", "\"picUrl\":");
        assertThat(ding.query()).contains("access_token=ding", "timestamp=", "sign=");
        assertThat(pushes.ofItem(id)).extracting(Pushes.Push::status).containsOnly("SENT");
        assertThat(pushes.deliverDue(10)).isZero();
    }

    @Test
    void aRobotThatRefusesIsRetriedLaterAndGivesUpVisiblyAfterTheLastAttempt() {
        long hook = pushes.add(writer, unit.unit().id(), "WECOM", "坏掉的群", robotUrl("/cgi-bin/webhook/send?key=k"), null);
        failuresToGive.set(100);
        long id = draftWithCover("安全生产月");
        publicity.submit(writer, id);
        publicity.approve(reviewer, id, null);
        assertThat(pushes.deliverDue(10)).isZero();
        Pushes.Push first = pushes.ofItem(id).getFirst();
        assertThat(first.status()).isEqualTo("PENDING");
        assertThat(first.lastError()).contains("93000");
        assertThat(first.nextAttemptAt()).isAfter(OffsetDateTime.now().plusSeconds(30));
        for (int i = 0; i < 5; i++) {
            jdbc.sql("UPDATE publicity_push SET next_attempt_at = now() WHERE webhook_id = ?").param(hook).update();
            pushes.deliverDue(10);
        }
        Pushes.Push last = pushes.ofItem(id).getFirst();
        assertThat(last.status()).isEqualTo("FAILED");
        assertThat(last.attempts()).isEqualTo(6);
        assertThat(pushes.failedOf(List.of(unit.unit().id()))).extracting(Pushes.Push::id).contains(last.id());
        failuresToGive.set(0);
        pushes.retry(writer, last.id());
        assertThat(pushes.deliverDue(10)).isEqualTo(1);
    }

    @Test
    void approvedForLaterItIsPublishedWhenItsMomentComesAndSentBackNeedsAComment() {
        long id = draftWithCover("端午节慰问");
        publicity.submit(writer, id);
        assertThatThrownBy(() -> publicity.sendBack(reviewer, id, " ")).isInstanceOf(Refusal.class)
                .hasMessage("publicity.error.commentRequired");
        publicity.sendBack(reviewer, id, "请补充慰问名单");
        assertThat(items.find(id).orElseThrow().status()).isEqualTo("RETURNED");
        publicity.update(writer, id, new Items.Draft("ARTICLE", "端午节慰问一线职工", "", "<p>已补充名单</p>", "NEWS",
                unit.unit().id(), null, false));
        publicity.submit(writer, id);
        publicity.approve(reviewer, id, OffsetDateTime.now().plusHours(2));
        assertThat(items.find(id).orElseThrow().status()).isEqualTo("SUBMITTED");
        assertThat(publicity.publishDue()).isZero();
        jdbc.sql("UPDATE publicity_item SET publish_at = now() - interval '1 minute' WHERE id = ?").param(id).update();
        assertThat(publicity.publishDue()).isEqualTo(1);
        assertThat(items.find(id).orElseThrow().status()).isEqualTo("PUBLISHED");
        assertThatThrownBy(() -> publicity.withdraw(writer, id, "")).isInstanceOf(Refusal.class);
        publicity.withdraw(writer, id, "信息有误");
        assertThat(items.find(id).orElseThrow().status()).isEqualTo("WITHDRAWN");
    }

    @Test
    void eachReaderIsCountedOnce() {
        long id = draftWithCover("劳模风采");
        assertThat(reach.read(id, "e:1", 1L, unit.unit().id())).isTrue();
        assertThat(reach.read(id, "e:1", 1L, unit.unit().id())).isFalse();
        assertThat(reach.read(id, "a:cookie", null, null)).isTrue();
        reach.shared(id, "WECHAT", LocalDate.now());
        reach.shared(id, "WECHAT", LocalDate.now());
        assertThat(reach.figures(id)).isEqualTo(new Readership.Figures(2, 1, 2));
        assertThat(reach.byUnit(id)).containsExactly(new Readership.UnitReaders(unit.unit().id(), 1));
    }
}
