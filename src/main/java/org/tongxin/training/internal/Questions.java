package org.tongxin.training.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The question bank. */
@Repository
public class Questions {

    /** A question as the bank keeps it; choices numbered from 0. */
    public record Question(long id, String type, String stem, List<String> options, int[] correct, List<String> accepted,
                           String skill, int difficulty, String explanation, boolean active,
                           OffsetDateTime createdAt) {
    }

    /** What an author writes. */
    public record Draft(String type, String stem, List<String> options, int[] correct, List<String> accepted,
                        String skill, int difficulty, String explanation) {
    }

    /** How many active questions the bank has per skill and type. */
    public record Stock(String skill, String type, int difficulty, int count) {
    }

    static final String COLUMNS = "SELECT id, type, stem, options, correct, accepted, skill, difficulty, explanation, "
            + "active, created_at FROM training_question";
    static final RowMapper<Question> MAPPER = (rs, i) -> new Question(rs.getLong(1), rs.getString(2),
            rs.getString(3), texts(rs, 4), ints(rs, 5), texts(rs, 6), rs.getString(7), rs.getInt(8), rs.getString(9),
            rs.getBoolean(10), rs.getObject(11, OffsetDateTime.class));

    /** Skill, type and active state, each ignored when null. */
    private static final String FILTER = " WHERE (CAST(? AS text) IS NULL OR skill = ?)"
            + " AND (CAST(? AS text) IS NULL OR type = ?) AND (CAST(? AS boolean) IS NULL OR active = ?)";

    private final JdbcClient jdbc;

    Questions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static List<String> texts(ResultSet rs, int column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    static int[] ints(ResultSet rs, int column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? null : Arrays.stream((Integer[]) a.getArray()).mapToInt(Integer::intValue).toArray();
    }

    static Integer[] boxed(int[] values) {
        return values == null ? null : Arrays.stream(values).boxed().toArray(Integer[]::new);
    }

    public long insert(Draft d, long createdBy) {
        return jdbc.sql("""
                        INSERT INTO training_question (type, stem, options, correct, accepted, skill, difficulty,
                          explanation, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(d.type(), d.stem(), d.options().toArray(String[]::new), boxed(d.correct()),
                        d.accepted().toArray(String[]::new), d.skill(), d.difficulty(), d.explanation(), createdBy)
                .query(Long.class).single();
    }

    public void update(long id, Draft d) {
        jdbc.sql("""
                        UPDATE training_question SET type = ?, stem = ?, options = ?, correct = ?, accepted = ?, skill = ?,
                          difficulty = ?, explanation = ? WHERE id = ?""")
                .params(d.type(), d.stem(), d.options().toArray(String[]::new), boxed(d.correct()),
                        d.accepted().toArray(String[]::new), d.skill(), d.difficulty(), d.explanation(), id)
                .update();
    }

    public void setActive(long id, boolean active) {
        jdbc.sql("UPDATE training_question SET active = ? WHERE id = ?").params(active, id).update();
    }

    public Optional<Question> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(MAPPER).optional();
    }

    public List<Question> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE id IN (:ids)").param("ids", ids).query(MAPPER).list();
    }

    /** A page of the bank, optionally of one skill and type, newest first. */
    public List<Question> list(String skill, String type, boolean activeOnly, int offset, int limit) {
        return jdbc.sql(COLUMNS + """
                         WHERE (CAST(? AS text) IS NULL OR skill = ?) AND (CAST(? AS text) IS NULL OR type = ?)
                          AND (active OR NOT ?)
                        ORDER BY id DESC OFFSET ? LIMIT ?""")
                .params(skill, skill, type, type, activeOnly, offset, limit).query(MAPPER).list();
    }

    /**
     * Questions of a skill, a type and an active state (each null for any), newest first: the bank's list and its
     * export.
     */
    public List<Question> filtered(String skill, String type, Boolean active, int offset, int limit) {
        return jdbc.sql(COLUMNS + FILTER + " ORDER BY id DESC OFFSET ? LIMIT ?")
                .params(skill, skill, type, type, active, active, offset, limit).query(MAPPER).list();
    }

    public long countFiltered(String skill, String type, Boolean active) {
        return jdbc.sql("SELECT count(*) FROM training_question" + FILTER).params(skill, skill, type, type, active, active)
                .query(Long.class).single();
    }

    /** Every skill tag in the bank, retired questions' included (the bank's filter offers them all). */
    public List<String> allSkills() {
        return jdbc.sql("SELECT DISTINCT skill FROM training_question ORDER BY skill").query(String.class).list();
    }

    /**
     * Draws {@code count} active questions of a type at random, of the skill and difficulty when given, leaving
     * out those already drawn for the attempt; fewer when the bank has fewer.
     */
    public List<Question> draw(String type, String skill, Integer difficulty, int count, Collection<Long> excluded) {
        Long[] not = excluded.toArray(Long[]::new);
        return jdbc.sql(COLUMNS + """
                         WHERE active AND type = ? AND (CAST(? AS text) IS NULL OR skill = ?)
                          AND (CAST(? AS int) IS NULL OR difficulty = ?) AND NOT (id = ANY(?))
                        ORDER BY random() LIMIT ?""")
                .params(type, skill, skill, difficulty, difficulty, not, count).query(MAPPER).list();
    }

    /** Active questions per skill, type and difficulty: what exam rules can draw from. */
    public List<Stock> stock() {
        return jdbc.sql("""
                        SELECT skill, type, difficulty, count(*)::int FROM training_question WHERE active
                        GROUP BY skill, type, difficulty ORDER BY skill, type, difficulty""")
                .query((rs, i) -> new Stock(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4))).list();
    }

    public List<String> skills() {
        return jdbc.sql("SELECT DISTINCT skill FROM training_question WHERE active ORDER BY skill").query(String.class)
                .list();
    }
}
