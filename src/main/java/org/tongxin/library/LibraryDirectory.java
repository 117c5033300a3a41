package org.tongxin.library;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the library tells other modules about its rooms and titles, read-only: their names, for figures. */
@Service
public class LibraryDirectory {

    private final JdbcClient jdbc;

    LibraryDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The name of each room asked for that exists. */
    public Map<Long, String> roomNames(Collection<Long> roomIds) {
        return names("SELECT id, name FROM library_room WHERE id = ANY(?)", roomIds);
    }

    /** The title of each catalogue entry asked for that exists. */
    public Map<Long, String> titleNames(Collection<Long> titleIds) {
        return names("SELECT id, title FROM library_title WHERE id = ANY(?)", titleIds);
    }

    private Map<Long, String> names(String sql, Collection<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(sql).param(ids.toArray(Long[]::new)).query((rs, i) -> out.put(rs.getLong(1), rs.getString(2)))
                    .list();
        }
        return out;
    }
}
