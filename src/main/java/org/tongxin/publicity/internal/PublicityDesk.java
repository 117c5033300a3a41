package org.tongxin.publicity.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.UnitCount;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

/**
 * What the officers' desk lists: items of their units by where they stand (a submitted item already approved for a
 * later moment counts as scheduled), the review queue of a reviewer, the named reviewers, shares by channel and the
 * reason an item was withdrawn.
 */
@Service
public class PublicityDesk {

    /** Where an item stands as the desk groups it. */
    public enum Stage { DRAFT, RETURNED, SUBMITTED, SCHEDULED, PUBLISHED, WITHDRAWN;

        public static Stage of(Items.Item item) {
            return item.status().equals("SUBMITTED") && item.approvedBy() != null ? SCHEDULED
                    : valueOf(item.status());
        }

        public static Optional<Stage> parse(String s) {
            for (Stage stage : values()) {
                if (stage.name().equals(s)) {
                    return Optional.of(stage);
                }
            }
            return Optional.empty();
        }
    }

    /** A reviewer named for a unit. */
    public record Reviewer(long unitId, long accountId, OffsetDateTime namedAt) {
    }

    /** Why and when a published item was taken down. */
    public record Withdrawal(OffsetDateTime at, String reason) {
    }

    private static final String STAGE = "CASE WHEN status = 'SUBMITTED' AND approved_by IS NOT NULL THEN 'SCHEDULED' "
            + "ELSE status END";

    private final JdbcClient jdbc;
    private final OrgDirectory org;

    PublicityDesk(JdbcClient jdbc, OrgDirectory org) {
        this.jdbc = jdbc;
        this.org = org;
    }

    /** How many items of the units (null: all) stand at each stage. */
    public Map<Stage, Long> counts(Collection<Long> unitIds) {
        Long[] units = unitIds == null ? null : unitIds.toArray(Long[]::new);
        Map<Stage, Long> out = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            out.put(s, 0L);
        }
        jdbc.sql("SELECT " + STAGE + ", count(*) FROM publicity_item"
                        + " WHERE (CAST(? AS bigint[]) IS NULL OR unit_id = ANY(?)) GROUP BY 1")
                .params(units, units)
                .query((rs, i) -> Map.entry(Stage.valueOf(rs.getString(1)), rs.getLong(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Items of the units (null: all) at a stage (null: any), newest change first. */
    public List<Items.Item> items(Collection<Long> unitIds, Stage stage, int limit) {
        Long[] units = unitIds == null ? null : unitIds.toArray(Long[]::new);
        String s = stage == null ? null : stage.name();
        return jdbc.sql(Items.COLUMNS + " WHERE (CAST(? AS bigint[]) IS NULL OR unit_id = ANY(?))"
                        + " AND (CAST(? AS text) IS NULL OR " + STAGE + " = ?) ORDER BY updated_at DESC, id DESC LIMIT ?")
                .params(units, units, s, s, limit).query(Items.MAPPER).list();
    }

    /** Whether the viewer reviews anything: the committee, or an officer named reviewer somewhere. */
    public boolean reviewsAnything(Viewer viewer) {
        return viewer.has(Role.COMMITTEE) || viewer.isOfficerOrAbove() && !reviewerUnits(viewer.accountId()).isEmpty();
    }

    public List<Long> reviewerUnits(long accountId) {
        return jdbc.sql("SELECT unit_id FROM publicity_reviewer WHERE account_id = ? ORDER BY unit_id").param(accountId)
                .query(Long.class).list();
    }

    /** Submitted items waiting for a decision that the viewer may review, oldest submission first. */
    public List<Items.Item> reviewQueue(Viewer viewer, int limit) {
        Long[] units = null;
        if (!viewer.has(Role.COMMITTEE)) {
            if (!viewer.isOfficerOrAbove()) {
                return List.of();
            }
            Set<Long> ids = new HashSet<>();
            for (long unitId : reviewerUnits(viewer.accountId())) {
                org.unit(unitId).ifPresent(u -> org.subtreeCounts(u).stream().map(UnitCount::unit)
                        .forEach(s -> ids.add(s.id())));
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            units = ids.toArray(Long[]::new);
        }
        return jdbc.sql(Items.COLUMNS + """
                         WHERE status = 'SUBMITTED' AND approved_by IS NULL
                          AND (CAST(? AS bigint[]) IS NULL OR unit_id = ANY(?))
                        ORDER BY updated_at, id LIMIT ?""")
                .params(units, units, limit).query(Items.MAPPER).list();
    }

    /** Reviewers named for any of the units. */
    public List<Reviewer> reviewersOf(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT unit_id, account_id, named_at FROM publicity_reviewer WHERE unit_id = ANY(?)
                        ORDER BY unit_id, named_at""")
                .param(unitIds.toArray(Long[]::new))
                .query((rs, i) -> new Reviewer(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class)))
                .list();
    }

    /** Shares of an item by channel (WECHAT, QQ, LINK, POSTER), every channel listed. */
    public Map<String, Long> sharesByChannel(long itemId) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String channel : List.of("WECHAT", "QQ", "LINK", "POSTER")) {
            out.put(channel, 0L);
        }
        jdbc.sql("SELECT channel, sum(count) FROM publicity_share WHERE item_id = ? GROUP BY channel").param(itemId)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public Optional<Withdrawal> withdrawal(long itemId) {
        return jdbc.sql("""
                        SELECT withdrawn_at, withdraw_reason FROM publicity_item WHERE id = ? AND status = 'WITHDRAWN'""")
                .param(itemId)
                .query((rs, i) -> new Withdrawal(rs.getObject(1, OffsetDateTime.class), rs.getString(2))).optional();
    }
}
