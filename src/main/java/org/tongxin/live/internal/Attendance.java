package org.tongxin.live.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.live.LiveAttended;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;

/**
 * Watch time from the players' heartbeats, the way DingTalk counts live attendance: the page reports, every
 * {@value #BEAT_S} seconds or so, how long the video really played while the page was visible. The server credits
 * the claim, but never more than the time that passed since this person's last credit (plus a little for the
 * network) and never more than {@value #MAX_CREDIT_MS} ms at once: a page cannot invent time, and two devices
 * playing at once count once. Live and replay are counted apart. The heartbeat that first brings a person's live and
 * replay time together to the session's share marks them attended and publishes {@link LiveAttended}, once (the
 * mark's primary key decides, also between two nodes).
 */
@Service
public class Attendance {

    static final int BEAT_S = 15;
    static final long MAX_CREDIT_MS = 30_000;
    /** Heartbeats arrive a little early or late; this much is forgiven. */
    static final long SLACK_MS = 2_000;

    /** One person's watch time in a session. */
    public record Watch(long employeeId, long liveMs, long replayMs) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Attendance(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Credits a heartbeat of {@code viewer} watching {@code s} ({@code replay}: after the end); returns the person's
     * watch time in that mode so far (0 for a viewer who is not an employee: nothing is counted for them).
     */
    @Transactional
    public long heartbeat(Viewer viewer, Sessions.Session s, boolean replay, long playedMs, OffsetDateTime now) {
        if (viewer == null || viewer.employeeId() == null) {
            return 0;
        }
        if (replay ? !s.replayAvailable(now) : !s.state().equals("LIVE")) {
            throw new Refusal("live.error.notPlaying");
        }
        long claim = Math.max(0, Math.min(playedMs, MAX_CREDIT_MS));
        long watched = jdbc.sql("""
                        INSERT INTO live_watch AS w (session_id, employee_id, mode, watched_ms, first_at, last_credit_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (session_id, employee_id, mode) DO UPDATE SET
                          watched_ms = w.watched_ms + least(EXCLUDED.watched_ms,
                            greatest(0, (extract(epoch FROM EXCLUDED.last_credit_at - w.last_credit_at) * 1000)::bigint + ?)),
                          last_credit_at = greatest(w.last_credit_at, EXCLUDED.last_credit_at)
                        RETURNING watched_ms""")
                .params(s.id(), viewer.employeeId(), replay ? "REPLAY" : "LIVE", claim, now, now, SLACK_MS)
                .query(Long.class).single();
        int marked = jdbc.sql("""
                        INSERT INTO live_attended (session_id, employee_id, attended_at)
                        SELECT ?, ?, ? WHERE (SELECT sum(watched_ms) FROM live_watch
                                               WHERE session_id = ? AND employee_id = ?) * 100 >= ?
                        ON CONFLICT DO NOTHING""")
                .params(s.id(), viewer.employeeId(), now, s.id(), viewer.employeeId(),
                        s.scheduledMs() * s.attendPercent())
                .update();
        if (marked == 1) {
            events.publishEvent(new LiveAttended(s.id(), viewer.employeeId(), s.courseId()));
        }
        return watched;
    }

    /** When each person who attended first reached the share, by employee. */
    public Map<Long, OffsetDateTime> attendedAt(long sessionId) {
        return jdbc.sql("SELECT employee_id, attended_at FROM live_attended WHERE session_id = ?").param(sessionId)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Watch time of everyone who watched, by employee. */
    public Map<Long, Watch> of(long sessionId) {
        List<Watch> rows = jdbc.sql("""
                        SELECT employee_id, coalesce(sum(watched_ms) FILTER (WHERE mode = 'LIVE'), 0),
                          coalesce(sum(watched_ms) FILTER (WHERE mode = 'REPLAY'), 0)
                        FROM live_watch WHERE session_id = ? GROUP BY employee_id""")
                .param(sessionId).query((rs, i) -> new Watch(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
        return rows.stream().collect(Collectors.toMap(Watch::employeeId, Function.identity()));
    }

    /** Whether the watch time reaches the session's share of its scheduled length. */
    public static boolean attended(Sessions.Session s, Watch w) {
        return w != null && (w.liveMs() + w.replayMs()) * 100 >= s.scheduledMs() * s.attendPercent();
    }
}
