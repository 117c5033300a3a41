package org.tongxin.shared.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Page;

/**
 * The append-only record of every officer and admin change (who, when, what, before and after). The
 * table refuses UPDATE, DELETE and TRUNCATE by trigger, so not even a bug here can rewrite history.
 * Writes join the caller's transaction: an action that rolls back leaves no audit line, and an audit
 * line that cannot be written rolls the action back.
 *
 * <p>Rows are also chained for tamper evidence (V48): {@link #seal()} gives each new row its place in one SHA-256 hash
 * chain, outside the writers' transactions so no audited action waits for another; {@link #verify()} seals and then
 * names the first row that a change behind the trigger's back has broken.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AuditTrail(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void record(Viewer actor, String action, String targetType, Object targetId, Long unitId, String summary,
                       Map<String, ?> before, Map<String, ?> after) {
        jdbc.sql("""
                        INSERT INTO audit_event (actor_id, actor_name, action, target_type, target_id, unit_id,
                                                 summary, before, after)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(actor.accountId(), actor.displayName(), action, targetType,
                        targetId == null ? null : targetId.toString(), unitId, summary, format(before), format(after))
                .update();
    }

    /** One change among many recorded together, e.g. each employee an import changed. */
    public record Change(String targetType, Object targetId, Long unitId, String summary, Map<String, ?> before,
                         Map<String, ?> after) {
    }

    /** Records many changes by one actor in one batch, in the caller's transaction. */
    public void recordAll(Viewer actor, String action, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (Change c : changes) {
            rows.add(new Object[]{actor.accountId(), actor.displayName(), action, c.targetType(),
                    c.targetId() == null ? null : c.targetId().toString(), c.unitId(), c.summary(), format(c.before()),
                    format(c.after())});
        }
        template.batchUpdate("""
                INSERT INTO audit_event (actor_id, actor_name, action, target_type, target_id, unit_id, summary,
                                         before, after)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private static String format(Map<String, ?> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        StringJoiner out = new StringJoiner("\n");
        values.forEach((k, v) -> out.add(k + ": " + (v == null ? "—" : v)));
        return out.toString();
    }

    /** Filter for the audit page; blank fields do not filter. */
    public record Filter(String actor, String action, LocalDate from, LocalDate to) {
    }

    public Page<AuditEntry> search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.append(" AND actor_name ILIKE ?");
            params.add("%" + filter.actor().trim() + "%");
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            where.append(" AND action = ?");
            params.add(filter.action().trim());
        }
        ZoneId zone = ZoneId.systemDefault();
        if (filter.from() != null) {
            where.append(" AND at >= ?");
            params.add(filter.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (filter.to() != null) {
            where.append(" AND at < ?");
            params.add(filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        long total = jdbc.sql("SELECT count(*) FROM audit_event" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<AuditEntry> rows = jdbc.sql("""
                        SELECT id, at, actor_id, actor_name, action, target_type, target_id, unit_id, summary, before,
                               after FROM audit_event""" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(AuditEntry.class)
                .list();
        return new Page<>(rows, page, size, total);
    }

    /** What a verification found: how many rows the chain holds, its last hash, and the first broken row if any. */
    public record Verification(long rows, String headHash, Optional<Break> firstBreak) {
    }

    /** A row out of place ({@code GAP}: one before it was removed), not linked to the one before, or changed. */
    public record Break(long seq, long id, String problem) {
    }

    /** Chains the rows committed since the last seal; one sealer at a time across nodes. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int seal() {
        return jdbc.sql("SELECT audit_seal()").query(Integer.class).single();
    }

    /** Seals what is new, then checks every row of the chain; the caller records that it verified. */
    @Transactional
    public Verification verify() {
        jdbc.sql("SELECT audit_seal()").query(Integer.class).single();
        Optional<Break> broken = jdbc.sql("SELECT seq, id, problem FROM audit_verify()").query(Break.class).optional();
        Map<String, Object> head = jdbc.sql("""
                        SELECT count(*) AS rows, (SELECT encode(row_hash, 'hex') FROM audit_event
                                                  WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1) AS head
                        FROM audit_event WHERE seq IS NOT NULL""").query().singleRow();
        return new Verification(((Number) head.get("rows")).longValue(), (String) head.get("head"), broken);
    }

    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_event ORDER BY action").query(String.class).list();
    }
}
