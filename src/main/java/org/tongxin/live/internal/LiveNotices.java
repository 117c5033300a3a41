package org.tongxin.live.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.live.LiveCancelled;
import org.tongxin.live.LiveScheduled;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;

/**
 * Inbox notices of a session to everyone invited: the invitation when it is scheduled, a reminder shortly before it
 * starts, and the cancellation (the first and last heard synchronously from {@link LiveService}'s own events, so
 * they are decided in its transaction). Each is a {@link NotificationRequested}, delivered by notify after the transaction
 * that decided it commits: a subtree audience as one request for the subtree, officers and lists person by person.
 * A public session has no list of people, so nobody is told (its organiser shares the link). Each is a template
 * ({@code notice.live.*}), read in each person's own language.
 */
@Service
public class LiveNotices {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final LiveService live;
    private final Sessions sessions;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final int minutesBefore;

    LiveNotices(LiveService live, Sessions sessions, JdbcClient jdbc, ApplicationEventPublisher events,
                @Value("${tongxin.live.remind-minutes-before:15}") int minutesBefore) {
        this.live = live;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.events = events;
        this.minutesBefore = minutesBefore;
    }

    /** The invitation, in the scheduling transaction. */
    @EventListener
    void on(LiveScheduled scheduled) {
        Sessions.Session s = sessions.find(scheduled.sessionId()).orElseThrow();
        if (!s.endsAt().isAfter(live.now())) {
            return; // a session entered after it was held (a record of the past) invites nobody
        }
        tell(s, Message.of(NoticeKind.LIVE, "live.session-invited", link(s), s.title(), time(s.startsAt(), DAY_TIME),
                time(s.endsAt(), CLOCK)));
    }

    /** The cancellation, in the cancelling transaction. */
    @EventListener
    void on(LiveCancelled cancelled) {
        Sessions.Session s = sessions.find(cancelled.sessionId()).orElseThrow();
        tell(s, Message.of(NoticeKind.LIVE, "live.session-cancelled", link(s), s.title(),
                time(s.startsAt(), DAY_TIME)));
    }

    /**
     * Reminds the people of every session starting within the next minutes (scheduled, or already pushing a test
     * picture) that has not been reminded: the sessions are claimed with SKIP LOCKED and marked in the same
     * statement, so with two nodes each reminder goes out once, and the notices commit with the marks. A session
     * scheduled after its reminder time is not reminded: the invitation just sent says when it starts.
     *
     * @return how many sessions were reminded
     */
    @Transactional
    public int remindDue() {
        OffsetDateTime now = live.now();
        List<Long> claimed = jdbc.sql("""
                        UPDATE live_session SET reminded_at = ? WHERE id IN (
                          SELECT id FROM live_session WHERE reminded_at IS NULL AND state IN ('SCHEDULED', 'LIVE')
                            AND starts_at > ? AND starts_at <= ? AND created_at < starts_at - make_interval(mins => ?)
                          FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .params(now, now, now.plusMinutes(minutesBefore), minutesBefore).query(Long.class).list();
        for (long id : claimed) {
            Sessions.Session s = sessions.find(id).orElseThrow();
            tell(s, Message.of(NoticeKind.LIVE, "live.starting-soon", link(s), s.title(), time(s.startsAt(), CLOCK),
                    minutesBefore));
        }
        return claimed.size();
    }

    private static String link(Sessions.Session s) {
        return "/live/" + s.id();
    }

    private void tell(Sessions.Session s, Message message) {
        switch (s.audience()) {
            case "SUBTREE" -> events.publishEvent(NotificationRequested.toSubtree(s.audienceUnitId(), message));
            case "OFFICERS", "LIST" -> live.invited(s)
                    .forEach(e -> events.publishEvent(NotificationRequested.toEmployee(e, message)));
            default -> {
                // PUBLIC: nobody in particular is invited.
            }
        }
    }

    private static String time(OffsetDateTime t, DateTimeFormatter format) {
        return t.atZoneSameInstant(ZoneId.systemDefault()).format(format);
    }
}
