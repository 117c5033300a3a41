package org.tongxin.org.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.org.UnitHeadcounts;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.time.SnapshotVersion;

/** The union tree and partner bodies, stored with a materialised path. */
@Repository
public class OrgUnits {

    private static final String COLUMNS = "id, parent_id, beside_id, name, kind, path, depth, closed_at";
    private static final RowMapper<OrgUnit> MAPPER = (rs, i) -> new OrgUnit(rs.getLong("id"),
            (Long) rs.getObject("parent_id"), (Long) rs.getObject("beside_id"), rs.getString("name"),
            UnitKind.valueOf(rs.getString("kind")), rs.getString("path"), rs.getInt("depth"),
            rs.getObject("closed_at", OffsetDateTime.class));

    private static final long TREE_LOCK = 0x6f72675f74726565L;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrgUnits(JdbcClient jdbc, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public Optional<OrgUnit> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE id = ?").param(id).query(MAPPER).optional();
    }

    /**
     * Serialises changes to the tree's shape for the rest of the transaction: two moves that would each
     * put one unit under the other, or a child created under a unit that is being moved, cannot interleave.
     * Callers take it before they read the units they are about to change.
     */
    public void lockTree() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(TREE_LOCK).query(Object.class).single();
    }

    /**
     * Creates a union unit under {@code parent} (null for a root), or, with {@code beside}, a partner body
     * beside that union unit. A partner's path runs through the unit it sits beside, so whoever manages
     * the unit manages its partner bodies too, and they move with it.
     */
    public OrgUnit create(OrgUnit parent, OrgUnit beside, String name, UnitKind kind) {
        long id = jdbc.sql("SELECT nextval('org_unit_id_seq')").query(Long.class).single();
        OrgUnit above = beside != null ? beside : parent;
        String path = (above == null ? "/" : above.path()) + id + "/";
        int depth = above == null ? 0 : above.depth() + 1;
        jdbc.sql("""
                        INSERT INTO org_unit (id, parent_id, beside_id, name, kind, path, depth)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, parent == null ? null : parent.id(), beside == null ? null : beside.id(), name.trim(),
                        kind.name(), path, depth)
                .update();
        return find(id).orElseThrow();
    }

    public void rename(long id, String name) {
        jdbc.sql("UPDATE org_unit SET name = ? WHERE id = ?").params(name.trim(), id).update();
    }

    public void close(long id) {
        jdbc.sql("UPDATE org_unit SET closed_at = now() WHERE id = ? AND closed_at IS NULL").param(id).update();
    }

    /** Re-roots the whole subtree of {@code unit} under {@code newParent} in one statement. */
    public void move(OrgUnit unit, OrgUnit newParent) {
        String newPath = newParent.path() + unit.id() + "/";
        int depthShift = newParent.depth() + 1 - unit.depth();
        jdbc.sql("""
                        UPDATE org_unit SET path = ? || substr(path, length(?) + 1), depth = depth + ?
                        WHERE path LIKE ? || '%'""")
                .params(newPath, unit.path(), depthShift, unit.path())
                .update();
        jdbc.sql("UPDATE org_unit SET parent_id = ? WHERE id = ?").params(newParent.id(), unit.id()).update();
    }

    /** The unit and everything below it, in path order. */
    public List<OrgUnit> subtree(OrgUnit root) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE path LIKE ? || '%' ORDER BY depth, name")
                .param(root.path()).query(MAPPER).list();
    }

    public List<OrgUnit> roots() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE parent_id IS NULL AND beside_id IS NULL ORDER BY id")
                .query(MAPPER).list();
    }

    public List<OrgUnit> children(long parentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE parent_id = ? ORDER BY closed_at NULLS FIRST, name")
                .param(parentId).query(MAPPER).list();
    }

    /** Partner bodies (团委, 女工委, 党支部) linked beside any of the given units. */
    public List<OrgUnit> partnersBeside(List<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE beside_id = ANY(?) ORDER BY name")
                .param(unitIds.toArray(Long[]::new)).query(MAPPER).list();
    }

    public List<OrgUnit> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE id = ANY(?) ORDER BY depth")
                .param(ids.toArray(Long[]::new)).query(MAPPER).list();
    }

    /**
     * Units whose name contains {@code q}, at most {@code limit}, within the subtrees of {@code roots}
     * (all units when null): the scope goes into the query so a limit never hides the viewer's own units.
     */
    /** Open partner bodies (youth league, women's committee, party branches), by depth and name. */
    public List<OrgUnit> partners() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE kind IN ('YOUTH_LEAGUE', 'WOMEN_COMMITTEE',"
                        + " 'PARTY_BRANCH') AND closed_at IS NULL ORDER BY depth, name LIMIT 500")
                .query(MAPPER).list();
    }

    public List<OrgUnit> search(String q, int limit, List<OrgUnit> roots) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM org_unit WHERE name ILIKE ?");
        List<Object> params = new ArrayList<>();
        params.add("%" + escapeLike(q.trim()) + "%");
        if (roots != null) {
            sql.append(" AND (FALSE");
            for (OrgUnit root : roots) {
                sql.append(" OR path LIKE ? || '%'");
                params.add(root.path());
            }
            sql.append(')');
        }
        params.add(limit);
        return jdbc.sql(sql + " ORDER BY depth, name LIMIT ?").params(params).query(MAPPER).list();
    }

    /** Every unit's path ids by unit id, for checking many rows against a viewer's scope at once. */
    public Map<Long, List<Long>> pathIdsById() {
        Map<Long, List<Long>> paths = new HashMap<>();
        jdbc.sql("SELECT id, path FROM org_unit")
                .query((rs, i) -> paths.put(rs.getLong(1), OrgUnit.pathIds(rs.getString(2)))).list();
        return paths;
    }

    public Set<Long> closedIds() {
        return new HashSet<>(jdbc.sql("SELECT id FROM org_unit WHERE closed_at IS NOT NULL")
                .query(Long.class).list());
    }

    /**
     * Recounts the employees on the books of the given units. The units' counter rows are locked first, so
     * a concurrent import touching the same units waits and then counts what this one committed.
     */
    public void recountEmployees(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return;
        }
        String ids = unitIds.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        jdbc.sql("""
                        INSERT INTO unit_stats (unit_id) SELECT unnest(string_to_array(?, ','))::bigint
                        ON CONFLICT DO NOTHING""").param(ids).update();
        jdbc.sql("SELECT unit_id FROM unit_stats WHERE unit_id = ANY(string_to_array(?, ',')::bigint[]) ORDER BY unit_id FOR UPDATE")
                .param(ids).query(Long.class).list();
        jdbc.sql("""
                        UPDATE unit_stats s SET employees = c.n
                        FROM (SELECT k.id AS unit_id, count(e.id) FILTER (WHERE e.status IN ('ACTIVE', 'LEAVE')) AS n
                              FROM unnest(string_to_array(?, ',')::bigint[]) k(id)
                              LEFT JOIN department d ON d.unit_id = k.id
                              LEFT JOIN employee e ON e.department_id = d.id GROUP BY k.id) c
                        WHERE s.unit_id = c.unit_id""").param(ids).update();
        LocalDate month = LocalDate.now(clock).withDayOfMonth(1);
        List<UnitHeadcounts.Count> counts = jdbc.sql("""
                        INSERT INTO unit_headcount_month (unit_id, month, employees)
                        SELECT unit_id, ?, employees FROM unit_stats
                        WHERE unit_id = ANY(string_to_array(?, ',')::bigint[])
                        ON CONFLICT (unit_id, month) DO UPDATE SET employees = excluded.employees
                        RETURNING unit_id, employees""")
                .params(month, ids).query((rs, i) -> new UnitHeadcounts.Count(rs.getLong(1), rs.getInt(2))).list();
        Instant now = Instant.now(clock);
        events.publishEvent(new UnitHeadcounts(month, counts, SnapshotVersion.of(now)));
    }

    /** See {@link org.tongxin.org.OrgSetup#recordHeadcountHistory(int)}. */
    public void recordHeadcountHistory(int months) {
        LocalDate thisMonth = LocalDate.now(clock).withDayOfMonth(1);
        jdbc.sql("""
                        INSERT INTO unit_headcount_month (unit_id, month, employees)
                        SELECT d.unit_id, m.month::date, count(*)
                        FROM generate_series(?::date - make_interval(months => ?), ?::date - interval '1 month',
                                             interval '1 month') m(month)
                        JOIN employee e ON e.hire_date < m.month + interval '1 month' AND e.status IN ('ACTIVE', 'LEAVE')
                        JOIN department d ON d.id = e.department_id
                        GROUP BY d.unit_id, m.month
                        ON CONFLICT (unit_id, month) DO NOTHING""")
                .params(thisMonth, months, thisMonth).update();
    }

    /** Each unit of the subtree with the employees on the books directly in its departments. */
    public List<UnitCount> subtreeCounts(OrgUnit root) {
        return jdbc.sql("""
                        SELECT u.id, u.parent_id, u.beside_id, u.name, u.kind, u.path, u.depth, u.closed_at,
                               coalesce(s.employees, 0) AS employees
                        FROM org_unit u LEFT JOIN unit_stats s ON s.unit_id = u.id
                        WHERE u.path LIKE ? || '%' ORDER BY u.depth, u.name""")
                .param(root.path())
                .query((rs, i) -> new UnitCount(MAPPER.mapRow(rs, i), rs.getLong("employees"))).list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM org_unit").query(Long.class).single();
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
