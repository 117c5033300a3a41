package org.tongxin.benefits.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members' monthly dues and the payroll files they came from. */
@Repository
public class DuesRecords {

    /** One month of one member's dues; base and rate may be missing on a cash payment. */
    public record Entry(long id, long employeeId, YearMonth month, long unitId, BigDecimal base, BigDecimal rate,
                        BigDecimal amount, String source, Long runId) {
    }

    /** A payroll import: who ran it, which file, how many rows (of them replacing earlier months) and the total. */
    public record Run(long id, long actorId, String actorName, String fileName, int rows, int replaced, BigDecimal total,
                      OffsetDateTime createdAt) {
    }

    /** A row about to be written. */
    public record NewEntry(long employeeId, YearMonth month, long unitId, BigDecimal base, BigDecimal rate,
                           BigDecimal amount) {
    }

    /** The base and rate of a member's latest recorded month that has them. */
    public record BaseRate(YearMonth month, BigDecimal base, BigDecimal rate) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DuesRecords(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    static LocalDate day(YearMonth month) {
        return month.atDay(1);
    }

    private static YearMonth month(Date date) {
        return YearMonth.from(date.toLocalDate());
    }

    private static final String ENTRY = "id, employee_id, month, unit_id, base, rate, amount, source, run_id";

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        long run = rs.getLong("run_id");
        return new Entry(rs.getLong("id"), rs.getLong("employee_id"), month(rs.getDate("month")), rs.getLong("unit_id"),
                rs.getBigDecimal("base"), rs.getBigDecimal("rate"), rs.getBigDecimal("amount"), rs.getString("source"),
                rs.wasNull() ? null : run);
    }

    /** The entries already recorded for the given people in the given months, keyed "employeeId@yyyy-MM". */
    public Map<String, Entry> existing(Collection<Long> employeeIds, Collection<YearMonth> months) {
        if (employeeIds.isEmpty() || months.isEmpty()) {
            return Map.of();
        }
        Map<String, Entry> out = new HashMap<>();
        jdbc.sql("SELECT " + ENTRY + " FROM benefits_dues WHERE employee_id = ANY(?)"
                        + " AND month = ANY(CAST(? AS DATE[]))")
                .params(employeeIds.toArray(Long[]::new), months.stream().map(m -> day(m).toString()).toArray(String[]::new))
                .query((rs, n) -> entry(rs)).list()
                .forEach(e -> out.put(e.employeeId() + "@" + e.month(), e));
        return out;
    }

    public Optional<Entry> entry(long employeeId, YearMonth month) {
        return jdbc.sql("SELECT " + ENTRY + " FROM benefits_dues WHERE employee_id = ? AND month = ?")
                .params(employeeId, day(month)).query((rs, n) -> entry(rs)).optional();
    }

    public long insertRun(long actorId, String actorName, String fileName, int rows, int replaced, BigDecimal total) {
        return jdbc.sql("""
                        INSERT INTO benefits_dues_run (actor_id, actor_name, file_name, rows, replaced, total)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(actorId, actorName, fileName, rows, replaced, total).query(Long.class).single();
    }

    /**
     * Writes a run's rows in one batch; months already recorded are overwritten only when {@code replace} (otherwise
     * the unique key refuses them and the caller's transaction rolls back).
     */
    public void insertPayroll(long runId, long actorId, List<NewEntry> entries, boolean replace) {
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (NewEntry e : entries) {
            rows.add(new Object[]{e.employeeId(), day(e.month()), e.unitId(), e.base(), e.rate(), e.amount(), runId,
                    actorId});
        }
        template.batchUpdate("""
                INSERT INTO benefits_dues (employee_id, month, unit_id, base, rate, amount, source, run_id, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, 'PAYROLL', ?, ?)""" + (replace ? """
                 ON CONFLICT (employee_id, month) DO UPDATE SET unit_id = excluded.unit_id, base = excluded.base,
                  rate = excluded.rate, amount = excluded.amount, source = 'PAYROLL', run_id = excluded.run_id,
                  recorded_by = excluded.recorded_by, recorded_at = now()""" : ""), rows);
    }

    long insertCash(long employeeId, YearMonth month, long unitId, BigDecimal base, BigDecimal rate, BigDecimal amount,
                    long actorId) {
        return jdbc.sql("""
                        INSERT INTO benefits_dues (employee_id, month, unit_id, base, rate, amount, source, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, 'CASH', ?) RETURNING id""")
                .params(employeeId, day(month), unitId, base, rate, amount, actorId).query(Long.class).single();
    }

    /** A member's months in a year, oldest first. */
    public List<Entry> ofPerson(long employeeId, int year) {
        return jdbc.sql("SELECT " + ENTRY + " FROM benefits_dues WHERE employee_id = ? AND month BETWEEN ? AND ?"
                        + " ORDER BY month")
                .params(employeeId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 1)).query((rs, n) -> entry(rs))
                .list();
    }

    /** A run's rows, by employee and month. */
    public List<Entry> ofRun(long runId) {
        return jdbc.sql("SELECT " + ENTRY + " FROM benefits_dues WHERE run_id = ? ORDER BY employee_id, month")
                .param(runId).query((rs, n) -> entry(rs)).list();
    }

    private static final String RUN = "id, actor_id, actor_name, file_name, rows, replaced, total, created_at";

    public Optional<Run> run(long runId) {
        return jdbc.sql("SELECT " + RUN + " FROM benefits_dues_run WHERE id = ?").param(runId).query(Run.class)
                .optional();
    }

    /** The latest runs, of one actor or (null) of everyone. */
    public List<Run> recentRuns(Long actorId, int limit) {
        return jdbc.sql("SELECT " + RUN + " FROM benefits_dues_run WHERE (CAST(? AS BIGINT) IS NULL OR actor_id = ?)"
                        + " ORDER BY id DESC LIMIT ?")
                .params(actorId, actorId, limit).query(Run.class).list();
    }

    /** The latest month any payroll file has brought in: arrears are counted up to it. */
    public Optional<YearMonth> latestPayrollMonth() {
        return jdbc.sql("SELECT max(month) FROM benefits_dues WHERE source = 'PAYROLL'").query(Date.class).optional()
                .map(DuesRecords::month);
    }

    /** The months recorded (paid) for each of the people between two months (both included). */
    public Map<Long, Set<YearMonth>> paidMonths(Collection<Long> employeeIds, YearMonth from, YearMonth to) {
        Map<Long, Set<YearMonth>> out = new HashMap<>();
        if (employeeIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT employee_id, month FROM benefits_dues WHERE employee_id = ANY(?) AND month BETWEEN ? AND ?")
                .params(employeeIds.toArray(Long[]::new), day(from), day(to))
                .query((rs, n) -> Map.entry(rs.getLong(1), month(rs.getDate(2)))).list()
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        return out;
    }

    /** Each person's latest base and rate (any year), for what a month owed comes to. */
    public Map<Long, BaseRate> latestBaseRates(Collection<Long> employeeIds) {
        Map<Long, BaseRate> out = new HashMap<>();
        if (employeeIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT DISTINCT ON (employee_id) employee_id, month, base, rate FROM benefits_dues
                        WHERE employee_id = ANY(?) AND base IS NOT NULL AND rate IS NOT NULL
                        ORDER BY employee_id, month DESC""")
                .param(employeeIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong(1), new BaseRate(month(rs.getDate(2)), rs.getBigDecimal(3),
                        rs.getBigDecimal(4)))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Collected amount and paying members per unit and month of a year, for the given units. */
    public record UnitMonth(long unitId, YearMonth month, BigDecimal collected, long paying) {
    }

    public List<UnitMonth> collected(Collection<Long> unitIds, int year) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT unit_id, month, sum(amount), count(DISTINCT employee_id) FROM benefits_dues
                        WHERE unit_id = ANY(?) AND month BETWEEN ? AND ? GROUP BY unit_id, month""")
                .params(unitIds.toArray(Long[]::new), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 1))
                .query((rs, n) -> new UnitMonth(rs.getLong(1), month(rs.getDate(2)), rs.getBigDecimal(3), rs.getLong(4)))
                .list();
    }
}
