package org.tongxin.live.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongxin.live.LiveSessionState;
import org.tongxin.live.LiveViewing;
import org.tongxin.org.OrgDirectory;

/**
 * Live's countable records as snapshots for figures kept elsewhere — sessions, and each person's watching of a
 * session — read as they stand now. The services publish one after every change that counts, inside the change's
 * transaction; {@link org.tongxin.live.LiveHistory} replays them all through the same reads, so a replay gives
 * exactly what the services would publish now. A person counts in the union unit they belong to when the snapshot
 * is read.
 */
@Component
public class LiveSnapshots {

    private static final long MINUTE_MS = 60_000;
    private static final String SESSIONS = "SELECT id, host_unit_id, state, went_live_at FROM live_session";
    private static final String VIEWINGS = """
            SELECT w.session_id, w.employee_id, min(w.first_at) AS first_at, sum(w.watched_ms) AS watched_ms, s.state,
              EXISTS (SELECT 1 FROM live_attended a WHERE a.session_id = w.session_id
                        AND a.employee_id = w.employee_id) AS attended
            FROM live_watch w JOIN live_session s ON s.id = w.session_id
            WHERE %s
            GROUP BY w.session_id, w.employee_id, s.state
            ORDER BY w.session_id, w.employee_id""";

    private record ViewingRow(long sessionId, long employeeId, LocalDate firstOn, long minutes, boolean attended) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LiveSnapshots(JdbcClient jdbc, OrgDirectory org, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Whether {@code addedMs} more watch time, bringing a person's total to {@code totalMs}, makes another minute. */
    static boolean minuteReached(long totalMs, long addedMs) {
        return totalMs / MINUTE_MS != Math.max(0, totalMs - addedMs) / MINUTE_MS;
    }

    /** Publishes the session as it stands, after a change of it in the current transaction. */
    public void sessionChanged(long sessionId) {
        sessions(SESSIONS + " WHERE id = ?", List.of(sessionId), version()).forEach(events::publishEvent);
    }

    /** Publishes a person's watching of a session as it stands, after a change in the current transaction. */
    void viewingChanged(long sessionId, long employeeId) {
        viewings("w.session_id = ? AND w.employee_id = ?", List.of(sessionId, employeeId), version())
                .forEach(events::publishEvent);
    }

    /** Publishes everyone's watching of a session, once it has ended: their live minutes count from then. */
    void viewingsChanged(long sessionId) {
        viewings("w.session_id = ?", List.of(sessionId), version()).forEach(events::publishEvent);
    }

    /** Up to {@code limit} sessions after {@code afterId}, in id order. */
    public List<LiveSessionState> sessionsAfter(long afterId, int limit, long version) {
        return sessions(SESSIONS + " WHERE id > ? ORDER BY id LIMIT ?", List.of(afterId, limit), version);
    }

    /** Up to {@code limit} people's watching after the one given, in (session, employee) order. */
    public List<LiveViewing> viewingsAfter(long sessionId, long employeeId, int limit, long version) {
        return viewings("""
                        (w.session_id, w.employee_id) IN (SELECT DISTINCT session_id, employee_id FROM live_watch
                          WHERE (session_id, employee_id) > (?, ?) ORDER BY session_id, employee_id LIMIT ?)""",
                List.of(sessionId, employeeId, limit), version);
    }

    private List<LiveSessionState> sessions(String sql, List<Object> params, long version) {
        return jdbc.sql(sql).params(params)
                .query((rs, i) -> new LiveSessionState(rs.getLong("id"), rs.getLong("host_unit_id"),
                        rs.getString("state"), day(rs, "went_live_at"), version))
                .list();
    }

    private List<LiveViewing> viewings(String where, List<Object> params, long version) {
        List<ViewingRow> rows = jdbc.sql(VIEWINGS.formatted(where)).params(params)
                .query((rs, i) -> new ViewingRow(rs.getLong("session_id"), rs.getLong("employee_id"),
                        day(rs, "first_at"),
                        rs.getString("state").equals("ENDED") ? rs.getLong("watched_ms") / MINUTE_MS : 0,
                        rs.getBoolean("attended")))
                .list();
        Map<Long, Long> units = org.unitIdsOf(rows.stream().map(ViewingRow::employeeId).distinct().toList());
        return rows.stream().map(r -> new LiveViewing(r.sessionId(), r.employeeId(), units.get(r.employeeId()),
                r.firstOn(), r.minutes(), r.attended(), version)).toList();
    }

    /** The day of a moment in the platform's time zone, as every page shows it. */
    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
    }

    private long version() {
        Instant now = Instant.now(clock);
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
