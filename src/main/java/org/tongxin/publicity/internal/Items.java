package org.tongxin.publicity.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Articles and short videos. */
@Repository
public class Items {

    /** An item as written and where it stands. */
    public record Item(long id, String kind, String title, String summary, String bodyHtml, String category,
                       long unitId, String coverKey, String videoKey, String posterKey, Integer videoSeconds,
                       String externalUrl, boolean internal, String status, String returnComment,
                       OffsetDateTime publishAt, OffsetDateTime publishedAt, long createdBy, Long submittedBy,
                       Long approvedBy, OffsetDateTime updatedAt) {

        public boolean published() {
            return status.equals("PUBLISHED");
        }
    }

    /** What an author writes. */
    public record Draft(String kind, String title, String summary, String bodyHtml, String category, long unitId,
                        String externalUrl, boolean internal) {
    }

    static final String COLUMNS = "SELECT id, kind, title, summary, body_html, category, unit_id, cover_key, video_key, "
            + "poster_key, video_seconds, external_url, internal, status, return_comment, publish_at, published_at, "
            + "created_by, submitted_by, approved_by, updated_at FROM publicity_item";
    static final RowMapper<Item> MAPPER = (rs, i) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9),
            rs.getString(10), rs.getObject(11, Integer.class), rs.getString(12), rs.getBoolean(13), rs.getString(14),
            rs.getString(15), rs.getObject(16, OffsetDateTime.class), rs.getObject(17, OffsetDateTime.class),
            rs.getLong(18), rs.getObject(19, Long.class), rs.getObject(20, Long.class),
            rs.getObject(21, OffsetDateTime.class));

    private final JdbcClient jdbc;

    Items(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Draft d, String videoKey, long createdBy) {
        return jdbc.sql("""
                        INSERT INTO publicity_item (kind, title, summary, body_html, category, unit_id, video_key,
                          external_url, internal, status, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?) RETURNING id""")
                .params(d.kind(), d.title(), d.summary(), d.bodyHtml(), d.category(), d.unitId(), videoKey,
                        d.externalUrl(), d.internal(), createdBy)
                .query(Long.class).single();
    }

    public void update(long id, Draft d) {
        jdbc.sql("""
                        UPDATE publicity_item SET title = ?, summary = ?, body_html = ?, category = ?, external_url = ?,
                          internal = ?, updated_at = now() WHERE id = ?""")
                .params(d.title(), d.summary(), d.bodyHtml(), d.category(), d.externalUrl(), d.internal(), id).update();
    }

    public void setMedia(long id, String coverKey, String videoKey, String posterKey, Integer videoSeconds) {
        jdbc.sql("""
                        UPDATE publicity_item SET cover_key = coalesce(?, cover_key), video_key = coalesce(?, video_key),
                          poster_key = coalesce(?, poster_key), video_seconds = coalesce(?, video_seconds),
                          updated_at = now() WHERE id = ?""")
                .params(coverKey, videoKey, posterKey, videoSeconds, id).update();
    }

    public Optional<Item> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(MAPPER).optional();
    }

    public Optional<Item> lock(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ? FOR UPDATE").param(id).query(MAPPER).optional();
    }

    public void submitted(long id, long by) {
        jdbc.sql("""
                        UPDATE publicity_item SET status = 'SUBMITTED', submitted_by = ?, submitted_at = now(),
                          return_comment = NULL, approved_by = NULL, approved_at = NULL, publish_at = NULL,
                          updated_at = now() WHERE id = ?""")
                .params(by, id).update();
    }

    public void returned(long id, String comment) {
        jdbc.sql("UPDATE publicity_item SET status = 'RETURNED', return_comment = ?, updated_at = now() WHERE id = ?")
                .params(comment, id).update();
    }

    /** Approved for a later moment: it stays submitted until the scheduler publishes it. */
    public void scheduled(long id, long by, OffsetDateTime at) {
        jdbc.sql("""
                        UPDATE publicity_item SET approved_by = ?, approved_at = now(), publish_at = ?, updated_at = now()
                        WHERE id = ?""")
                .params(by, at, id).update();
    }

    public void published(long id, long by, OffsetDateTime at) {
        jdbc.sql("""
                        UPDATE publicity_item SET status = 'PUBLISHED', approved_by = ?, approved_at = coalesce(approved_at, ?),
                          published_at = ?, updated_at = now() WHERE id = ?""")
                .params(by, at, at, id).update();
    }

    public void withdrawn(long id, String reason, OffsetDateTime at) {
        jdbc.sql("""
                        UPDATE publicity_item SET status = 'WITHDRAWN', withdrawn_at = ?, withdraw_reason = ?,
                          updated_at = now() WHERE id = ?""")
                .params(at, reason, id).update();
    }

    /** Approved items whose moment has come. */
    public List<Long> dueForPublishing(OffsetDateTime now) {
        return jdbc.sql("""
                        SELECT id FROM publicity_item WHERE status = 'SUBMITTED' AND approved_by IS NOT NULL
                          AND publish_at <= ? ORDER BY publish_at""")
                .param(now).query(Long.class).list();
    }

    /** Published items, newest first, optionally of one category and of units given (a subtree), public ones only. */
    public List<Item> published(String category, Collection<Long> unitIds, boolean includeInternal, int offset,
                                int limit) {
        Long[] units = unitIds == null ? null : unitIds.toArray(Long[]::new);
        return jdbc.sql(COLUMNS + """
                         WHERE status = 'PUBLISHED' AND (CAST(? AS text) IS NULL OR category = ?)
                          AND (CAST(? AS bigint[]) IS NULL OR unit_id = ANY(?)) AND (? OR NOT internal)
                        ORDER BY published_at DESC, id DESC OFFSET ? LIMIT ?""")
                .params(category, category, units, units, includeInternal, offset, limit).query(MAPPER).list();
    }

    /** How many items {@link #published} finds in all, for the pager. */
    public long countPublished(String category, Collection<Long> unitIds, boolean includeInternal) {
        Long[] units = unitIds == null ? null : unitIds.toArray(Long[]::new);
        return jdbc.sql("""
                        SELECT count(*) FROM publicity_item WHERE status = 'PUBLISHED'
                          AND (CAST(? AS text) IS NULL OR category = ?)
                          AND (CAST(? AS bigint[]) IS NULL OR unit_id = ANY(?)) AND (? OR NOT internal)""")
                .params(category, category, units, units, includeInternal).query(Long.class).single();
    }

    /** Items of the units given in any status, newest change first (the officers' desk). */
    public List<Item> ofUnits(Collection<Long> unitIds, String status, int limit) {
        if (unitIds != null && unitIds.isEmpty()) {
            return List.of();
        }
        Long[] units = unitIds == null ? null : unitIds.toArray(Long[]::new);
        return jdbc.sql(COLUMNS + """
                         WHERE (CAST(? AS bigint[]) IS NULL OR unit_id = ANY(?)) AND (CAST(? AS text) IS NULL OR status = ?)
                        ORDER BY updated_at DESC LIMIT ?""")
                .params(units, units, status, status, limit).query(MAPPER).list();
    }
}
