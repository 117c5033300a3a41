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

    /** A reader of an item for {@link #readsAtStart}: as {@link #read} takes them. */
    public record Reader(String reader, Long employeeId, Long unitId) {
    }

    private final JdbcClient jdbc;
    private final PublicitySnapshots snapshots;

    Readership(JdbcClient jdbc, PublicitySnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    /** Counts a read once per reader; returns whether it was the reader's first. */
    @Transactional
    public boolean read(long itemId, String reader, Long employeeId, Long unitId) {
        boolean first = insertRead(itemId, reader, employeeId, unitId);
        if (first) {
            snapshots.readCounted(itemId, reader);
        }
        return first;
    }

    private boolean insertRead(long itemId, String reader, Long employeeId, Long unitId) {
        return jdbc.sql("""
                        INSERT INTO publicity_read (item_id, reader, employee_id, unit_id) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(itemId, reader, employeeId, unitId).update() == 1;
    }

    @Transactional
    public void shared(long itemId, String channel, LocalDate day) {
        addShares(itemId, channel, day, 1);
        snapshots.sharesCounted(itemId, channel, day);
    }

    private void addShares(long itemId, String channel, LocalDate day, int count) {
        jdbc.sql("""
                        INSERT INTO publicity_share (item_id, channel, day, count) VALUES (?, ?, ?, ?)
                        ON CONFLICT (item_id, channel, day)
                          DO UPDATE SET count = publicity_share.count + excluded.count""")
                .params(itemId, channel, day, count).update();
    }

    /**
     * Reads written at start-up (the demo), counted as {@link #read} counts them but without snapshots: figures kept
     * elsewhere are rebuilt from the history once the start-up is done, and thousands of snapshots would only queue.
     */
    @Transactional
    public void readsAtStart(long itemId, List<Reader> readers) {
        readers.forEach(r -> insertRead(itemId, r.reader(), r.employeeId(), r.unitId()));
    }

    /** Shares written at start-up, as {@link #shared} adds them {@code count} times, without snapshots. */
    @Transactional
    public void sharesAtStart(long itemId, String channel, LocalDate day, int count) {
        addShares(itemId, channel, day, count);
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
