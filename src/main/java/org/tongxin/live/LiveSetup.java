package org.tongxin.live;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.live.internal.Attendance;
import org.tongxin.live.internal.Chat;
import org.tongxin.live.internal.Ingest;
import org.tongxin.live.internal.LiveService;
import org.tongxin.live.internal.LiveSnapshots;
import org.tongxin.live.internal.Sessions;
import org.tongxin.shared.security.Viewer;

/**
 * Start-up set-up of live sessions for the demo enterprise, through the same services the pages, the encoder and
 * the players use (checked, audited as the actor given): scheduling, the stream pushed with the session's key,
 * heartbeats credited by the same rule as a phone's (each claims at most the time since the last one), chat and
 * questions, the end. Only {@link #backdate} and {@link #watchedLive} write directly, to move what one start-up did
 * to when it happened; a moved session's snapshot is published again.
 */
@Service
public class LiveSetup {

    /** A file of the stream as the encoder would push it: a segment, an initialisation section or a playlist. */
    public record StreamFile(String name, byte[] content) {
    }

    private final LiveService live;
    private final Ingest ingest;
    private final Attendance attendance;
    private final Chat chat;
    private final Sessions sessions;
    private final JdbcClient jdbc;
    private final LiveSnapshots snapshots;
    private final int replayDays;

    LiveSetup(LiveService live, Ingest ingest, Attendance attendance, Chat chat, Sessions sessions, JdbcClient jdbc,
              LiveSnapshots snapshots, @Value("${tongxin.live.replay-days:90}") int replayDays) {
        this.live = live;
        this.snapshots = snapshots;
        this.ingest = ingest;
        this.attendance = attendance;
        this.chat = chat;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.replayDays = replayDays;
    }

    /** Schedules a session as the organiser; returns its id. Everyone invited is told, as from the form. */
    @Transactional
    public long schedule(Viewer organiser, String title, String description, long hostUnitId, long presenterAccountId,
                         OffsetDateTime startsAt, OffsetDateTime endsAt, String audience, Long audienceUnitId,
                         List<Long> invitees, Long courseId, int attendPercent) {
        return live.schedule(organiser, new Sessions.Draft(title, description, hostUnitId, presenterAccountId, startsAt,
                endsAt, audience, audienceUnitId, invitees, courseId, attendPercent));
    }

    /** Pushes the files in order with the session's stream key, as the presenter's encoder does. */
    @Transactional
    public void push(Viewer keyHolder, long sessionId, List<StreamFile> files) {
        String key = live.streamKey(keyHolder, sessionId);
        for (StreamFile f : files) {
            ingest.put(key, f.name(), new ByteArrayInputStream(f.content()));
        }
    }

    /**
     * The person watches from {@code from} for {@code ms}, their player beating every 15 seconds as the watch page's
     * does; returns their watch time in that mode afterwards, as the server credited it.
     */
    @Transactional
    public long watch(Viewer viewer, long sessionId, boolean replay, long ms, OffsetDateTime from) {
        Sessions.Session s = live.watchable(viewer, sessionId);
        long total = 0;
        OffsetDateTime at = from;
        for (long left = ms; left > 0; left -= 15_000) {
            long beat = Math.min(15_000, left);
            at = at.plusNanos(beat * 1_000_000);
            total = attendance.heartbeat(viewer, s, replay, beat, at);
        }
        return total;
    }

    /**
     * The live watch time people had in a session that is on air, as the heartbeats of a long session would have left
     * it (without sending each one): {@code msByEmployee} from {@code at}, attended where it reaches the session's
     * share. For the demo's past months; the session's end then publishes everyone's watching.
     */
    @Transactional
    public void watchedLive(long sessionId, Map<Long, Long> msByEmployee, OffsetDateTime at) {
        Sessions.Session s = sessions.find(sessionId).orElseThrow();
        msByEmployee.forEach((employee, ms) -> {
            jdbc.sql("""
                            INSERT INTO live_watch (session_id, employee_id, mode, watched_ms, first_at, last_credit_at)
                            VALUES (?, ?, 'LIVE', ?, ?, ?)""")
                    .params(sessionId, employee, ms, at, at.plusNanos(ms * 1_000_000)).update();
            if (ms * 100 >= s.scheduledMs() * s.attendPercent()) {
                jdbc.sql("INSERT INTO live_attended (session_id, employee_id, attended_at) VALUES (?, ?, ?)")
                        .params(sessionId, employee, at.plusNanos(ms * 1_000_000)).update();
            }
        });
    }

    /** A chat message or question by the viewer; returns its id. */
    @Transactional
    public long say(Viewer viewer, long sessionId, String text, boolean question) {
        return chat.post(viewer, sessionId, text, question);
    }

    @Transactional
    public void upvote(Viewer viewer, long messageId) {
        chat.upvote(viewer, messageId);
    }

    @Transactional
    public void answered(Viewer moderator, long messageId) {
        chat.answer(moderator, messageId);
    }

    @Transactional
    public void end(Viewer viewer, long sessionId) {
        live.end(viewer, sessionId);
    }

    /**
     * Moves a session done in one start-up to when it happened: it went live at {@code wentLive}, its segments
     * arrived one after another until {@code ended}, when it ended (its replay kept for the retention from then), and
     * its messages were written at the times given, in order.
     */
    @Transactional
    public void backdate(long sessionId, OffsetDateTime wentLive, OffsetDateTime ended, Map<Long, OffsetDateTime> said) {
        jdbc.sql("""
                        UPDATE live_session SET went_live_at = ?, last_ingest_at = ?,
                          ended_at = CASE WHEN state = 'ENDED' THEN CAST(? AS timestamptz) END,
                          replay_until = CASE WHEN state = 'ENDED' THEN CAST(? AS timestamptz) END,
                          created_at = least(created_at, starts_at - interval '2 days') WHERE id = ?""")
                .params(wentLive, ended, ended, ended.plusDays(replayDays), sessionId).update();
        List<Long> segments = jdbc.sql("SELECT id FROM live_segment WHERE session_id = ? ORDER BY id").param(sessionId)
                .query(Long.class).list();
        long span = java.time.Duration.between(wentLive, ended).toMillis();
        for (int i = 0; i < segments.size(); i++) {
            jdbc.sql("UPDATE live_segment SET received_at = ? WHERE id = ?")
                    .params(wentLive.plusNanos(span * (i + 1) / segments.size() * 1_000_000), segments.get(i)).update();
        }
        said.forEach((id, at) -> jdbc.sql("UPDATE live_message SET created_at = ? WHERE id = ? AND session_id = ?")
                .params(at, id, sessionId).update());
        snapshots.sessionChanged(sessionId);
    }
}
