package org.tongxin.activity.results;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.shared.files.Photos;
import org.tongxin.shared.web.Page;

/** Honours, and the walls they hang on. */
@Repository
public class Honours {

    private static final String COLUMNS = "id, kind, title, year, citation, awarded_by_unit_id, employee_id, "
            + "team_unit_id, recipient_unit_id, photo_thumb_key, photo_key, given_by, given_at, revoked_at, revoked_by, "
            + "revoke_reason";
    /** A unit's wall: honours of people and teams in its subtree, and those it gave; revoked ones come down. */
    private static final String ON_WALL = " WHERE revoked_at IS NULL"
            + " AND (recipient_unit_id = ANY(?::bigint[]) OR awarded_by_unit_id = ?)";

    /** The kinds in the order of {@link HonourKind}: 劳模 first. */
    private static final String KIND_ORDER = "array_position(ARRAY['" + String.join("', '",
            Arrays.stream(HonourKind.values()).map(Enum::name).toList()) + "'], kind)";

    /** An honour about to be given; {@code photo} may be null. */
    public record NewHonour(HonourKind kind, String title, int year, String citation, long awardedByUnitId,
                            Long employeeId, Long teamUnitId, long recipientUnitId, Photos.Stored photo,
                            long givenBy) {
    }

    private final JdbcClient jdbc;

    Honours(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewHonour h) {
        return jdbc.sql("""
                        INSERT INTO honour (kind, title, year, citation, awarded_by_unit_id, employee_id, team_unit_id,
                          recipient_unit_id, photo_thumb_key, photo_key, given_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(h.kind().name(), h.title(), h.year(), h.citation(), h.awardedByUnitId(), h.employeeId(),
                        h.teamUnitId(), h.recipientUnitId(), h.photo() == null ? null : h.photo().thumbKey(),
                        h.photo() == null ? null : h.photo().imageKey(), h.givenBy())
                .query(Long.class).single();
    }

    public Optional<Honour> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM honour WHERE id = ?").param(id).query(Honour.class).optional();
    }

    public Optional<Honour> findForUpdate(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM honour WHERE id = ? FOR UPDATE").param(id).query(Honour.class)
                .optional();
    }

    public void revoke(long id, long by, String reason, OffsetDateTime at) {
        jdbc.sql("UPDATE honour SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ?")
                .params(at, by, reason, id).update();
    }

    /** The wall of {@code unitId}, whose subtree is {@code subtreeUnitIds}: latest year first. */
    public Page<Honour> wall(long unitId, Collection<Long> subtreeUnitIds, int page, int size) {
        Long[] subtree = subtreeUnitIds.toArray(Long[]::new);
        long total = jdbc.sql("SELECT count(*) FROM honour" + ON_WALL).params(subtree, unitId).query(Long.class).single();
        List<Honour> rows = jdbc.sql("SELECT " + COLUMNS + " FROM honour" + ON_WALL
                        + " ORDER BY year DESC, " + KIND_ORDER + ", id DESC LIMIT ? OFFSET ?")
                .params(subtree, unitId, size, (long) page * size).query(Honour.class).list();
        return new Page<>(rows, page, size, total);
    }

    public long countOnWall(long unitId, Collection<Long> subtreeUnitIds) {
        return jdbc.sql("SELECT count(*) FROM honour" + ON_WALL).params(subtreeUnitIds.toArray(Long[]::new), unitId)
                .query(Long.class).single();
    }

    /** A person's own honours (revoked ones are not), latest year first. */
    public List<Honour> ofEmployee(long employeeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM honour WHERE employee_id = ? AND revoked_at IS NULL"
                        + " ORDER BY year DESC, id DESC")
                .param(employeeId).query(Honour.class).list();
    }

    public long countOf(long employeeId) {
        return jdbc.sql("SELECT count(*) FROM honour WHERE employee_id = ? AND revoked_at IS NULL").param(employeeId)
                .query(Long.class).single();
    }
}
