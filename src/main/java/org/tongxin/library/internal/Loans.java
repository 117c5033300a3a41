package org.tongxin.library.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loans of copies to employees; a loan is open until the copy comes back. */
@Repository
public class Loans {

    /** A loan with what lists show of its copy and title. */
    public record Loan(long id, long copyId, String barcode, long titleId, String title, long employeeId, long roomId,
                       String via, OffsetDateTime borrowedAt, OffsetDateTime dueAt, int renewals,
                       OffsetDateTime returnedAt, Long returnedRoomId) {

        public boolean open() {
            return returnedAt == null;
        }

        public boolean overdueAt(OffsetDateTime now) {
            return open() && dueAt.isBefore(now);
        }
    }

    private static final String COLUMNS = """
            SELECT l.id, l.copy_id, c.barcode, c.title_id, t.title, l.employee_id, l.room_id, l.via, l.borrowed_at,
              l.due_at, l.renewals, l.returned_at, l.returned_room_id
            FROM library_loan l JOIN library_copy c ON c.id = l.copy_id JOIN library_title t ON t.id = c.title_id""";
    private static final RowMapper<Loan> MAPPER = (rs, i) -> new Loan(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getLong(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getString(8),
            rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class), rs.getInt(11),
            rs.getObject(12, OffsetDateTime.class), rs.getObject(13, Long.class));

    private final JdbcClient jdbc;

    Loans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long copyId, long employeeId, long roomId, String via, Long lentBy, OffsetDateTime borrowedAt,
                       OffsetDateTime dueAt) {
        return jdbc.sql("""
                        INSERT INTO library_loan (copy_id, employee_id, room_id, via, lent_by, borrowed_at, due_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(copyId, employeeId, roomId, via, lentBy, borrowedAt, dueAt).query(Long.class).single();
    }

    public Optional<Loan> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE l.id = ?").param(id).query(MAPPER).optional();
    }

    public Optional<Loan> openOnCopy(long copyId) {
        return jdbc.sql(COLUMNS + " WHERE l.copy_id = ? AND l.returned_at IS NULL").param(copyId).query(MAPPER)
                .optional();
    }

    public List<Loan> openOf(long employeeId) {
        return jdbc.sql(COLUMNS + " WHERE l.employee_id = ? AND l.returned_at IS NULL ORDER BY l.due_at")
                .param(employeeId).query(MAPPER).list();
    }

    public List<Loan> historyOf(long employeeId, int limit) {
        return jdbc.sql(COLUMNS + " WHERE l.employee_id = ? AND l.returned_at IS NOT NULL ORDER BY l.returned_at DESC LIMIT ?")
                .params(employeeId, limit).query(MAPPER).list();
    }

    public int openCount(long employeeId) {
        return jdbc.sql("SELECT count(*) FROM library_loan WHERE employee_id = ? AND returned_at IS NULL")
                .param(employeeId).query(Integer.class).single();
    }

    /** Whether the reader has a loan overdue since before the given moment (the block threshold). */
    public boolean overdueSince(long employeeId, OffsetDateTime before) {
        return jdbc.sql("SELECT count(*) FROM library_loan WHERE employee_id = ? AND returned_at IS NULL AND due_at < ?")
                .params(employeeId, before).query(Long.class).single() > 0;
    }

    public boolean holdsOpenLoanOfTitle(long employeeId, long titleId) {
        return jdbc.sql("""
                        SELECT count(*) FROM library_loan l JOIN library_copy c ON c.id = l.copy_id
                        WHERE l.employee_id = ? AND c.title_id = ? AND l.returned_at IS NULL""")
                .params(employeeId, titleId).query(Long.class).single() > 0;
    }

    public void close(long id, OffsetDateTime at, long roomId, Long receivedBy) {
        jdbc.sql("UPDATE library_loan SET returned_at = ?, returned_room_id = ?, returned_to = ? WHERE id = ?")
                .params(at, roomId, receivedBy, id).update();
    }

    public void renew(long id, OffsetDateTime dueAt) {
        jdbc.sql("""
                        UPDATE library_loan SET due_at = ?, renewals = renewals + 1, reminded_at = NULL,
                          overdue_told_at = NULL WHERE id = ?""")
                .params(dueAt, id).update();
    }

    /** Open loans borrowed in the room and past due, oldest due first. */
    public List<Loan> overdueInRoom(long roomId, OffsetDateTime now) {
        return jdbc.sql(COLUMNS + " WHERE l.room_id = ? AND l.returned_at IS NULL AND l.due_at < ? ORDER BY l.due_at")
                .params(roomId, now).query(MAPPER).list();
    }

    /** Open loans falling due before {@code until} whose reader has not been reminded; marks them reminded. */
    public List<Loan> takeDueSoon(OffsetDateTime now, OffsetDateTime until) {
        List<Long> ids = jdbc.sql("""
                        UPDATE library_loan SET reminded_at = ? WHERE id IN (
                          SELECT id FROM library_loan WHERE returned_at IS NULL AND reminded_at IS NULL
                            AND due_at >= ? AND due_at < ? FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .params(now, now, until).query(Long.class).list();
        return byIds(ids);
    }

    /** Open loans past due whose reader has not been told; marks them told. */
    public List<Loan> takeNewlyOverdue(OffsetDateTime now) {
        List<Long> ids = jdbc.sql("""
                        UPDATE library_loan SET overdue_told_at = ? WHERE id IN (
                          SELECT id FROM library_loan WHERE returned_at IS NULL AND overdue_told_at IS NULL AND due_at < ?
                          FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .params(now, now).query(Long.class).list();
        return byIds(ids);
    }

    private List<Loan> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE l.id IN (:ids) ORDER BY l.id").param("ids", ids).query(MAPPER).list();
    }
}
