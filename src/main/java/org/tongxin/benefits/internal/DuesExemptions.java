package org.tongxin.benefits.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Exemptions from dues (减免): who, why, from which month to which (open-ended when none), revoked or not. */
@Repository
public class DuesExemptions {

    public enum Reason {
        HARDSHIP, LONG_SICK_LEAVE, OTHER;

        public String messageKey() {
            return "benefits.dues.reason." + name();
        }
    }

    public record Exemption(long id, long employeeId, long unitId, Reason reason, String note, YearMonth from,
                            YearMonth to, OffsetDateTime grantedAt, OffsetDateTime revokedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }

        public boolean covers(YearMonth month) {
            return !revoked() && !month.isBefore(from) && (to == null || !month.isAfter(to));
        }
    }

    private final JdbcClient jdbc;

    DuesExemptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS =
            "id, employee_id, unit_id, reason, note, from_month, to_month, granted_at, revoked_at";

    private static Exemption exemption(java.sql.ResultSet rs) throws java.sql.SQLException {
        Date to = rs.getDate("to_month");
        return new Exemption(rs.getLong("id"), rs.getLong("employee_id"), rs.getLong("unit_id"),
                Reason.valueOf(rs.getString("reason")), rs.getString("note"),
                YearMonth.from(rs.getDate("from_month").toLocalDate()), to == null ? null : YearMonth.from(to.toLocalDate()),
                rs.getObject("granted_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));
    }

    public Optional<Exemption> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM benefits_dues_exemption WHERE id = ?").param(id)
                .query((rs, n) -> exemption(rs)).optional();
    }

    /** Locks the exemption for a change (end, revoke) so two officers do not change it at once. */
    Optional<Exemption> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM benefits_dues_exemption WHERE id = ? FOR UPDATE").param(id)
                .query((rs, n) -> exemption(rs)).optional();
    }

    /** A person's exemptions, the latest first, revoked ones included. */
    public List<Exemption> ofPerson(long employeeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM benefits_dues_exemption WHERE employee_id = ?"
                        + " ORDER BY from_month DESC, id DESC")
                .param(employeeId).query((rs, n) -> exemption(rs)).list();
    }

    /** The live exemptions of the given people that reach into the months from {@code from} to {@code to}. */
    public Map<Long, List<Exemption>> live(Collection<Long> employeeIds, YearMonth from, YearMonth to) {
        Map<Long, List<Exemption>> out = new HashMap<>();
        if (employeeIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM benefits_dues_exemption WHERE employee_id = ANY(?)"
                        + " AND revoked_at IS NULL AND from_month <= ? AND (to_month IS NULL OR to_month >= ?)")
                .params(employeeIds.toArray(Long[]::new), DuesRecords.day(to), DuesRecords.day(from))
                .query((rs, n) -> exemption(rs)).list()
                .forEach(x -> out.computeIfAbsent(x.employeeId(), k -> new ArrayList<>()).add(x));
        return out;
    }

    /** Live exemptions granted in the given units that cover {@code month} or start after it, by start. */
    public List<Exemption> liveInUnits(Collection<Long> unitIds, YearMonth month) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM benefits_dues_exemption WHERE unit_id = ANY(?)"
                        + " AND revoked_at IS NULL AND (to_month IS NULL OR to_month >= ?) ORDER BY from_month, id")
                .params(unitIds.toArray(Long[]::new), DuesRecords.day(month)).query((rs, n) -> exemption(rs)).list();
    }

    /** Whether a live exemption of the person overlaps the months from {@code from} to {@code to} (null: open). */
    boolean overlaps(long employeeId, YearMonth from, YearMonth to, Long except) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM benefits_dues_exemption WHERE employee_id = ? AND revoked_at IS NULL
                          AND id <> ? AND daterange(from_month, to_month, '[]') && daterange(?, ?, '[]'))""")
                .params(employeeId, except == null ? -1L : except, DuesRecords.day(from),
                        to == null ? null : DuesRecords.day(to))
                .query(Boolean.class).single();
    }

    public long insert(long employeeId, long unitId, Reason reason, String note, YearMonth from, YearMonth to, long actorId) {
        return jdbc.sql("""
                        INSERT INTO benefits_dues_exemption (employee_id, unit_id, reason, note, from_month, to_month,
                                                             granted_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(employeeId, unitId, reason.name(), note, DuesRecords.day(from),
                        to == null ? null : DuesRecords.day(to), actorId)
                .query(Long.class).single();
    }

    void end(long id, YearMonth to) {
        jdbc.sql("UPDATE benefits_dues_exemption SET to_month = ? WHERE id = ?").params(DuesRecords.day(to), id).update();
    }

    void revoke(long id, long actorId) {
        jdbc.sql("UPDATE benefits_dues_exemption SET revoked_at = now(), revoked_by = ? WHERE id = ?")
                .params(actorId, id).update();
    }

    /** Live exemptions per unit and month of a year, for the given units (each person counted once a month). */
    public Map<Long, Map<YearMonth, Long>> exemptPerUnitMonth(Collection<Long> unitIds, int year) {
        Map<Long, Map<YearMonth, Long>> out = new HashMap<>();
        if (unitIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT x.unit_id, m::date, count(DISTINCT x.employee_id)
                        FROM benefits_dues_exemption x
                        JOIN generate_series(CAST(? AS DATE), CAST(? AS DATE), INTERVAL '1 month') m
                          ON m >= x.from_month AND (x.to_month IS NULL OR m <= x.to_month)
                        WHERE x.revoked_at IS NULL AND x.unit_id = ANY(?) GROUP BY 1, 2""")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 1), unitIds.toArray(Long[]::new))
                .query((rs, n) -> new Object[]{rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()), rs.getLong(3)})
                .list()
                .forEach(r -> out.computeIfAbsent((Long) r[0], k -> new HashMap<>()).put((YearMonth) r[1], (Long) r[2]));
        return out;
    }
}
