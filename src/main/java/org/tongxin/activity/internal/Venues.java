package org.tongxin.activity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Venues and their owners. */
@Repository
public class Venues {

    private static final String COLUMNS = "id, name, kind, site, capacity, description, photo_key, owner_unit_id, "
            + "created_by, created_at";

    /** What a venue is, as entered on its form. */
    public record Details(String name, String kind, String site, Integer capacity, String description) {
    }

    private final JdbcClient jdbc;

    Venues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long ownerUnitId, Details d, String photoKey, long createdBy) {
        return jdbc.sql("""
                        INSERT INTO activity_venue (name, kind, site, capacity, description, photo_key, owner_unit_id,
                          created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(d.name(), d.kind(), d.site(), d.capacity(), d.description(), photoKey, ownerUnitId, createdBy)
                .query(Long.class).single();
    }

    public void update(long id, Details d) {
        jdbc.sql("UPDATE activity_venue SET name = ?, kind = ?, site = ?, capacity = ?, description = ? WHERE id = ?")
                .params(d.name(), d.kind(), d.site(), d.capacity(), d.description(), id).update();
    }

    public void setPhoto(long id, String photoKey) {
        jdbc.sql("UPDATE activity_venue SET photo_key = ? WHERE id = ?").params(photoKey, id).update();
    }

    public Optional<Venue> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity_venue WHERE id = ?").param(id).query(Venue.class)
                .optional();
    }

    /** Whether the owner has another venue of this name, told apart as the unique index does. */
    public boolean nameTaken(long ownerUnitId, String name, long exceptId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM activity_venue WHERE owner_unit_id = ? AND lower(trim(name)) = lower(trim(?))
                          AND id <> ?)""")
                .params(ownerUnitId, name, exceptId).query(Boolean.class).single();
    }

    /** Every venue whose name or site contains {@code q} (all when blank), of one kind (any when blank). */
    public List<Venue> search(String q, String kind, int limit) {
        String like = q == null || q.isBlank() ? null : "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        String k = kind == null || kind.isBlank() ? null : kind;
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity_venue"
                        + " WHERE (CAST(? AS TEXT) IS NULL OR name ILIKE ? OR site ILIKE ?)"
                        + " AND (CAST(? AS TEXT) IS NULL OR kind = ?) ORDER BY name, id LIMIT ?")
                .params(like, like, like, k, k, limit).query(Venue.class).list();
    }
}
