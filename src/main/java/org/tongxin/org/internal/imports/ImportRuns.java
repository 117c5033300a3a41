package org.tongxin.org.internal.imports;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.shared.crypto.Mask;

/** Import attempts with their error reports, one tab-separated line per error. */
@Repository
public class ImportRuns {

    private static final String COLUMNS =
            "id, actor_id, file_name, status, total_rows, created_rows, updated_rows, errors, created_at";
    private static final RowMapper<ImportRun> MAPPER = (rs, i) -> new ImportRun(rs.getLong("id"),
            rs.getLong("actor_id"), rs.getString("file_name"), rs.getString("status"), rs.getInt("total_rows"),
            rs.getInt("created_rows"), rs.getInt("updated_rows"), parse(rs.getString("errors")),
            rs.getObject("created_at", OffsetDateTime.class));

    private final JdbcClient jdbc;

    ImportRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long save(long actorId, String fileName, boolean imported, int total, int created, int updated,
                     List<RowError> errors) {
        return jdbc.sql("""
                        INSERT INTO import_run (actor_id, file_name, status, total_rows, created_rows, updated_rows, errors)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(actorId, fileName, imported ? "IMPORTED" : "REJECTED", total, created, updated, format(errors))
                .query(Long.class).single();
    }

    public Optional<ImportRun> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_run WHERE id = ?").param(id).query(MAPPER).optional();
    }

    /** Recent runs: all of them, or only those by {@code actorId} when not null. */
    public List<ImportRun> recent(Long actorId, int limit) {
        if (actorId == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM import_run ORDER BY id DESC LIMIT ?").param(limit)
                    .query(MAPPER).list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_run WHERE actor_id = ? ORDER BY id DESC LIMIT ?")
                .params(actorId, limit).query(MAPPER).list();
    }

    static String format(List<RowError> errors) {
        StringBuilder out = new StringBuilder();
        for (RowError e : errors) {
            out.append(e.line()).append('\t').append(e.column() == null ? "" : e.column().name()).append('\t')
                    .append(e.messageKey()).append('\t').append(clean(stored(e))).append('\n');
        }
        return out.toString();
    }

    /**
     * Reports are kept and shown to officers and the committee: phone and ID numbers go in masked, like
     * everywhere else they are listed. The row number and the masked value still find the row.
     */
    private static String stored(RowError e) {
        if (e.column() == Column.PHONE && !e.messageKey().equals("import.error.duplicate")) {
            return Mask.phone(e.value());
        }
        if (e.column() == Column.ID_CARD && !e.messageKey().equals("import.error.duplicate")) {
            return Mask.idCard(e.value());
        }
        return e.value();
    }

    private static String clean(String value) {
        return value == null ? "" : value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    static List<RowError> parse(String text) {
        List<RowError> errors = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return errors;
        }
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", -1);
            errors.add(new RowError(Integer.parseInt(f[0]), f[1].isEmpty() ? null : Column.valueOf(f[1]), f[2],
                    f.length > 3 ? f[3] : ""));
        }
        return errors;
    }
}
