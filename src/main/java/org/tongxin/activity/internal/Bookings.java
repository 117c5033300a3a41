package org.tongxin.activity.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.shared.db.AdvisoryLocks;

/** Bookings of venues. Two approved bookings of one venue never overlap: the table's exclusion constraint sees to it. */
@Repository
public class Bookings {

    private static final String COLUMNS = "b.id, b.venue_id, b.unit_id, b.activity_id, b.purpose, b.starts_at, "
            + "b.ends_at, b.status, b.requested_by, b.requester_employee_id, b.requester_name, b.requested_at, "
            + "b.decided_by, b.decided_at, b.decline_reason, b.cancelled_by, b.cancelled_at";

    /** A booking as asked for; {@code activityId} when an activity books the venue. */
    public record Request(long venueId, long unitId, Long activityId, String purpose, OffsetDateTime startsAt,
                          OffsetDateTime endsAt) {
    }

    /** Who asked: the account, the employee behind it (null for a technical account) and the name shown. */
    public record Requester(long accountId, Long employeeId, String name) {
    }

    private final JdbcClient jdbc;

    Bookings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a request, PENDING, or APPROVED by {@code approvedBy} at once when that is given. */
    public long insert(Request r, Requester by, Long approvedBy) {
        return jdbc.sql("""
                        INSERT INTO activity_booking (venue_id, unit_id, activity_id, purpose, starts_at, ends_at, status,
                          requested_by, requester_employee_id, requester_name, decided_by, decided_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN now() END) RETURNING id""")
                .params(r.venueId(), r.unitId(), r.activityId(), r.purpose(), r.startsAt(), r.endsAt(),
                        approvedBy == null ? "PENDING" : "APPROVED", by.accountId(), by.employeeId(), by.name(),
                        approvedBy, approvedBy != null)
                .query(Long.class).single();
    }

    public Optional<Booking> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity_booking b WHERE b.id = ?").param(id).query(Booking.class)
                .optional();
    }

    /** The booking, locked until the transaction ends, so two decisions on it take turns. */
    public Optional<Booking> findForUpdate(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity_booking b WHERE b.id = ? FOR UPDATE").param(id)
                .query(Booking.class).optional();
    }

    /** Writes that may approve a booking of the venue take turns until the transaction ends. */
    public void serialiseApprovals(long venueId) {
        AdvisoryLocks.holdUntilCommit(jdbc, "venue-approvals", venueId);
    }

    public void approve(long id, long accountId) {
        jdbc.sql("UPDATE activity_booking SET status = 'APPROVED', decided_by = ?, decided_at = now() WHERE id = ?")
                .params(accountId, id).update();
    }

    public void decline(long id, long accountId, String reason) {
        jdbc.sql("""
                        UPDATE activity_booking SET status = 'DECLINED', decided_by = ?, decided_at = now(),
                          decline_reason = ? WHERE id = ?""")
                .params(accountId, reason, id).update();
    }

    public void cancel(long id, long accountId) {
        jdbc.sql("UPDATE activity_booking SET status = 'CANCELLED', cancelled_by = ?, cancelled_at = now() WHERE id = ?")
                .params(accountId, id).update();
    }

    public void attach(long id, long activityId) {
        jdbc.sql("UPDATE activity_booking SET activity_id = ? WHERE id = ?").params(activityId, id).update();
    }

    /** Whether an approved booking of the venue shares an instant with the range. */
    public boolean overlapsApproved(long venueId, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM activity_booking WHERE venue_id = ? AND status = 'APPROVED'
                          AND tstzrange(starts_at, ends_at) && tstzrange(?, ?))""")
                .params(venueId, from, to).query(Boolean.class).single();
    }

    /** The venue's pending and approved bookings that meet the range, in time order. */
    public List<Booking> live(long venueId, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity_booking b WHERE b.venue_id = ?"
                        + " AND tstzrange(b.starts_at, b.ends_at) && tstzrange(?, ?)"
                        + " AND b.status IN ('PENDING', 'APPROVED') ORDER BY b.starts_at, b.id")
                .params(venueId, from, to).query(Booking.class).list();
    }

    /** Requests not yet over waiting for the owners among {@code ownerUnitIds} (every owner when null), soonest first. */
    public List<Booking> pendingFor(Collection<Long> ownerUnitIds, OffsetDateTime now, int limit) {
        return ownedBy(ownerUnitIds, "SELECT " + COLUMNS + " FROM activity_booking b JOIN activity_venue v ON v.id = b.venue_id"
                + " WHERE b.status = 'PENDING' AND b.ends_at > ?", " ORDER BY b.starts_at, b.id LIMIT ?", now, limit)
                .query(Booking.class).list();
    }

    public int countPendingFor(Collection<Long> ownerUnitIds, OffsetDateTime now) {
        return ownedBy(ownerUnitIds, "SELECT count(*) FROM activity_booking b JOIN activity_venue v ON v.id = b.venue_id"
                + " WHERE b.status = 'PENDING' AND b.ends_at > ?", "", now, null).query(Integer.class).single();
    }

    private JdbcClient.StatementSpec ownedBy(Collection<Long> ownerUnitIds, String select, String tail,
                                             OffsetDateTime now, Integer limit) {
        String sql = select + (ownerUnitIds == null ? "" : " AND v.owner_unit_id = ANY(?::bigint[])") + tail;
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param(now);
        if (ownerUnitIds != null) {
            spec = spec.param(ownerUnitIds.toArray(Long[]::new));
        }
        return limit == null ? spec : spec.param(limit);
    }

    /** Bookings not yet over that the given bodies asked for, in any status, soonest first. */
    public List<Booking> askedBy(Collection<Long> unitIds, OffsetDateTime now, int limit) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity_booking b WHERE b.unit_id = ANY(?::bigint[])"
                        + " AND b.ends_at > ? ORDER BY b.starts_at, b.id LIMIT ?")
                .params(unitIds.toArray(Long[]::new), now, limit).query(Booking.class).list();
    }

    /** The activity's pending or approved booking. */
    public Optional<Booking> liveOf(long activityId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity_booking b WHERE b.activity_id = ?"
                        + " AND b.status IN ('PENDING', 'APPROVED')")
                .param(activityId).query(Booking.class).optional();
    }

    /** The activity's latest booking in any status: what its page tells about the venue. */
    public Optional<Booking> latestOf(long activityId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity_booking b WHERE b.activity_id = ? ORDER BY b.id DESC LIMIT 1")
                .param(activityId).query(Booking.class).optional();
    }

    /**
     * A pending or approved booking the body holds for the venue, tied to no activity, that covers the whole range
     * (an approved one first): an activity planned after the venue was asked for takes it over.
     */
    public Optional<Booking> heldCovering(long venueId, long unitId, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity_booking b WHERE b.venue_id = ? AND b.unit_id = ?"
                        + " AND b.activity_id IS NULL AND b.status IN ('PENDING', 'APPROVED')"
                        + " AND b.starts_at <= ? AND b.ends_at >= ? ORDER BY b.status = 'APPROVED' DESC, b.id LIMIT 1")
                .params(venueId, unitId, from, to).query(Booking.class).optional();
    }
}
