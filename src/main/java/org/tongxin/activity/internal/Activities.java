package org.tongxin.activity.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Activities, their hosts, invitees and seats. */
@Repository
public class Activities {

    static final String COLUMNS = "id, title, type, description, place, venue_id, starts_at, ends_at, signup_opens_at, "
            + "signup_closes_at, capacity, audience, audience_unit_id, lottery, lottery_seed, drawn_at, lead_unit_id, "
            + "status, cancel_reason, checkin_token, cover_key, created_by";

    /**
     * Reads {@link #COLUMNS} by position. (A record mapped by class goes through SimplePropertyRowMapper, which asks the
     * result set for each camelCase component name before its snake_case column and pays a driver exception for every
     * miss: 13 per activity read, on every sign-up.)
     */
    static final RowMapper<Activity> MAPPER = (rs, i) -> new Activity(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getObject(6, Long.class), rs.getObject(7, OffsetDateTime.class),
            rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class),
            rs.getObject(10, OffsetDateTime.class), rs.getInt(11), rs.getString(12), rs.getObject(13, Long.class),
            rs.getBoolean(14), rs.getString(15), rs.getObject(16, OffsetDateTime.class), rs.getLong(17), rs.getString(18),
            rs.getString(19), rs.getString(20), rs.getString(21), rs.getLong(22));

    /** A host body of an activity; the lead is listed first. */
    public record Host(long unitId, boolean lead) {
    }

    /** What an activity is about, as entered. */
    public record Draft(String title, String type, String description, String place, Long venueId,
                        OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime signupOpensAt,
                        OffsetDateTime signupClosesAt, int capacity, String audience, Long audienceUnitId,
                        boolean lottery, long leadUnitId) {
    }

    private final JdbcClient jdbc;

    Activities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Draft d, String checkinToken, long createdBy) {
        return jdbc.sql("""
                        INSERT INTO activity (title, type, description, place, venue_id, starts_at, ends_at,
                          signup_opens_at, signup_closes_at, capacity, audience, audience_unit_id, lottery,
                          lead_unit_id, status, checkin_token, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?) RETURNING id""")
                .params(d.title(), d.type(), d.description(), d.place(), d.venueId(), d.startsAt(), d.endsAt(),
                        d.signupOpensAt(), d.signupClosesAt(), d.capacity(), d.audience(), d.audienceUnitId(),
                        d.lottery(), d.leadUnitId(), checkinToken, createdBy)
                .query(Long.class).single();
    }

    public void update(long id, Draft d) {
        jdbc.sql("""
                        UPDATE activity SET title = ?, type = ?, description = ?, place = ?, venue_id = ?, starts_at = ?,
                          ends_at = ?, signup_opens_at = ?, signup_closes_at = ?, capacity = ?, audience = ?,
                          audience_unit_id = ?, lottery = ?
                        WHERE id = ?""")
                .params(d.title(), d.type(), d.description(), d.place(), d.venueId(), d.startsAt(), d.endsAt(),
                        d.signupOpensAt(), d.signupClosesAt(), d.capacity(), d.audience(), d.audienceUnitId(),
                        d.lottery(), id)
                .update();
    }

    public Optional<Activity> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity WHERE id = ?").param(id).query(MAPPER).optional();
    }

    public Optional<Activity> findForUpdate(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity WHERE id = ? FOR UPDATE").param(id)
                .query(MAPPER).optional();
    }

    public void setStatus(long id, String status) {
        jdbc.sql("UPDATE activity SET status = ? WHERE id = ?").params(status, id).update();
    }

    public void cancel(long id, String reason) {
        jdbc.sql("UPDATE activity SET status = 'CANCELLED', cancel_reason = ? WHERE id = ?").params(reason, id).update();
    }

    public void setCover(long id, String coverKey) {
        jdbc.sql("UPDATE activity SET cover_key = ? WHERE id = ?").params(coverKey, id).update();
    }

    public void drawn(long id, String seed) {
        jdbc.sql("UPDATE activity SET lottery_seed = ?, drawn_at = now() WHERE id = ?").params(seed, id).update();
    }

    public void setHosts(long id, long leadUnitId, Collection<Long> coHosts) {
        jdbc.sql("DELETE FROM activity_host WHERE activity_id = ?").param(id).update();
        jdbc.sql("INSERT INTO activity_host (activity_id, unit_id, lead) VALUES (?, ?, true)").params(id, leadUnitId)
                .update();
        for (Long unit : coHosts) {
            if (unit != leadUnitId) {
                jdbc.sql("INSERT INTO activity_host (activity_id, unit_id, lead) VALUES (?, ?, false) ON CONFLICT DO NOTHING")
                        .params(id, unit).update();
            }
        }
    }

    public List<Host> hosts(long id) {
        return jdbc.sql("SELECT unit_id, lead FROM activity_host WHERE activity_id = ? ORDER BY lead DESC, unit_id")
                .param(id).query(Host.class).list();
    }

    /** {@link #hosts(long)} of many activities in one query, by activity (an activity without hosts is left out). */
    public Map<Long, List<Host>> hosts(Collection<Long> ids) {
        Map<Long, List<Host>> out = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            SELECT activity_id, unit_id, lead FROM activity_host WHERE activity_id = ANY(?)
                            ORDER BY activity_id, lead DESC, unit_id""")
                    .param(ids.toArray(Long[]::new))
                    .query((rs, i) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Host(rs.getLong(2), rs.getBoolean(3))))
                    .list();
        }
        return out;
    }

    public void setInvitees(long id, Collection<Long> employeeIds) {
        jdbc.sql("DELETE FROM activity_invitee WHERE activity_id = ?").param(id).update();
        for (Long e : employeeIds) {
            jdbc.sql("INSERT INTO activity_invitee (activity_id, employee_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(id, e).update();
        }
    }

    public List<Long> invitees(long id) {
        return jdbc.sql("SELECT employee_id FROM activity_invitee WHERE activity_id = ? ORDER BY employee_id").param(id)
                .query(Long.class).list();
    }

    public boolean invited(long id, long employeeId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM activity_invitee WHERE activity_id = ? AND employee_id = ?)")
                .params(id, employeeId).query(Boolean.class).single();
    }

    /** Adds the seats from the current number up to the capacity. */
    public void addSeats(long id, int capacity) {
        jdbc.sql("""
                        INSERT INTO activity_seat (activity_id, seat_no)
                        SELECT ?, s FROM generate_series(
                          (SELECT coalesce(max(seat_no), 0) + 1 FROM activity_seat WHERE activity_id = ?), ?) s""")
                .params(id, id, capacity).update();
    }

    /**
     * Activities published (or later) that an employee of the unit path {@code pathIds} may see: for a subtree
     * the employee is in, or listing them; starting from {@code from}, soonest first.
     */
    public List<Activity> openTo(long employeeId, List<Long> pathIds, OffsetDateTime from, String type, Long hostUnitId,
                                 int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity a WHERE status <> 'DRAFT' AND ends_at >= ?"
                        + " AND (audience_unit_id = ANY(?::bigint[]) OR (audience = 'LIST' AND EXISTS ("
                        + "SELECT 1 FROM activity_invitee i WHERE i.activity_id = a.id AND i.employee_id = ?)))"
                        + " AND (CAST(? AS TEXT) IS NULL OR type = ?)"
                        + " AND (CAST(? AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM activity_host h"
                        + " WHERE h.activity_id = a.id AND h.unit_id = ?))"
                        + " ORDER BY starts_at, id LIMIT ?")
                .params(from, pathIds.toArray(Long[]::new), employeeId, type, type, hostUnitId, hostUnitId, limit)
                .query(MAPPER).list();
    }

    /** Activities any of the given units hosts (all when null), newest first. */
    public List<Activity> hostedBy(Collection<Long> unitIds, int limit) {
        if (unitIds != null && unitIds.isEmpty()) {
            return List.of();
        }
        String where = unitIds == null ? "" : " WHERE id IN (SELECT activity_id FROM activity_host"
                + " WHERE unit_id = ANY(?::bigint[]))";
        var sql = jdbc.sql("SELECT " + COLUMNS + " FROM activity" + where + " ORDER BY starts_at DESC, id DESC LIMIT ?");
        if (unitIds != null) {
            sql = sql.param(unitIds.toArray(Long[]::new));
        }
        return sql.param(limit).query(MAPPER).list();
    }

    /** Published lottery activities whose window has closed without a draw. */
    public List<Long> awaitingDraw(OffsetDateTime now) {
        return jdbc.sql("""
                        SELECT id FROM activity WHERE lottery AND drawn_at IS NULL AND status = 'PUBLISHED'
                        AND signup_closes_at <= ? ORDER BY id""")
                .param(now).query(Long.class).list();
    }

    /**
     * Activities that have not started, are past any draw, and hold a free seat while someone waits: left so
     * when a cancel with nobody waiting freed its seat while a sign-up that saw no free seat was committing.
     */
    public List<Long> withFreeSeatWhileWaiting(OffsetDateTime now) {
        return jdbc.sql("""
                        SELECT a.id FROM activity a
                        WHERE a.status = 'PUBLISHED' AND a.starts_at > ? AND (NOT a.lottery OR a.drawn_at IS NOT NULL)
                          AND EXISTS (SELECT 1 FROM activity_seat s WHERE s.activity_id = a.id AND s.registration_id IS NULL)
                          AND EXISTS (SELECT 1 FROM activity_registration r WHERE r.activity_id = a.id AND r.status = 'ACTIVE'
                            AND NOT EXISTS (SELECT 1 FROM activity_seat s WHERE s.registration_id = r.id))
                        ORDER BY a.id""")
                .param(now).query(Long.class).list();
    }
}
