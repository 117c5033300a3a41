package org.tongxin.library.search;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.tongxin.library.search.TitleIndex.IndexedTitle;

/**
 * What the index reads from the database, always inside one repeatable-read transaction opened by
 * {@link TitleIndexer}: the transaction's snapshot, which titles were renumbered (their own row or one of their
 * copies, see V13 and V14) above a watermark, and those titles as the index needs them.
 */
@Repository
class TitleFeed {

    /** The bounds of the transaction's snapshot: transactions from {@code xmin} on may still have been running. */
    record Snapshot(long xmin, long xmax) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    TitleFeed(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        // A rebuild reads every title's number: stream them instead of holding the whole result.
        this.jdbc.setFetchSize(10_000);
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Must be the transaction's first statement: in repeatable read its snapshot is then the transaction's. */
    Snapshot snapshot() {
        return jdbc.queryForObject("""
                        SELECT pg_snapshot_xmin(s)::text, pg_snapshot_xmax(s)::text FROM pg_current_snapshot() s""",
                (rs, i) -> new Snapshot(Long.parseLong(rs.getString(1)), Long.parseLong(rs.getString(2))));
    }

    /** Receives a title's id with a number it or one of its copies took. */
    interface Renumbered {
        void title(long titleId, long version);
    }

    /** Every title or copy numbered above {@code after}, as (title, number); a title may come more than once. */
    void renumberedSince(long after, Renumbered into) {
        jdbc.query("""
                        SELECT id, search_version FROM library_title WHERE search_version > ?
                        UNION ALL
                        SELECT title_id, search_version FROM library_copy WHERE search_version > ?""",
                rs -> {
                    into.title(rs.getLong(1), rs.getLong(2));
                }, after, after);
    }

    /** The titles with these ids, each with the rooms holding a copy and the rooms with a copy on the shelf. */
    List<IndexedTitle> titles(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return named.query("""
                        SELECT t.id, t.isbn13, t.title, t.authors, t.summary, t.category_id,
                          (extract(epoch FROM t.created_at) * 1000)::bigint,
                          coalesce(c.rooms, '{}'), coalesce(c.shelf, '{}')
                        FROM library_title t
                        LEFT JOIN LATERAL (
                          SELECT array_agg(DISTINCT room_id) FILTER (WHERE status NOT IN ('LOST', 'WITHDRAWN')) AS rooms,
                                 array_agg(DISTINCT room_id) FILTER (WHERE status = 'AVAILABLE') AS shelf
                          FROM library_copy WHERE title_id = t.id) c ON true
                        WHERE t.id IN (:ids)""",
                Map.of("ids", ids),
                (rs, i) -> new IndexedTitle(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getLong(7), longs(rs, 8), longs(rs, 9)));
    }

    private static long[] longs(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        Object[] values = (Object[]) array.getArray();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).longValue();
        }
        return out;
    }
}
