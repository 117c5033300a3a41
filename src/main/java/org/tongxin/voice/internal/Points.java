package org.tongxin.voice.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points ledger (积分): append-only (the database refuses changes; a correction is a new entry), each entry with
 * its source and a reason. One entry per person, source and reference, so an event delivered twice credits once.
 * A person sees their balance and history; others see unit totals only — there is no ranking of people.
 */
@Service
public class Points {

    /** One entry of a person's history. */
    public record Entry(long id, int points, String source, String reference, String reason, OffsetDateTime at) {
    }

    private final JdbcClient jdbc;

    Points(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Credits (or, negative, corrects) points once; returns whether this entry is new. */
    @Transactional
    public boolean credit(long employeeId, int points, String source, String reference, String reason, Long unitId,
                          Long by) {
        if (points == 0) {
            return false;
        }
        return jdbc.sql("""
                        INSERT INTO voice_points (employee_id, points, source, reference, reason, unit_id, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (employee_id, source, reference) DO NOTHING""")
                .params(employeeId, points, source, reference, reason, unitId, by).update() == 1;
    }

    /** Whether the person has an entry of this source and reference. */
    public boolean has(long employeeId, String source, String reference) {
        return jdbc.sql("SELECT count(*) FROM voice_points WHERE employee_id = ? AND source = ? AND reference = ?")
                .params(employeeId, source, reference).query(Long.class).single() > 0;
    }

    public long balance(long employeeId) {
        return jdbc.sql("SELECT coalesce(sum(points), 0) FROM voice_points WHERE employee_id = ?").param(employeeId)
                .query(Long.class).single();
    }

    public List<Entry> history(long employeeId, int limit) {
        return jdbc.sql("""
                        SELECT id, points, source, reference, reason, created_at FROM voice_points WHERE employee_id = ?
                        ORDER BY id DESC LIMIT ?""")
                .params(employeeId, limit)
                .query((rs, i) -> new Entry(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    /** Points earned by the people of the units given (a subtree), as one total. */
    public long unitTotal(List<Long> unitIds) {
        return jdbc.sql("SELECT coalesce(sum(points), 0) FROM voice_points WHERE unit_id = ANY(?)")
                .param(unitIds.toArray(Long[]::new)).query(Long.class).single();
    }
}
