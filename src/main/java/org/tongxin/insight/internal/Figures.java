package org.tongxin.insight.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Figures over a set of units (a node's subtree) read from the monthly roll-up only. */
@Service
public class Figures {

    private final JdbcClient jdbc;

    Figures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Members and employees at the end of a month. */
    public record Coverage(LocalDate month, long members, long employees) {

        /** Members per hundred employees, one decimal; 0 without employees. */
        public double rate() {
            return employees == 0 ? 0 : Math.round(members * 1000.0 / employees) / 10.0;
        }
    }

    /** The level of a kind (started − ended, running) at the end of each month from {@code from} to {@code to}. */
    public Map<LocalDate, Long> level(String kind, Collection<Long> units, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> byMonth = new TreeMap<>();
        jdbc.sql("""
                        SELECT month, sum(started - ended) FROM insight_month
                        WHERE kind = ? AND unit_id = ANY(?) AND month <= ? GROUP BY month ORDER BY month""")
                .params(kind, units.toArray(Long[]::new), Facts.month(to))
                .query((rs, i) -> byMonth.put(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
        Map<LocalDate, Long> levels = new TreeMap<>();
        long running = 0;
        var it = byMonth.entrySet().iterator();
        var next = it.hasNext() ? it.next() : null;
        for (LocalDate m = Facts.month(from); !m.isAfter(to); m = m.plusMonths(1)) {
            while (next != null && !next.getKey().isAfter(m)) {
                running += next.getValue();
                next = it.hasNext() ? it.next() : null;
            }
            levels.put(m, running);
        }
        return levels;
    }

    /** Employees on the books at the end of each month: each unit's latest headcount up to then. */
    public Map<LocalDate, Long> headcount(Collection<Long> units, LocalDate from, LocalDate to) {
        Map<Long, TreeMap<LocalDate, Long>> perUnit = new HashMap<>();
        jdbc.sql("""
                        SELECT unit_id, month, value FROM insight_month
                        WHERE kind = 'HEADCOUNT' AND unit_id = ANY(?) AND month <= ?""")
                .params(units.toArray(Long[]::new), Facts.month(to))
                .query((rs, i) -> perUnit.computeIfAbsent(rs.getLong(1), u -> new TreeMap<>())
                        .put(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3).longValue()))
                .list();
        Map<LocalDate, Long> totals = new TreeMap<>();
        for (LocalDate m = Facts.month(from); !m.isAfter(to); m = m.plusMonths(1)) {
            long sum = 0;
            for (TreeMap<LocalDate, Long> months : perUnit.values()) {
                var at = months.floorEntry(m);
                sum += at == null ? 0 : at.getValue();
            }
            totals.put(m, sum);
        }
        return totals;
    }

    /** Membership coverage at the end of each month of the range. */
    public List<Coverage> coverage(Collection<Long> units, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> members = level(Kinds.MEMBER, units, from, to);
        Map<LocalDate, Long> employees = headcount(units, from, to);
        List<Coverage> out = new ArrayList<>();
        members.forEach((m, n) -> out.add(new Coverage(m, n, employees.getOrDefault(m, 0L))));
        return out;
    }
}
