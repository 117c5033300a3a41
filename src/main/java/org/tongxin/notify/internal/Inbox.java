package org.tongxin.notify.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.shared.web.Page;

/** The in-app inbox: one row per person and message, written in one statement however many people. */
@Repository
public class Inbox {

    private static final String COLUMNS = "id, employee_id, title, body, link, created_at, read_at";

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void deliver(List<Long> employeeIds, NoticeTexts.Text text, String link) {
        jdbc.sql("""
                        INSERT INTO notification (employee_id, title, body, link)
                        SELECT unnest(?::bigint[]), ?, ?, ?""")
                .params(employeeIds.toArray(Long[]::new), text.title(), text.body(), link)
                .update();
    }

    public long unread(long employeeId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE employee_id = ? AND read_at IS NULL")
                .param(employeeId).query(Long.class).single();
    }

    public Page<Notification> page(long employeeId, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM notification WHERE employee_id = ?").param(employeeId)
                .query(Long.class).single();
        List<Notification> rows = jdbc.sql("SELECT " + COLUMNS
                        + " FROM notification WHERE employee_id = ? ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(employeeId, size, (long) page * size).query(Notification.class).list();
        return new Page<>(rows, page, size, total);
    }

    /** The message if it is this person's; marks it read. */
    public Optional<Notification> open(long employeeId, long id) {
        jdbc.sql("UPDATE notification SET read_at = now() WHERE id = ? AND employee_id = ? AND read_at IS NULL")
                .params(id, employeeId).update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE id = ? AND employee_id = ?")
                .params(id, employeeId).query(Notification.class).optional();
    }

    public void readAll(long employeeId) {
        jdbc.sql("UPDATE notification SET read_at = now() WHERE employee_id = ? AND read_at IS NULL")
                .param(employeeId).update();
    }
}
