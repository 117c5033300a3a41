package org.tongxin.library.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Titles and the category tree. */
@Repository
public class Catalogue {

    /** A title (书目) as catalogued. */
    public record Title(long id, String isbn13, String title, String authors, String publisher, Integer pubYear,
                        long categoryId, String coverKey, String summary, OffsetDateTime createdAt) {
    }

    /** What an officer enters for a title. */
    public record TitleDraft(String isbn13, String title, String authors, String publisher, Integer pubYear,
                             long categoryId, String summary) {
    }

    /** A node of the category tree; {@code depth} 0 for the top. */
    public record Category(long id, Long parentId, String code, String nameZh, String nameEn, int depth) {
    }

    static final String TITLE_COLUMNS = "SELECT id, isbn13, title, authors, publisher, pub_year, category_id, cover_key, "
            + "summary, created_at FROM library_title";
    static final RowMapper<Title> TITLE = (rs, i) -> new Title(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getObject(6, Integer.class), rs.getLong(7), rs.getString(8),
            rs.getString(9), rs.getObject(10, OffsetDateTime.class));

    private final JdbcClient jdbc;

    Catalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Title> find(long id) {
        return jdbc.sql(TITLE_COLUMNS + " WHERE id = ?").param(id).query(TITLE).optional();
    }

    public Optional<Title> byIsbn(String isbn13) {
        return jdbc.sql(TITLE_COLUMNS + " WHERE isbn13 = ?").param(isbn13).query(TITLE).optional();
    }

    public List<Title> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(TITLE_COLUMNS + " WHERE id IN (:ids)").param("ids", ids).query(TITLE).list();
    }

    /** Locks the title's row: holds and returns of one title take turns on it, so a return never misses a hold. */
    public void lock(long titleId) {
        jdbc.sql("SELECT id FROM library_title WHERE id = ? FOR NO KEY UPDATE").param(titleId).query(Long.class).single();
    }

    public long insert(TitleDraft d, String coverKey, long createdBy) {
        return jdbc.sql("""
                        INSERT INTO library_title (isbn13, title, authors, publisher, pub_year, category_id, cover_key,
                          summary, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(d.isbn13(), d.title(), d.authors(), d.publisher(), d.pubYear(), d.categoryId(), coverKey,
                        d.summary(), createdBy)
                .query(Long.class).single();
    }

    public void update(long id, TitleDraft d) {
        jdbc.sql("""
                        UPDATE library_title SET isbn13 = ?, title = ?, authors = ?, publisher = ?, pub_year = ?,
                          category_id = ?, summary = ? WHERE id = ?""")
                .params(d.isbn13(), d.title(), d.authors(), d.publisher(), d.pubYear(), d.categoryId(), d.summary(), id)
                .update();
    }

    public void setCover(long id, String coverKey) {
        jdbc.sql("UPDATE library_title SET cover_key = ? WHERE id = ?").params(coverKey, id).update();
    }

    /** The whole tree in display order (parents before their children). */
    public List<Category> categories() {
        return jdbc.sql("""
                        WITH RECURSIVE t AS (
                          SELECT id, parent_id, code, name_zh, name_en, 0 AS depth, ARRAY[position, id::int] AS path
                          FROM library_category WHERE parent_id IS NULL
                          UNION ALL
                          SELECT c.id, c.parent_id, c.code, c.name_zh, c.name_en, t.depth + 1, t.path || ARRAY[c.position, c.id::int]
                          FROM library_category c JOIN t ON c.parent_id = t.id)
                        SELECT id, parent_id, code, name_zh, name_en, depth FROM t ORDER BY path""")
                .query((rs, i) -> new Category(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6)))
                .list();
    }

    /** The category and every one above it, nearest first. */
    public List<Long> categoryAndAncestors(long categoryId) {
        return jdbc.sql("""
                        WITH RECURSIVE up AS (
                          SELECT id, parent_id, 0 AS d FROM library_category WHERE id = ?
                          UNION ALL
                          SELECT c.id, c.parent_id, up.d + 1 FROM library_category c JOIN up ON c.id = up.parent_id)
                        SELECT id FROM up ORDER BY d""")
                .param(categoryId).query(Long.class).list();
    }
}
