package org.tongxin.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongxin.live.internal.Chat;
import org.tongxin.live.internal.LiveService;
import org.tongxin.live.internal.Sessions;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/** Chat and questions: writing, rate limit, upvotes, moderation, and the event stream a page listens to. */
class LiveChatTests extends IntegrationTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    LiveService live;
    @Autowired
    Chat chat;

    Viewer organiser;
    List<Viewer> people;
    Viewer outsider;

    @BeforeEach
    void people() {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("直播互动工会");
        Fixtures.UnitWithDepartment other = fixtures.grassroots("直播互动旁站");
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(unit.departmentCode()), Fixtures.row(unit.departmentCode()),
                Fixtures.row(other.departmentCode()));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "chat.csv", rows);
        people = rows.stream().map(r -> {
            long id = fixtures.employeeId(r.employeeNo());
            return Fixtures.employee(fixtures.accountId(id), id);
        }).toList();
        outsider = people.get(2);
        organiser = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
    }

    private long session(String audience, long unitId) {
        OffsetDateTime start = OffsetDateTime.now().minusMinutes(1);
        return live.schedule(organiser, new Sessions.Draft("职代会提案说明会", "", unitId, fixtures.adminAccountId(), start,
                start.plusHours(1), audience, audience.equals("PUBLIC") ? null : unitId, List.of(), null, 80));
    }

    @Test
    void theAudienceChatsAsksAndUpvotesWithinTheRateLimitAndModeratorsHideAndMute() {
        long id = session("SUBTREE", organiser.officerUnits().iterator().next());
        Viewer a = people.get(0);
        Viewer b = people.get(1);
        long hello = chat.post(a, id, "  大家好  ", false);
        assertThatThrownBy(() -> chat.post(a, id, "再说一句", false)).isInstanceOf(Refusal.class)
                .hasMessage("live.error.tooFast");
        long question = chat.post(b, id, "夜班职工能看回放吗？", true);
        assertThatThrownBy(() -> chat.post(outsider, id, "我也来", false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> chat.post(b, id, " ", false)).isInstanceOf(Refusal.class);
        chat.upvote(a, question);
        chat.upvote(a, question);
        assertThatThrownBy(() -> chat.upvote(a, hello)).isInstanceOf(Refusal.class);
        assertThat(chat.questions(id)).singleElement().satisfies(q -> assertThat(q.upvotes()).isEqualTo(1));
        assertThatThrownBy(() -> chat.hide(a, hello)).isInstanceOf(RuntimeException.class);
        chat.answer(organiser, question);
        chat.hide(organiser, hello);
        chat.muteAuthor(organiser, hello);
        jdbc.sql("UPDATE live_message SET created_at = created_at - interval '1 minute' WHERE session_id = ?").param(id)
                .update();
        assertThatThrownBy(() -> chat.post(a, id, "我被禁言了吗", false)).isInstanceOf(Refusal.class)
                .hasMessage("live.error.muted");
        assertThat(chat.recent(id, 10)).extracting(Chat.Message::body).containsExactly("大家好", "夜班职工能看回放吗？");
        assertThat(chat.recent(id, 10).getFirst().hidden()).isTrue();
        assertThat(chat.questions(id).getFirst().answered()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action LIKE 'live.chat.%' AND target_id IN (?, ?, ?)")
                .params(Long.toString(hello), Long.toString(question), Long.toString(id)).query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void aPageListeningToTheStreamReceivesNewMessagesAndLearnsOfHiddenOnes() throws Exception {
        long id = session("PUBLIC", organiser.officerUnits().iterator().next());
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/live/" + id + "/chat/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("data:{")) {
                        data.add(line);
                    }
                }
            } catch (Exception closed) {
                data.add("closed");
            }
        });
        try {
            long m = chat.post(people.getFirst(), id, "收费站的同事们在线吗", false);
            assertThat(data.poll(10, TimeUnit.SECONDS)).contains("收费站的同事们在线吗").contains("\"id\":" + m);
            chat.hide(organiser, m);
            assertThat(data.poll(10, TimeUnit.SECONDS)).contains("\"id\":" + m).contains("\"hidden\":true")
                    .doesNotContain("收费站");
        } finally {
            reader.interrupt();
            stream.body().close();
        }
    }
}
