package org.tongxin.insight.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read model's one writer: replaces a record's facts by its newest snapshot and adds the difference to the
 * monthly roll-up of the fact's unit and of every unit above it, in the same transaction. Idempotent (the same
 * snapshot twice changes nothing) and order-proof (an older version than the one applied is ignored); one record's
 * snapshots take turns on an advisory lock.
 */
@Service
public class Facts {

    private final JdbcClient jdbc;
    private final UnitPaths paths;

    Facts(JdbcClient jdbc, UnitPaths paths) {
        this.jdbc = jdbc;
        this.paths = paths;
    }

    /** A roll-up cell. */
    private record Cell(String kind, String category, long unitId, LocalDate month) implements Comparable<Cell> {

        @Override
        public int compareTo(Cell o) {
            int c = kind.compareTo(o.kind);
            if (c == 0) {
                c = month.compareTo(o.month);
            }
            if (c == 0) {
                c = Long.compare(unitId, o.unitId);
            }
            return c == 0 ? category.compareTo(o.category) : c;
        }
    }

    /** What a cell gains or loses. */
    private static final class Delta {
        long started;
        long ended;
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal endedValue = BigDecimal.ZERO;
        long endedDays;

        boolean isZero() {
            return started == 0 && ended == 0 && value.signum() == 0 && endedValue.signum() == 0 && endedDays == 0;
        }
    }

    /**
     * Makes {@code facts} the record's facts, if {@code version} is not older than the one applied. Returns whether
     * anything was applied.
     */
    @Transactional
    public boolean replace(String record, long version, List<Fact> facts) {
        return update(record, version, old -> facts);
    }

    /**
     * Makes {@code change(old facts)} the record's facts, if {@code version} is not older than the one applied: for a
     * record whose snapshots each carry only a part (a unit's headcount of one month). Returns whether anything was
     * applied.
     */
    @Transactional
    public boolean update(String record, long version, UnaryOperator<List<Fact>> change) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('insight:' || ?))").param(record).query().singleRow();
        Long applied = jdbc.sql("SELECT version FROM insight_record WHERE record = ?").param(record)
                .query(Long.class).optional().orElse(null);
        if (applied != null && applied > version) {
            return false;
        }
        List<Fact> old = jdbc.sql("DELETE FROM insight_fact WHERE record = ? RETURNING *").param(record)
                .query(Facts::fact).list();
        List<Fact> facts = change.apply(old);
        Map<Cell, Delta> deltas = new TreeMap<>();
        old.forEach(f -> add(deltas, f, -1));
        for (Fact f : facts) {
            add(deltas, f, 1);
            jdbc.sql("""
                            INSERT INTO insight_fact (kind, source_id, record, unit_id, unit_path, person_id, category,
                              starts_on, ends_on, due_on, value, outcome)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(f.kind(), f.sourceId(), record, f.unitId(), paths.unit(f.unitId()).path(), f.personId(),
                            f.category(), f.startsOn(), f.endsOn(), f.dueOn(), f.value(), f.outcome())
                    .update();
        }
        jdbc.sql("""
                        INSERT INTO insight_record (record, version) VALUES (?, ?)
                        ON CONFLICT (record) DO UPDATE SET version = excluded.version""")
                .params(record, version).update();
        for (Map.Entry<Cell, Delta> e : deltas.entrySet()) {
            apply(e.getKey(), e.getValue());
        }
        return true;
    }

    /** The fact counts in the subtree of its unit and of each unit above. */
    private void add(Map<Cell, Delta> deltas, Fact f, int sign) {
        BigDecimal value = f.value().multiply(BigDecimal.valueOf(sign));
        for (long unit : paths.pathIds(f.unitId())) {
            Delta start = deltas.computeIfAbsent(new Cell(f.kind(), f.category(), unit, month(f.startsOn())),
                    c -> new Delta());
            start.started += sign;
            start.value = start.value.add(value);
            if (f.endsOn() != null) {
                Delta end = deltas.computeIfAbsent(new Cell(f.kind(), f.category(), unit, month(f.endsOn())),
                        c -> new Delta());
                end.ended += sign;
                end.endedValue = end.endedValue.add(value);
                end.endedDays += sign * ChronoUnit.DAYS.between(f.startsOn(), f.endsOn());
            }
        }
    }

    static LocalDate month(LocalDate day) {
        return day.withDayOfMonth(1);
    }

    private void apply(Cell cell, Delta d) {
        if (d.isZero()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO insight_month (kind, category, unit_id, month, started, ended, value, ended_value,
                          ended_days)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (kind, month, unit_id, category) DO UPDATE SET
                          started = insight_month.started + excluded.started,
                          ended = insight_month.ended + excluded.ended,
                          value = insight_month.value + excluded.value,
                          ended_value = insight_month.ended_value + excluded.ended_value,
                          ended_days = insight_month.ended_days + excluded.ended_days""")
                .params(cell.kind(), cell.category(), cell.unitId(), cell.month(), d.started, d.ended, d.value,
                        d.endedValue, d.endedDays)
                .update();
        jdbc.sql("""
                        DELETE FROM insight_month WHERE kind = ? AND month = ? AND unit_id = ? AND category = ?
                          AND started = 0 AND ended = 0 AND value = 0 AND ended_value = 0 AND ended_days = 0""")
                .params(cell.kind(), cell.month(), cell.unitId(), cell.category()).update();
    }

    private static Fact fact(ResultSet rs, int i) throws SQLException {
        Object person = rs.getObject("person_id");
        return new Fact(rs.getString("kind"), rs.getString("source_id"), rs.getLong("unit_id"),
                person == null ? null : ((Number) person).longValue(), rs.getString("category"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getBigDecimal("value"), rs.getString("outcome"));
    }

    /** Empties the read model before a rebuild. */
    @Transactional
    public void clear() {
        jdbc.sql("TRUNCATE insight_fact, insight_month, insight_record").update();
    }

    /** Every roll-up row, for comparing a rebuild with the kept figures. */
    public List<String> rollUp() {
        List<String> rows = new ArrayList<>();
        jdbc.sql("""
                        SELECT kind, category, unit_id, month, started, ended, value, ended_value, ended_days
                        FROM insight_month ORDER BY kind, category, unit_id, month""")
                .query((rs, i) -> rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7).toPlainString(),
                        rs.getBigDecimal(8).toPlainString(), rs.getString(9))))
                .list();
        return rows;
    }
}
