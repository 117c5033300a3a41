package org.tongxin.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongxin.support.Fixtures.as;

import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/** The demo station's live sessions, as the demo employee finds them. */
class LiveDemoTests extends IntegrationTestSupport {

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private long pastSession() {
        return jdbc.sql("SELECT id FROM live_session WHERE title LIKE '两分钟学会职工书屋%'").query(Long.class).single();
    }

    private Viewer demoEmployee() {
        long employee = jdbc.sql("SELECT id FROM employee WHERE emp_no = '100090'").query(Long.class).single();
        return Fixtures.employee(fixtures.accountId(employee), employee);
    }

    @Test
    void aPastSessionIsAReplayOfTwoMinutesWithGenuineAttendanceAndChat() throws Exception {
        long id = pastSession();
        Map<String, Object> s = jdbc.sql("""
                        SELECT state, went_live_at < now() - interval '1 day' AS past, replay_until > now() AS kept
                        FROM live_session WHERE id = ?""").param(id).query().singleRow();
        assertThat(s).containsEntry("state", "ENDED").containsEntry("past", true).containsEntry("kept", true);

        MockHttpServletResponse replay = mvc.perform(get("/live/" + id + "/hls/replay.m3u8").with(as(demoEmployee())))
                .andReturn().getResponse();
        assertThat(replay.getStatus()).isEqualTo(200);
        String playlist = replay.getContentAsString();
        assertThat(playlist).contains("#EXT-X-MAP:URI=\"seg/").contains("#EXT-X-ENDLIST");
        assertThat(playlist.lines().filter(l -> l.startsWith("#EXTINF:8.000")).count()).isEqualTo(15);
        String first = playlist.lines().filter(l -> l.endsWith(".m4s")).findFirst().orElseThrow();
        assertThat(mvc.perform(get("/live/" + id + "/hls/" + first).with(as(demoEmployee()))).andReturn()
                .getResponse().getContentAsByteArray().length).isGreaterThan(1000);

        // Watch time as the heartbeats credited it: nobody more than the two minutes it was live, some attended.
        assertThat(count("SELECT count(*) FROM live_watch WHERE session_id = ? AND mode = 'LIVE'", id))
                .isGreaterThanOrEqualTo(8);
        assertThat(count("SELECT count(*) FROM live_watch WHERE session_id = ? AND watched_ms > 125000", id)).isZero();
        assertThat(count("SELECT count(*) FROM live_watch WHERE session_id = ? AND mode = 'REPLAY'", id)).isPositive();
        long attended = count("SELECT count(*) FROM live_attended WHERE session_id = ?", id);
        assertThat(attended).isPositive().isEqualTo(count("""
                SELECT count(*) FROM (SELECT employee_id FROM live_watch WHERE session_id = ? GROUP BY employee_id
                                      HAVING sum(watched_ms) >= 96000) a""", id));
        assertThat(count("""
                SELECT count(*) FROM live_watch w JOIN employee e ON e.id = w.employee_id
                WHERE w.session_id = ? AND e.emp_no = '100090'""", id)).as("the demo employee has not watched").isZero();

        assertThat(count("SELECT count(*) FROM live_message WHERE session_id = ?", id)).isGreaterThanOrEqualTo(5);
        assertThat(count("SELECT count(*) FROM live_message WHERE session_id = ? AND question AND answered", id))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM live_upvote u JOIN live_message m ON m.id = u.message_id "
                + "WHERE m.session_id = ?", id)).isPositive();
    }

    @Test
    void anUpcomingSessionInvitesTheStationAndIsALessonOfItsCourse() {
        long upcoming = jdbc.sql("SELECT id FROM live_session WHERE title = '安全生产月：收费站消防安全直播课'")
                .query(Long.class).single();
        assertThat(count("SELECT count(*) FROM live_session WHERE id = ? AND state = 'SCHEDULED' AND starts_at > now()",
                upcoming)).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("""
                SELECT count(*) FROM training_lesson l JOIN training_course c ON c.id = l.course_id
                WHERE l.live_session_id = ? AND l.kind = 'LIVE' AND c.title = '安全生产月专题培训'""", upcoming) == 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("""
                SELECT count(*) FROM notification n JOIN employee e ON e.id = n.employee_id
                WHERE e.emp_no = '100090' AND n.link = ?""", "/live/" + upcoming) == 1);
    }
}
