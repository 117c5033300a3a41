package org.tongxin.live.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Live sessions. */
@Repository
public class Sessions {

    /** A session as scheduled and where it stands. */
    public record Session(long id, String title, String description, long hostUnitId, long presenterAccountId,
                          long organiserAccountId, OffsetDateTime startsAt, OffsetDateTime endsAt, String audience,
                          Long audienceUnitId, Long courseId, int attendPercent, String coverKey, String state,
                          OffsetDateTime wentLiveAt, OffsetDateTime endedAt, OffsetDateTime lastIngestAt,
                          OffsetDateTime replayUntil) {

        /** The scheduled length, the measure of attendance. */
        public long scheduledMs() {
            return Duration.between(startsAt, endsAt).toMillis();
        }

        public boolean replayAvailable(OffsetDateTime now) {
            return state.equals("ENDED") && replayUntil != null && replayUntil.isAfter(now);
        }

        /** Whether {@code accountId} may see the stream key. */
        public boolean keyHolder(long accountId) {
            return accountId == presenterAccountId || accountId == organiserAccountId;
        }
    }

    /** What an organiser schedules. */
    public record Draft(String title, String description, long hostUnitId, long presenterAccountId,
                        OffsetDateTime startsAt, OffsetDateTime endsAt, String audience, Long audienceUnitId,
                        List<Long> invitees, Long courseId, int attendPercent) {
    }

    static final String COLUMNS = "SELECT id, title, description, host_unit_id, presenter_account_id, "
            + "organiser_account_id, starts_at, ends_at, audience, audience_unit_id, course_id, attend_percent, cover_key, "
            + "state, went_live_at, ended_at, last_ingest_at, replay_until FROM live_session";
    static final RowMapper<Session> MAPPER = (rs, i) -> new Session(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getObject(7, OffsetDateTime.class),
            rs.getObject(8, OffsetDateTime.class), rs.getString(9), rs.getObject(10, Long.class),
            rs.getObject(11, Long.class), rs.getInt(12), rs.getString(13), rs.getString(14),
            rs.getObject(15, OffsetDateTime.class), rs.getObject(16, OffsetDateTime.class),
            rs.getObject(17, OffsetDateTime.class), rs.getObject(18, OffsetDateTime.class));

    private final JdbcClient jdbc;

    Sessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Draft d, long organiser, String keyEncrypted, String keyHash) {
        long id = jdbc.sql("""
                        INSERT INTO live_session (title, description, host_unit_id, presenter_account_id,
                          organiser_account_id, starts_at, ends_at, audience, audience_unit_id, course_id, attend_percent,
                          stream_key_encrypted, stream_key_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(d.title(), d.description(), d.hostUnitId(), d.presenterAccountId(), organiser, d.startsAt(),
                        d.endsAt(), d.audience(), d.audienceUnitId(), d.courseId(), d.attendPercent(), keyEncrypted,
                        keyHash)
                .query(Long.class).single();
        if (d.audience().equals("LIST")) {
            for (Long e : d.invitees()) {
                jdbc.sql("INSERT INTO live_invitee (session_id, employee_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                        .params(id, e).update();
            }
        }
        return id;
    }

    public Optional<Session> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(MAPPER).optional();
    }

    Optional<Session> lock(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ? FOR UPDATE").param(id).query(MAPPER).optional();
    }

    Optional<Session> byKeyHash(String hash) {
        return jdbc.sql(COLUMNS + " WHERE stream_key_hash = ?").param(hash).query(MAPPER).optional();
    }

    String encryptedKey(long id) {
        return jdbc.sql("SELECT stream_key_encrypted FROM live_session WHERE id = ?").param(id).query(String.class)
                .single();
    }

    void newKey(long id, String keyEncrypted, String keyHash) {
        jdbc.sql("UPDATE live_session SET stream_key_encrypted = ?, stream_key_hash = ? WHERE id = ?")
                .params(keyEncrypted, keyHash, id).update();
    }

    void ended(long id, OffsetDateTime at, OffsetDateTime replayUntil) {
        jdbc.sql("UPDATE live_session SET state = 'ENDED', ended_at = ?, replay_until = ? WHERE id = ?")
                .params(at, replayUntil, id).update();
    }

    void cancelled(long id) {
        jdbc.sql("UPDATE live_session SET state = 'CANCELLED' WHERE id = ?").param(id).update();
    }

    /** Whether the employee is on the list of a LIST session. */
    boolean invited(long sessionId, long employeeId) {
        return jdbc.sql("SELECT count(*) FROM live_invitee WHERE session_id = ? AND employee_id = ?")
                .params(sessionId, employeeId).query(Long.class).single() > 0;
    }

    List<Long> invitees(long sessionId) {
        return jdbc.sql("SELECT employee_id FROM live_invitee WHERE session_id = ? ORDER BY employee_id")
                .param(sessionId).query(Long.class).list();
    }

    /** Live sessions the encoder stopped feeding after their scheduled end: they are over. */
    List<Long> idleAfterEnd(OffsetDateTime now, OffsetDateTime silentSince) {
        return jdbc.sql("""
                        SELECT id FROM live_session WHERE state = 'LIVE' AND ends_at < ?
                          AND (last_ingest_at IS NULL OR last_ingest_at < ?)""")
                .params(now, silentSince).query(Long.class).list();
    }

    /** Ended sessions whose replay is past its retention, with segments still kept. */
    List<Long> replaysExpired(OffsetDateTime now) {
        return jdbc.sql("""
                        SELECT s.id FROM live_session s WHERE s.state = 'ENDED' AND (s.replay_until IS NULL OR s.replay_until < ?)
                          AND EXISTS (SELECT 1 FROM live_segment g WHERE g.session_id = s.id)""")
                .param(now).query(Long.class).list();
    }

    void clearSegments(long sessionId) {
        jdbc.sql("DELETE FROM live_segment WHERE session_id = ?").param(sessionId).update();
        jdbc.sql("UPDATE live_session SET live_playlist = NULL WHERE id = ?").param(sessionId).update();
    }

    void setCover(long id, String coverKey) {
        jdbc.sql("UPDATE live_session SET cover_key = ? WHERE id = ?").params(coverKey, id).update();
    }

    /** Sessions of the units given, soonest first (the organisers' list). */
    public List<Session> ofUnits(Collection<Long> unitIds, int limit) {
        Long[] units = unitIds == null ? null : unitIds.toArray(Long[]::new);
        return jdbc.sql(COLUMNS + " WHERE (CAST(? AS bigint[]) IS NULL OR host_unit_id = ANY(?)) ORDER BY starts_at DESC LIMIT ?")
                .params(units, units, limit).query(MAPPER).list();
    }

    /** Sessions not cancelled whose window touches [from, to), for the viewers' list (audience filtered by caller). */
    public List<Session> between(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql(COLUMNS + " WHERE state <> 'CANCELLED' AND ends_at >= ? AND starts_at < ? ORDER BY starts_at")
                .params(from, to).query(MAPPER).list();
    }
}
