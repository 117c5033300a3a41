package org.tongxin.library.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reading rooms (职工书屋), each run by a union unit. */
@Repository
public class Rooms {

    /** A reading room at a site. */
    public record Room(long id, String name, long unitId, String site, String hours) {
    }

    private static final String COLUMNS = "SELECT id, name, unit_id, site, hours FROM library_room";
    private static final RowMapper<Room> MAPPER = (rs, i) -> new Room(rs.getLong(1), rs.getString(2), rs.getLong(3),
            rs.getString(4), rs.getString(5));

    private final JdbcClient jdbc;

    Rooms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Room> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(MAPPER).optional();
    }

    public List<Room> all() {
        return jdbc.sql(COLUMNS + " ORDER BY name").query(MAPPER).list();
    }

    public List<Room> ofUnits(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE unit_id IN (:ids) ORDER BY name").param("ids", unitIds).query(MAPPER).list();
    }

    public long insert(String name, long unitId, String site, String hours) {
        return jdbc.sql("INSERT INTO library_room (name, unit_id, site, hours) VALUES (?, ?, ?, ?) RETURNING id")
                .params(name, unitId, site, hours).query(Long.class).single();
    }

    public void update(long id, String name, String site, String hours) {
        jdbc.sql("UPDATE library_room SET name = ?, site = ?, hours = ? WHERE id = ?").params(name, site, hours, id)
                .update();
    }

    public boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM library_room WHERE lower(trim(name)) = lower(trim(?)) AND id <> ?")
                .params(name, exceptId == null ? 0 : exceptId).query(Long.class).single() > 0;
    }
}
