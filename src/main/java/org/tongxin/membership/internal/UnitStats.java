package org.tongxin.membership.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per-unit counters of current members, retired members and pending applications. They change by
 * increments in the same statement sequence as the periods and applications they count, so concurrent
 * joins and transfers add up (each increment locks only its unit's row until commit).
 */
@Repository
public class UnitStats {

    /** What the counters of one unit say. */
    public record Counts(long members, long retired, long pending) {
        static final Counts NONE = new Counts(0, 0, 0);
    }

    private final JdbcClient jdbc;

    UnitStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void addMember(long unitId, String periodStatus, int delta) {
        String column = "RETIRED".equals(periodStatus) ? "retired" : "members";
        jdbc.sql("INSERT INTO unit_membership_stats (unit_id, " + column + ") VALUES (?, ?) "
                        + "ON CONFLICT (unit_id) DO UPDATE SET " + column + " = unit_membership_stats." + column + " + ?")
                .params(unitId, Math.max(delta, 0), delta).update();
    }

    void addPending(long unitId, int delta) {
        jdbc.sql("""
                        INSERT INTO unit_membership_stats (unit_id, pending) VALUES (?, ?)
                        ON CONFLICT (unit_id) DO UPDATE SET pending = unit_membership_stats.pending + ?""")
                .params(unitId, Math.max(delta, 0), delta).update();
    }

    /** Locks the counter rows of the given units in id order, so that opposite transfers cannot deadlock. */
    void lockInOrder(Collection<Long> unitIds) {
        String ids = unitIds.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(","));
        jdbc.sql("""
                        INSERT INTO unit_membership_stats (unit_id) SELECT unnest(string_to_array(?, ','))::bigint
                        ON CONFLICT DO NOTHING""").param(ids).update();
        jdbc.sql("""
                        SELECT unit_id FROM unit_membership_stats WHERE unit_id = ANY(string_to_array(?, ',')::bigint[])
                        ORDER BY unit_id FOR UPDATE""").param(ids).query(Long.class).list();
    }

    /** Pending applications in the given units (all units when empty). */
    public long pendingIn(Optional<Set<Long>> unitIds) {
        if (unitIds.isEmpty()) {
            return jdbc.sql("SELECT coalesce(sum(pending), 0) FROM unit_membership_stats").query(Long.class).single();
        }
        return of(unitIds.get()).values().stream().mapToLong(Counts::pending).sum();
    }

    public Map<Long, Counts> of(Collection<Long> unitIds) {
        Map<Long, Counts> counts = new HashMap<>();
        if (unitIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        SELECT unit_id, members, retired, pending FROM unit_membership_stats
                        WHERE unit_id = ANY(string_to_array(?, ',')::bigint[])""")
                .param(unitIds.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .query((rs, i) -> counts.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
                .list();
        return counts;
    }
}
