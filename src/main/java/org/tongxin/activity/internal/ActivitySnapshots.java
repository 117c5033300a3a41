package org.tongxin.activity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongxin.activity.ActivityTurnout;
import org.tongxin.activity.ShiftHours;

/**
 * Activities and volunteer shifts as the snapshots the module publishes after each change that counts, read the same
 * way for the live events and for the history's replay, so a replay produces exactly what the live code would
 * publish now.
 */
@Component
public class ActivitySnapshots {

    private static final String TURNOUT = """
            SELECT a.id, a.lead_unit_id, a.type, a.status, a.starts_at,
              ARRAY(SELECT h.unit_id FROM activity_host h WHERE h.activity_id = a.id AND NOT h.lead ORDER BY h.unit_id)
                AS co_hosts,
              (SELECT count(*) FROM activity_seat s WHERE s.activity_id = a.id AND s.registration_id IS NOT NULL)
                AS signed_up,
              (SELECT count(*) FROM activity_registration r WHERE r.activity_id = a.id AND r.status = 'ACTIVE'
                 AND r.checked_in_at IS NOT NULL) AS checked_in
            FROM activity a""";

    private static final String SHIFT = """
            SELECT s.id, p.lead_unit_id, s.starts_at, s.status, g.id AS signup_id, g.present, g.minutes
            FROM volunteer_shift s JOIN volunteer_project p ON p.id = s.project_id
              LEFT JOIN volunteer_signup g ON g.shift_id = s.id AND g.status = 'ACTIVE' AND g.present IS NOT NULL""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActivitySnapshots(JdbcClient jdbc, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Publishes the activity as it now stands, in the transaction of the change. */
    public void activityChanged(long activityId) {
        jdbc.sql(TURNOUT + " WHERE a.id = ?").param(activityId).query((rs, i) -> turnout(rs, version())).optional()
                .ifPresent(events::publishEvent);
    }

    /**
     * As {@link #activityChanged}, for check-ins and cancelled sign-ups: these count only once the activity is held
     * ({@link ActivityTurnout#held()}), so before that they publish nothing, and a rush of check-ins costs no more.
     */
    void attendanceChanged(Activity a) {
        if (a.status().equals("HELD") || a.status().equals("SUMMARISED")) {
            activityChanged(a.id());
        }
    }

    /** Activities with ids above {@code afterId}, in id order, as of now with version 0. */
    public List<ActivityTurnout> turnoutsAfter(long afterId, int limit) {
        return jdbc.sql(TURNOUT + " WHERE a.id > ? ORDER BY a.id LIMIT ?").params(afterId, limit)
                .query((rs, i) -> turnout(rs, 0)).list();
    }

    /** Publishes the shift's hours as they now stand, in the transaction of the change. */
    void shiftChanged(long shiftId) {
        List<ShiftHours> shifts = shifts(jdbc.sql(SHIFT + " WHERE s.id = ? ORDER BY g.id").param(shiftId), version());
        shifts.forEach(events::publishEvent);
    }

    /** Shifts with ids above {@code afterId}, in id order, as of now with version 0. */
    public List<ShiftHours> shiftsAfter(long afterId, int limit) {
        String page = " WHERE s.id IN (SELECT id FROM volunteer_shift WHERE id > ? ORDER BY id LIMIT ?)"
                + " ORDER BY s.id, g.id";
        return shifts(jdbc.sql(SHIFT + page).params(afterId, limit), 0);
    }

    private static ActivityTurnout turnout(ResultSet rs, long version) throws SQLException {
        List<Long> hosts = new ArrayList<>();
        hosts.add(rs.getLong("lead_unit_id"));
        Array coHosts = rs.getArray("co_hosts");
        hosts.addAll(Arrays.asList((Long[]) coHosts.getArray()));
        return new ActivityTurnout(rs.getLong("id"), hosts, rs.getString("type"), rs.getString("status"),
                day(rs.getObject("starts_at", OffsetDateTime.class)), rs.getInt("signed_up"), rs.getInt("checked_in"),
                version);
    }

    /** One row per recorded volunteer (or one for a shift with none), grouped into shifts. */
    private static List<ShiftHours> shifts(JdbcClient.StatementSpec sql, long version) {
        record Row(long shiftId, long leadUnitId, LocalDate startsOn, String status, ShiftHours.Served served) {
        }
        List<Row> rows = sql.query((rs, i) -> {
            Object signup = rs.getObject("signup_id");
            return new Row(rs.getLong("id"), rs.getLong("lead_unit_id"),
                    day(rs.getObject("starts_at", OffsetDateTime.class)), rs.getString("status"),
                    signup == null ? null : new ShiftHours.Served(((Number) signup).longValue(),
                            rs.getBoolean("present"), rs.getInt("minutes")));
        }).list();
        List<ShiftHours> out = new ArrayList<>();
        List<ShiftHours.Served> served = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.served() != null) {
                served.add(r.served());
            }
            if (i == rows.size() - 1 || rows.get(i + 1).shiftId() != r.shiftId()) {
                out.add(new ShiftHours(r.shiftId(), r.leadUnitId(), r.startsOn(), r.status(), served, version));
                served.clear();
            }
        }
        return out;
    }

    /** The day something starts on, in the server's time zone (the one the module's pages show). */
    private static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
    }

    private long version() {
        Instant now = Instant.now(clock);
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
