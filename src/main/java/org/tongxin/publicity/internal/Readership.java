package org.tongxin.publicity.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reach of published items: unique readers (a logged-in reader counted as their employee, an anonymous one by a
 * random cookie — no IP address, no fingerprint), readers by union unit, shares by channel, and for internal notices
 * who of a subtree has read them. Counts only; who read what is shown only for internal notices, to the officers
 * of the people concerned, so they can make sure a notice reached everyone.
 */
@Service
public class Readership {

    /** Readers of an item from one unit. */
    public record UnitReaders(long unitId, long readers) {
    }

    /** The figures of one item. */
    public record Figures(long readers, long loggedInReaders, long shares) {
    }

    private final JdbcClient jdbc;

    Readership(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts a read once per reader; returns whether it was the reader's first. */
    @Transactional
    public boolean read(long itemId, String reader, Long employeeId, Long unitId) {
        return jdbc.sql("""
                        INSERT INTO publicity_read (item_id, reader, employee_id, unit_id) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(itemId, reader, employeeId, unitId).update() == 1;
    }

    @Transactional
    public void shared(long itemId, String channel, LocalDate day) {
        jdbc.sql("""
                        INSERT INTO publicity_share (item_id, channel, day, count) VALUES (?, ?, ?, 1)
                        ON CONFLICT (item_id, channel, day) DO UPDATE SET count = publicity_share.count + 1""")
                .params(itemId, channel, day).update();
    }

    public Figures figures(long itemId) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM publicity_read WHERE item_id = ?),
                          (SELECT count(*) FROM publicity_read WHERE item_id = ? AND employee_id IS NOT NULL),
                          (SELECT coalesce(sum(count), 0) FROM publicity_share WHERE item_id = ?)""")
                .params(itemId, itemId, itemId)
                .query((rs, i) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    public List<UnitReaders> byUnit(long itemId) {
        return jdbc.sql("""
                        SELECT unit_id, count(*) FROM publicity_read WHERE item_id = ? AND unit_id IS NOT NULL
                        GROUP BY unit_id ORDER BY count(*) DESC""")
                .param(itemId).query((rs, i) -> new UnitReaders(rs.getLong(1), rs.getLong(2))).list();
    }

    /** Of the employees given (a subtree's people), those who have read the item. */
    public List<Long> readersAmong(long itemId, List<Long> employeeIds) {
        return jdbc.sql("SELECT employee_id FROM publicity_read WHERE item_id = ? AND employee_id = ANY(?)")
                .params(itemId, employeeIds.toArray(Long[]::new)).query(Long.class).list();
    }
}
