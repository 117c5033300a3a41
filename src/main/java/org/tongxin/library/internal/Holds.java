package org.tongxin.library.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Holds (预约) on titles. The queue is the WAITING holds of a title in queue_no order; a reader's place is their
 * rank in it, counted when asked, so places never collide and never skip.
 */
@Repository
public class Holds {

    /** Where a hold stands. */
    public enum Status {
        WAITING, IN_TRANSIT, READY, FULFILLED, CANCELLED, EXPIRED;

        public boolean open() {
            return this == WAITING || this == IN_TRANSIT || this == READY;
        }
    }

    /** A hold with its title's name and, while waiting, its place in the queue. */
    public record Hold(long id, long titleId, String title, long employeeId, long pickupRoomId, long queueNo,
                       Status status, Long copyId, OffsetDateTime readyAt, OffsetDateTime pickupBy,
                       OffsetDateTime createdAt, OffsetDateTime closedAt, Integer place) {
    }

    private static final String COLUMNS = """
            SELECT h.id, h.title_id, t.title, h.employee_id, h.pickup_room_id, h.queue_no, h.status, h.copy_id,
              h.ready_at, h.pickup_by, h.created_at, h.closed_at,
              CASE WHEN h.status = 'WAITING' THEN (SELECT count(*) FROM library_hold w WHERE w.title_id = h.title_id
                AND w.status = 'WAITING' AND w.queue_no <= h.queue_no)::int END AS place
            FROM library_hold h JOIN library_title t ON t.id = h.title_id""";
    private static final RowMapper<Hold> MAPPER = (rs, i) -> new Hold(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getLong(4), rs.getLong(5), rs.getLong(6), Status.valueOf(rs.getString(7)), rs.getObject(8, Long.class),
            rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class),
            rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class),
            rs.getObject(13, Integer.class));

    private final JdbcClient jdbc;

    Holds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long titleId, long employeeId, long pickupRoomId) {
        return jdbc.sql("""
                        INSERT INTO library_hold (title_id, employee_id, pickup_room_id, status)
                        VALUES (?, ?, ?, 'WAITING') RETURNING id""")
                .params(titleId, employeeId, pickupRoomId).query(Long.class).single();
    }

    public Optional<Hold> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE h.id = ?").param(id).query(MAPPER).optional();
    }

    public Optional<Hold> openOf(long employeeId, long titleId) {
        return jdbc.sql(COLUMNS + " WHERE h.employee_id = ? AND h.title_id = ? AND h.status IN ('WAITING', 'IN_TRANSIT', 'READY')")
                .params(employeeId, titleId).query(MAPPER).optional();
    }

    /** The head of the title's queue (the caller holds the title's lock). */
    public Optional<Hold> head(long titleId) {
        return jdbc.sql(COLUMNS + " WHERE h.title_id = ? AND h.status = 'WAITING' ORDER BY h.queue_no LIMIT 1")
                .param(titleId).query(MAPPER).optional();
    }

    public int waiting(long titleId) {
        return jdbc.sql("SELECT count(*) FROM library_hold WHERE title_id = ? AND status = 'WAITING'").param(titleId)
                .query(Integer.class).single();
    }

    /** The open hold a copy is caught for, if any. */
    public Optional<Hold> caughtFor(long copyId) {
        return jdbc.sql(COLUMNS + " WHERE h.copy_id = ? AND h.status IN ('IN_TRANSIT', 'READY')").param(copyId)
                .query(MAPPER).optional();
    }

    public List<Hold> of(long employeeId) {
        return jdbc.sql(COLUMNS + " WHERE h.employee_id = ? ORDER BY h.status IN ('WAITING', 'IN_TRANSIT', 'READY') DESC, h.created_at DESC LIMIT 50")
                .param(employeeId).query(MAPPER).list();
    }

    /** Holds ready on a room's shelf, for the officers' pickup list. */
    public List<Hold> readyIn(long roomId) {
        return jdbc.sql(COLUMNS + " WHERE h.pickup_room_id = ? AND h.status = 'READY' ORDER BY h.pickup_by")
                .param(roomId).query(MAPPER).list();
    }

    public void inTransit(long id, long copyId) {
        jdbc.sql("UPDATE library_hold SET status = 'IN_TRANSIT', copy_id = ? WHERE id = ?").params(copyId, id).update();
    }

    public void ready(long id, long copyId, OffsetDateTime at, OffsetDateTime pickupBy) {
        jdbc.sql("UPDATE library_hold SET status = 'READY', copy_id = ?, ready_at = ?, pickup_by = ? WHERE id = ?")
                .params(copyId, at, pickupBy, id).update();
    }

    public void close(long id, Status status, OffsetDateTime at) {
        jdbc.sql("UPDATE library_hold SET status = ?, closed_at = ? WHERE id = ?").params(status.name(), at, id).update();
    }

    /** Ready holds whose pickup deadline has passed, oldest first. */
    public List<Hold> pickupsMissed(OffsetDateTime now) {
        return jdbc.sql(COLUMNS + " WHERE h.status = 'READY' AND h.pickup_by < ? ORDER BY h.pickup_by")
                .param(now).query(MAPPER).list();
    }
}
