package org.tongxin.live.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.db.AdvisoryLocks;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Chat and questions of a session. Anyone of the audience who is logged in may write (a public session's anonymous
 * viewers read only), at most one message every {@value #MIN_GAP_S} seconds and {@value #PER_MINUTE} a minute;
 * a message may be a question for the presenter, which others upvote and the presenter marks answered. The
 * organiser, the presenter and the officers of the host unit moderate: hide a message, mute a person for the
 * session. Hidden messages stay stored (with who wrote them) but are no longer shown.
 */
@Service
public class Chat {

    static final int MIN_GAP_S = 3;
    static final int PER_MINUTE = 10;

    /** A message as the feed shows it. */
    public record Message(long id, long changeNo, String author, String body, boolean question, boolean answered,
                          boolean hidden, long upvotes, OffsetDateTime at) {
    }

    static final RowMapper<Message> MAPPER = (rs, i) -> new Message(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getLong(8),
            rs.getObject(9, OffsetDateTime.class));
    private static final String SELECT = """
            SELECT m.id, m.change_no, m.author_name, m.body, m.question, m.answered, m.hidden,
              (SELECT count(*) FROM live_upvote u WHERE u.message_id = m.id), m.created_at FROM live_message m""";

    private final JdbcClient jdbc;
    private final LiveService live;
    private final AuditTrail audit;

    Chat(JdbcClient jdbc, LiveService live, AuditTrail audit) {
        this.jdbc = jdbc;
        this.live = live;
        this.audit = audit;
    }

    /** Writes a message (or a question) as the viewer; refused when muted, too fast, empty or too long. */
    @Transactional
    public long post(Viewer viewer, long sessionId, String text, boolean question) {
        Sessions.Session s = live.watchable(viewer, sessionId);
        if (viewer == null || viewer.employeeId() == null && !s.keyHolder(viewer.accountId())) {
            throw new Refusal("live.error.logInToChat");
        }
        if (s.state().equals("CANCELLED")) {
            throw new Refusal("live.error.over");
        }
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > 300) {
            throw new Refusal("live.error.messageLength");
        }
        // One writer at a time per person and session, so two quick taps cannot both pass the rate check.
        AdvisoryLocks.holdUntilCommit(jdbc, "live-chat:" + sessionId, viewer.accountId());
        if (jdbc.sql("SELECT count(*) FROM live_mute WHERE session_id = ? AND account_id = ?")
                .params(sessionId, viewer.accountId()).query(Long.class).single() > 0) {
            throw new Refusal("live.error.muted");
        }
        Map<String, Object> recent = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE created_at > now() - make_interval(secs => ?)) AS burst,
                          count(*) AS minute FROM live_message
                        WHERE session_id = ? AND account_id = ? AND created_at > now() - interval '1 minute'""")
                .params(MIN_GAP_S, sessionId, viewer.accountId()).query().singleRow();
        if (((Number) recent.get("burst")).longValue() > 0 || ((Number) recent.get("minute")).longValue() >= PER_MINUTE) {
            throw new Refusal("live.error.tooFast");
        }
        return jdbc.sql("""
                        INSERT INTO live_message (session_id, account_id, author_name, body, question)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(sessionId, viewer.accountId(), viewer.displayName(), body, question).query(Long.class).single();
    }

    /** Upvotes a question once per person. */
    @Transactional
    public void upvote(Viewer viewer, long messageId) {
        Message m = message(viewer, messageId);
        if (!m.question() || viewer == null) {
            throw new Refusal("live.error.notQuestion");
        }
        if (jdbc.sql("INSERT INTO live_upvote (message_id, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(messageId, viewer.accountId()).update() == 1) {
            changed(messageId);
        }
    }

    @Transactional
    public void answer(Viewer moderator, long messageId) {
        moderate(moderator, messageId, "UPDATE live_message SET answered = true WHERE id = ? AND question",
                "live.chat.answer");
    }

    @Transactional
    public void hide(Viewer moderator, long messageId) {
        moderate(moderator, messageId, "UPDATE live_message SET hidden = true WHERE id = ?", "live.chat.hide");
    }

    private void moderate(Viewer moderator, long messageId, String update, String action) {
        long sessionId = moderated(moderator, messageId);
        jdbc.sql(update).param(messageId).update();
        changed(messageId);
        audit.record(moderator, action, "live_message", messageId, null, "", Map.of(), Map.of("sessionId", sessionId));
    }

    /** Mutes the writer of a message for the rest of the session. */
    @Transactional
    public void muteAuthor(Viewer moderator, long messageId) {
        long sessionId = moderated(moderator, messageId);
        long author = jdbc.sql("SELECT account_id FROM live_message WHERE id = ?").param(messageId)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO live_mute (session_id, account_id, muted_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(sessionId, author, moderator.accountId()).update();
        audit.record(moderator, "live.chat.mute", "live_session", sessionId, null, "", Map.of(),
                Map.of("accountId", author));
    }

    /** Messages changed after {@code afterChange}, oldest change first; hidden ones only to moderators. */
    public List<Message> since(long sessionId, long afterChange, int limit) {
        return jdbc.sql(SELECT + " WHERE m.session_id = ? AND m.change_no > ? ORDER BY m.change_no LIMIT ?")
                .params(sessionId, afterChange, limit).query(MAPPER).list();
    }

    /**
     * The newest {@code limit} messages in the order written: what a newcomer to the chat sees. (A feed that resumes
     * from these may get a change twice; pages update messages by id, so that is harmless.)
     */
    public List<Message> recent(long sessionId, int limit) {
        List<Message> newest = jdbc.sql(SELECT + " WHERE m.session_id = ? ORDER BY m.id DESC LIMIT ?")
                .params(sessionId, limit).query(MAPPER).list();
        return newest.reversed();
    }

    /** The highest change number of a session's chat so far (0 when empty). */
    public long lastChange(long sessionId) {
        return jdbc.sql("SELECT coalesce(max(change_no), 0) FROM live_message WHERE session_id = ?").param(sessionId)
                .query(Long.class).single();
    }

    /** Open questions, most upvoted first, for the presenter. */
    public List<Message> questions(long sessionId) {
        return jdbc.sql(SELECT + """
                         WHERE m.session_id = ? AND m.question AND NOT m.hidden
                        ORDER BY m.answered, (SELECT count(*) FROM live_upvote u WHERE u.message_id = m.id) DESC, m.id""")
                .param(sessionId).query(MAPPER).list();
    }

    public boolean moderates(Viewer viewer, long sessionId) {
        if (viewer == null) {
            return false;
        }
        try {
            live.runnable(viewer, sessionId);
            return true;
        } catch (NotFoundException | OutOfScopeException notTheirs) {
            return false;
        }
    }

    private Message message(Viewer viewer, long messageId) {
        long sessionId = sessionOf(messageId);
        live.watchable(viewer, sessionId);
        return jdbc.sql(SELECT + " WHERE m.id = ?").param(messageId).query(MAPPER).single();
    }

    private long moderated(Viewer moderator, long messageId) {
        long sessionId = sessionOf(messageId);
        live.runnable(moderator, sessionId);
        return sessionId;
    }

    private long sessionOf(long messageId) {
        return jdbc.sql("SELECT session_id FROM live_message WHERE id = ?").param(messageId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("message " + messageId));
    }

    private void changed(long messageId) {
        jdbc.sql("UPDATE live_message SET change_no = nextval('live_message_change_seq') WHERE id = ?")
                .param(messageId).update();
    }
}
