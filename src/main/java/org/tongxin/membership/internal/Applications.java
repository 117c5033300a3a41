package org.tongxin.membership.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.membership.ApplicationSnapshot;

/** Applications to join. */
@Repository
public class Applications {

    private static final String COLUMNS = "id, employee_id, unit_id, channel, status, submitted_at, due_on, "
            + "escalated_to, escalated_at, decided_at, decided_by, reason, photo_key";

    private static final String SNAPSHOT = "SELECT id, unit_id, status, submitted_at, due_on, decided_at "
            + "FROM membership_application";

    private final JdbcClient jdbc;
    private final UnitStats stats;

    Applications(JdbcClient jdbc, UnitStats stats) {
        this.jdbc = jdbc;
        this.stats = stats;
    }

    public long submit(long employeeId, long unitId, String channel, LocalDate dueOn, String photoKey) {
        long id = jdbc.sql("""
                        INSERT INTO membership_application (employee_id, unit_id, channel, declaration_accepted, status,
                                                            due_on, photo_key)
                        VALUES (?, ?, ?, TRUE, 'PENDING', ?, ?) RETURNING id""")
                .params(employeeId, unitId, channel, dueOn, photoKey).query(Long.class).single();
        stats.addPending(unitId, 1);
        return id;
    }

    /** An application recorded with the day it was made (for data carried over from before). */
    public long submitOn(long employeeId, long unitId, String channel, LocalDate submittedOn, LocalDate dueOn) {
        long id = jdbc.sql("""
                        INSERT INTO membership_application (employee_id, unit_id, channel, declaration_accepted, status,
                                                            submitted_at, due_on)
                        VALUES (?, ?, ?, TRUE, 'PENDING', ?, ?) RETURNING id""")
                .params(employeeId, unitId, channel, at(submittedOn, 9), dueOn).query(Long.class).single();
        stats.addPending(unitId, 1);
        return id;
    }

    /**
     * An application decided before it reached Tongxin (data carried over from before): APPROVED or REJECTED on
     * {@code decidedOn}, with the reason of a rejection.
     */
    public long decidedOn(long employeeId, long unitId, LocalDate submittedOn, LocalDate dueOn, String status,
                          LocalDate decidedOn, String reason) {
        return jdbc.sql("""
                        INSERT INTO membership_application (employee_id, unit_id, channel, declaration_accepted, status,
                                                            submitted_at, due_on, decided_at, reason)
                        VALUES (?, ?, 'ONLINE', TRUE, ?, ?, ?, ?, ?) RETURNING id""")
                .params(employeeId, unitId, status, at(submittedOn, 9), dueOn, at(decidedOn, 16), reason)
                .query(Long.class).single();
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 30).atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    public Optional<Application> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership_application WHERE id = ?").param(id)
                .query(Application.class).optional();
    }

    /** Locks the application for a decision, so two officers cannot decide it twice. */
    public Optional<Application> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership_application WHERE id = ? FOR UPDATE").param(id)
                .query(Application.class).optional();
    }

    public Optional<Application> openOf(long employeeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership_application WHERE employee_id = ? AND status = 'PENDING'")
                .param(employeeId).query(Application.class).optional();
    }

    public List<Application> ofEmployee(long employeeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership_application WHERE employee_id = ? ORDER BY id DESC")
                .param(employeeId).query(Application.class).list();
    }

    /** Pending applications in the given units (all units when empty), oldest deadline first, at most {@code limit}. */
    public List<Application> pending(Optional<Set<Long>> unitIds, int limit) {
        if (unitIds.isEmpty()) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM membership_application WHERE status = 'PENDING' "
                    + "ORDER BY due_on, id LIMIT ?").param(limit).query(Application.class).list();
        }
        if (unitIds.get().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership_application WHERE status = 'PENDING' "
                        + "AND unit_id = ANY(string_to_array(?, ',')::bigint[]) ORDER BY due_on, id LIMIT ?")
                .params(unitIds.get().stream().map(String::valueOf).collect(Collectors.joining(",")), limit)
                .query(Application.class).list();
    }

    /** Pending, past the deadline and not yet escalated. */
    public List<Application> overdue(LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership_application"
                        + " WHERE status = 'PENDING' AND due_on < ? AND escalated_at IS NULL ORDER BY id"
                        + " FOR UPDATE SKIP LOCKED")
                .param(today).query(Application.class).list();
    }

    public void decide(long id, String status, long decidedBy, String reason) {
        jdbc.sql("""
                        UPDATE membership_application SET status = ?, decided_at = now(), decided_by = ?, reason = ?
                        WHERE id = ? AND status = 'PENDING' RETURNING unit_id""")
                .params(status, decidedBy, reason, id)
                .query((rs, i) -> {
                    stats.addPending(rs.getLong(1), -1);
                    return null;
                }).list();
    }

    /** The applicant moved to another unit before a decision: the application goes with them. */
    public void moveTo(long id, long fromUnitId, long toUnitId) {
        stats.lockInOrder(List.of(fromUnitId, toUnitId));
        int moved = jdbc.sql("UPDATE membership_application SET unit_id = ? WHERE id = ? AND status = 'PENDING'")
                .params(toUnitId, id).update();
        if (moved == 1) {
            stats.addPending(fromUnitId, -1);
            stats.addPending(toUnitId, 1);
        }
    }

    /** Closes an application nobody needs to decide any more (the applicant left or retired). */
    public void withdraw(long id) {
        jdbc.sql("""
                        UPDATE membership_application SET status = 'WITHDRAWN', decided_at = now()
                        WHERE id = ? AND status = 'PENDING' RETURNING unit_id""")
                .param(id)
                .query((rs, i) -> {
                    stats.addPending(rs.getLong(1), -1);
                    return null;
                }).list();
    }

    public void escalate(long id, Long toUnit) {
        jdbc.sql("UPDATE membership_application SET escalated_to = ?, escalated_at = now() WHERE id = ?")
                .params(toUnit, id).update();
    }

    public void setDecisionDays(long unitId, int days) {
        jdbc.sql("""
                        INSERT INTO membership_settings (unit_id, decision_days) VALUES (?, ?)
                        ON CONFLICT (unit_id) DO UPDATE SET decision_days = excluded.decision_days""")
                .params(unitId, days).update();
    }

    public int decisionDays(long unitId, int byDefault) {
        return jdbc.sql("SELECT decision_days FROM membership_settings WHERE unit_id = ?").param(unitId)
                .query(Integer.class).optional().orElse(byDefault);
    }

    /** The application as it stands, for figures kept elsewhere. */
    public ApplicationSnapshot snapshot(long id, long version) {
        return jdbc.sql(SNAPSHOT + " WHERE id = ?").param(id).query((rs, i) -> snapshot(rs, version)).single();
    }

    /** Up to {@code limit} applications after {@code afterId} in id order, as snapshots of version 0. */
    public List<ApplicationSnapshot> snapshots(long afterId, int limit) {
        return jdbc.sql(SNAPSHOT + " WHERE id > ? ORDER BY id LIMIT ?").params(afterId, limit)
                .query((rs, i) -> snapshot(rs, 0)).list();
    }

    /** Days are the JVM's zone's, as the decision deadline's. */
    private static ApplicationSnapshot snapshot(ResultSet rs, long version) throws SQLException {
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        return new ApplicationSnapshot(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("status"),
                day(rs.getObject("submitted_at", OffsetDateTime.class)), rs.getObject("due_on", LocalDate.class),
                decided == null ? null : day(decided), version);
    }

    private static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
    }
}
