package org.tongxin.insight.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads of the read model: the roll-up rows of a node and its children, and counts over a subtree's facts. */
@Service
public class Figures {

    /** Care, aid and evaluations are shown for groups of at least this many people only. */
    public static final int SMALLEST_GROUP = 5;

    private final JdbcClient jdbc;

    Figures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The roll-up rows of {@code kinds} for the units (a node and its children) up to the end of {@code to}. */
    public Rollup rollup(Collection<String> kinds, Collection<Long> units, YearMonth to) {
        return new Rollup(jdbc.sql("""
                        SELECT kind, category, unit_id, month, started, ended, value, ended_value, ended_days
                        FROM insight_month WHERE kind = ANY(?) AND unit_id = ANY(?) AND month <= ?""")
                .params(kinds.toArray(String[]::new), units.toArray(Long[]::new), to.atDay(1))
                .query((rs, i) -> new Rollup.Row(rs.getString(1), rs.getString(2), rs.getLong(3),
                        YearMonth.from(rs.getObject(4, LocalDate.class)), rs.getLong(5), rs.getLong(6),
                        rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getLong(9)))
                .list());
    }

    /**
     * Whether the facts of {@code kind} in the subtree at {@code path} that overlap the months concern at least
     * {@link #SMALLEST_GROUP} different people: below that, figures about care, aid or evaluations are not shown.
     * Stops counting at the group size, so a large subtree costs no more than a small one.
     */
    public boolean enoughPeople(String kind, String path, YearMonth from, YearMonth to) {
        Integer people = jdbc.sql("""
                        SELECT count(*) FROM (SELECT DISTINCT person_id FROM insight_fact
                          WHERE kind = ? AND unit_path LIKE ? || '%' AND person_id IS NOT NULL
                            AND starts_on <= ? AND (ends_on IS NULL OR ends_on >= ?) LIMIT ?) p""")
                .params(kind, path, to.atEndOfMonth(), from.atDay(1), SMALLEST_GROUP)
                .query(Integer.class).single();
        return people >= SMALLEST_GROUP;
    }

    /** Open facts of {@code kind} in the subtree at {@code path} whose due day has passed, by category. */
    public List<Overdue> overdue(String kind, String path, LocalDate today) {
        return jdbc.sql("""
                        SELECT category, count(*) FROM insight_fact
                        WHERE kind = ? AND unit_path LIKE ? || '%' AND ends_on IS NULL AND due_on < ?
                        GROUP BY category ORDER BY category""")
                .params(kind, path, today)
                .query((rs, i) -> new Overdue(rs.getString(1), rs.getLong(2))).list();
    }

    /** Open facts past their due day in one category. */
    public record Overdue(String category, long count) {
    }

    /** A value as a share of another in per cent with one decimal; null without a base. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole == null || whole.signum() == 0 ? null
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, java.math.RoundingMode.HALF_UP);
    }

    public static BigDecimal percent(long part, long whole) {
        return percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }
}
