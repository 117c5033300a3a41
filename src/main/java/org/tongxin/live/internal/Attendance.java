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
 * the claim, but never more than {@value #MAX_CREDIT_MS} ms at once, and never more than the time between the
 * person's watch clock and now (plus a little for the network): the watch clock starts at the first heartbeat and
 * moves on by each credit, so a page cannot invent time and two devices playing at once count once, while a
 * heartbeat that a busy server handled late does not cost the next one its time (the cap is measured from what
 * was credited, not from when the previous heartbeat happened to be handled). Live and replay are counted apart. The heartbeat that first brings a person's live and
 * replay time together to the session's share marks them attended and publishes {@link LiveAttended}, once (the
 * mark's primary key decides, also between two nodes).
 */
@Service
public class Attendance {

    static final int BEAT_S = 15;
    static final long MAX_CREDIT_MS = 30_000;
    /** Heartbeats arrive a little early or late; this much is forgiven. */
    static final long SLACK_MS = 2_000;
    /**
     * The watch clock ({@code last_credit_at}: the moment up to which time has been credited), but never further back
     * than {@value #MAX_CREDIT_MS} ms: time a person did not claim then (a pause, a closed page) cannot be claimed
     * later.
     */
    private static final String CREDITED_UP_TO = "greatest(w.last_credit_at, EXCLUDED.last_credit_at - interval '"
            + MAX_CREDIT_MS + " milliseconds')";
    /** The claim, cut to the time between the watch clock and now (plus the slack). */
    private static final String CREDIT = "least(EXCLUDED.watched_ms, greatest(0, (extract(epoch FROM "
            + "EXCLUDED.last_credit_at - " + CREDITED_UP_TO + ") * 1000)::bigint + " + SLACK_MS + "))";

    /** One person's watch time in a session. */
    public record Watch(long employeeId, long liveMs, long replayMs) {
    }

    /** What a heartbeat's credit left: the watch time in its mode, and whether it was the first in that mode. */
    private record Credited(long watchedMs, boolean first) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final LiveSnapshots snapshots;

    Attendance(JdbcClient jdbc, ApplicationEventPublisher events, LiveSnapshots snapshots) {
        this.jdbc = jdbc;
        this.events = events;
        this.snapshots = snapshots;
    }

    /**
     * Credits a heartbeat of {@code viewer} watching {@code s} ({@code replay}: after the end); returns the person's
     * watch time in that mode so far (0 for a viewer who is not an employee: nothing is counted for them). The
     * person's watching is published as a snapshot when they start, when they attend and when a replay's time makes
     * another minute — not at every beat of a live crowd, whose minutes count once the session has ended.
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
        Credited credited = jdbc.sql("""
                        INSERT INTO live_watch AS w (session_id, employee_id, mode, watched_ms, first_at, last_credit_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (session_id, employee_id, mode) DO UPDATE SET
                          watched_ms = w.watched_ms + %2$s,
                          last_credit_at = %1$s + %2$s * interval '1 millisecond'
                        RETURNING watched_ms, xmax = 0 AS inserted""".formatted(CREDITED_UP_TO, CREDIT))
                .params(s.id(), viewer.employeeId(), replay ? "REPLAY" : "LIVE", claim, now, now)
                .query((rs, i) -> new Credited(rs.getLong(1), rs.getBoolean(2))).single();
        long watched = credited.watchedMs();
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
        if (credited.first() || marked == 1 || replay && LiveSnapshots.minuteReached(jdbc.sql("""
                        SELECT sum(watched_ms) FROM live_watch WHERE session_id = ? AND employee_id = ?""")
                .params(s.id(), viewer.employeeId()).query(Long.class).single(), claim)) {
            snapshots.viewingChanged(s.id(), viewer.employeeId());
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
