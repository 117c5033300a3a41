package org.tongxin.library.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Copies (馆藏) of titles in reading rooms. */
@Repository
public class Copies {

    /** Where a copy stands. */
    public enum Status {
        AVAILABLE, ON_LOAN, ON_HOLD_SHELF, IN_TRANSIT, LOST, WITHDRAWN
    }

    /** A copy with a barcode; {@code roomId} is where it is, or where it is heading when in transit. */
    public record Copy(long id, long titleId, String barcode, long homeRoomId, long roomId, Status status,
                       String statusNote, OffsetDateTime addedAt) {
    }

    /** How many copies of a title a room has and how many of them are on its shelf. */
    public record Availability(long titleId, long roomId, int copies, int available) {
    }

    private static final String COLUMNS = "SELECT id, title_id, barcode, home_room_id, room_id, status, status_note, "
            + "added_at FROM library_copy";
    private static final RowMapper<Copy> MAPPER = (rs, i) -> new Copy(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getLong(4), rs.getLong(5), Status.valueOf(rs.getString(6)), rs.getString(7),
            rs.getObject(8, OffsetDateTime.class));

    private final JdbcClient jdbc;

    Copies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Copy> byBarcode(String barcode) {
        return jdbc.sql(COLUMNS + " WHERE barcode = ?").param(barcode).query(MAPPER).optional();
    }

    public Optional<Copy> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(MAPPER).optional();
    }

    /** Locks the copy: everything that changes a copy's status takes this lock first. */
    public Optional<Copy> lockByBarcode(String barcode) {
        return jdbc.sql(COLUMNS + " WHERE barcode = ? FOR UPDATE").param(barcode).query(MAPPER).optional();
    }

    public Copy lock(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ? FOR UPDATE").param(id).query(MAPPER).single();
    }

    public List<Copy> ofTitle(long titleId) {
        return jdbc.sql(COLUMNS + " WHERE title_id = ? ORDER BY barcode").param(titleId).query(MAPPER).list();
    }

    public List<Copy> inRoom(long roomId, Status status) {
        return jdbc.sql(COLUMNS + " WHERE room_id = ? AND status = ? ORDER BY barcode").params(roomId, status.name())
                .query(MAPPER).list();
    }

    /** A new copy with the next barcode, available on its home room's shelf. */
    public Copy insert(long titleId, long roomId, long addedBy) {
        return jdbc.sql("""
                        INSERT INTO library_copy (title_id, barcode, home_room_id, room_id, status, added_by)
                        VALUES (?, 'T' || lpad(nextval('library_barcode_seq')::text, 8, '0'), ?, ?, 'AVAILABLE', ?)
                        RETURNING id, title_id, barcode, home_room_id, room_id, status, status_note, added_at""")
                .params(titleId, roomId, roomId, addedBy).query(MAPPER).single();
    }

    public void move(long id, Status status, long roomId) {
        jdbc.sql("UPDATE library_copy SET status = ?, room_id = ?, status_note = NULL WHERE id = ?")
                .params(status.name(), roomId, id).update();
    }

    public void rehome(long id, long roomId) {
        jdbc.sql("UPDATE library_copy SET home_room_id = ? WHERE id = ?").params(roomId, id).update();
    }

    public void setStatus(long id, Status status, String note) {
        jdbc.sql("UPDATE library_copy SET status = ?, status_note = ? WHERE id = ?").params(status.name(), note, id)
                .update();
    }

    /** Copies and copies on the shelf, per room, for the titles given. */
    public List<Availability> availability(List<Long> titleIds) {
        if (titleIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT title_id, room_id, count(*) FILTER (WHERE status <> 'IN_TRANSIT'),
                          count(*) FILTER (WHERE status = 'AVAILABLE')
                        FROM library_copy WHERE title_id IN (:ids) AND status NOT IN ('LOST', 'WITHDRAWN')
                        GROUP BY title_id, room_id""")
                .param("ids", titleIds)
                .query((rs, i) -> new Availability(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4))).list();
    }

    public int availableCount(long titleId) {
        return jdbc.sql("SELECT count(*) FROM library_copy WHERE title_id = ? AND status = 'AVAILABLE'").param(titleId)
                .query(Integer.class).single();
    }
}
