package org.tongxin.insight.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read model's one writer: replaces a record's facts by its newest snapshot and adds the difference to the
 * monthly roll-up of the fact's unit and of every unit above it, in the same transaction. Idempotent (the same
 * snapshot twice changes nothing) and order-proof (an older version than the one applied is ignored); one record's
 * snapshots take turns on an advisory lock.
 */
@Service
public class Facts {

    private static final String INSERT_FACT = """
            INSERT INTO insight_fact (kind, source_id, record, unit_id, unit_path, person_id, category, starts_on,
              ends_on, due_on, value, outcome)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String ADD_TO_MONTH = """
            INSERT INTO insight_month (kind, category, unit_id, month, started, ended, value, ended_value, ended_days)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (kind, month, unit_id, category) DO UPDATE SET
              started = insight_month.started + excluded.started,
              ended = insight_month.ended + excluded.ended,
              value = insight_month.value + excluded.value,
              ended_value = insight_month.ended_value + excluded.ended_value,
              ended_days = insight_month.ended_days + excluded.ended_days""";
    private static final String DROP_EMPTY_MONTH = """
            DELETE FROM insight_month WHERE kind = ? AND month = ? AND unit_id = ? AND category = ?
              AND started = 0 AND ended = 0 AND value = 0 AND ended_value = 0 AND ended_days = 0""";
    /** A replay's facts, one statement for a batch of records: a column of values per parameter. */
    private static final String INSERT_FACTS = """
            INSERT INTO insight_fact (kind, source_id, record, unit_id, unit_path, person_id, category, starts_on,
              ends_on, due_on, value, outcome)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::text[],
              ?::date[], ?::date[], ?::date[], ?::numeric[], ?::text[])""";
    /** A replay's roll-up cells, one statement for many; answers the cells the addition left at zero. */
    private static final String ADD_TO_MONTHS = """
            WITH added AS (
              INSERT INTO insight_month AS m (kind, category, unit_id, month, started, ended, value, ended_value,
                ended_days)
              SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::date[], ?::bigint[], ?::bigint[],
                ?::numeric[], ?::numeric[], ?::bigint[])
              ON CONFLICT (kind, month, unit_id, category) DO UPDATE SET
                started = m.started + excluded.started,
                ended = m.ended + excluded.ended,
                value = m.value + excluded.value,
                ended_value = m.ended_value + excluded.ended_value,
                ended_days = m.ended_days + excluded.ended_days
              RETURNING kind, category, unit_id, month, started, ended, value, ended_value, ended_days)
            SELECT kind, category, unit_id, month FROM added
            WHERE started = 0 AND ended = 0 AND value = 0 AND ended_value = 0 AND ended_days = 0""";
    private static final String DROP_EMPTY_MONTHS = """
            DELETE FROM insight_month WHERE (kind, category, unit_id, month) IN (
                SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::date[]))
              AND started = 0 AND ended = 0 AND value = 0 AND ended_value = 0 AND ended_days = 0""";
    /** Records a rebuild gathers before writing them in one transaction. */
    private static final int BATCH = 2_000;
    /**
     * Roll-up cells of the facts' own units a replay gathers, over many transactions of records, before adding them.
     * The cells of the units above are gathered for the whole replay (up to {@link #CELLS_ABOVE}): they are few and
     * shared by many records (every member of a province counts in the root's cell of the month they joined), so each
     * is written about once rather than once per hundred thousand cells.
     */
    private static final int CELLS = 100_000;
    private static final int CELLS_ABOVE = 400_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final UnitPaths paths;
    /** A rebuild's writes, gathered on the rebuilding thread only. */
    private final ThreadLocal<Batch> batch = new ThreadLocal<>();

    Facts(JdbcClient jdbc, PlatformTransactionManager transactions, UnitPaths paths) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.paths = paths;
    }

    /** What a replay has handed over and not yet written. */
    private static final class Batch {
        final Map<String, List<Fact>> replaced = new LinkedHashMap<>();
        final Map<String, List<UnaryOperator<List<Fact>>>> merged = new LinkedHashMap<>();
        /**
         * The roll-up differences of the records written so far and not yet added: in the cells of the facts' own
         * units, and in those of the units above. Sums commute: a live snapshot that meanwhile replaces a written
         * record subtracts its facts from the roll-up at once, and the replay's addition comes later; the figures
         * agree once the replay has added everything.
         */
        final Map<Cell, Delta> own = new HashMap<>();
        final Map<Cell, Delta> above = new HashMap<>();
    }

    /** A roll-up cell. */
    private record Cell(String kind, String category, long unitId, LocalDate month) implements Comparable<Cell> {

        @Override
        public int compareTo(Cell o) {
            int c = kind.compareTo(o.kind);
            if (c == 0) {
                c = month.compareTo(o.month);
            }
            if (c == 0) {
                c = Long.compare(unitId, o.unitId);
            }
            return c == 0 ? category.compareTo(o.category) : c;
        }
    }

    /** What a cell gains or loses. */
    private static final class Delta {
        long started;
        long ended;
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal endedValue = BigDecimal.ZERO;
        long endedDays;

        boolean isZero() {
            return started == 0 && ended == 0 && value.signum() == 0 && endedValue.signum() == 0 && endedDays == 0;
        }

        Delta plus(Delta o) {
            started += o.started;
            ended += o.ended;
            value = value.add(o.value);
            endedValue = endedValue.add(o.endedValue);
            endedDays += o.endedDays;
            return this;
        }
    }

    /**
     * Makes {@code facts} the record's facts, if {@code version} is not older than the one applied. Returns whether
     * anything was applied (a replay inside {@link #batched} hands its snapshots over and returns true).
     */
    public boolean replace(String record, long version, List<Fact> facts) {
        Batch b = batch.get();
        if (b != null && version == 0) {
            b.replaced.put(record, List.copyOf(facts));
            if (b.replaced.size() >= BATCH) {
                flush(b);
            }
            return true;
        }
        return update(record, version, old -> facts);
    }

    /**
     * Makes {@code change(old facts)} the record's facts, if {@code version} is not older than the one applied.
     * Returns whether anything was applied.
     */
    public boolean update(String record, long version, UnaryOperator<List<Fact>> change) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            lock(record);
            claim(record);
            Long applied = jdbc.sql("SELECT version FROM insight_record WHERE record = ?").param(record)
                    .query(Long.class).optional().orElse(null);
            if (applied != null && applied > version) {
                return false;
            }
            write(record, version, change);
            return true;
        }));
    }

    /**
     * Makes {@code change(old facts)} the record's facts whatever came before: for a record made of parts that each
     * carry their own version (a unit's headcount per month), where {@code change} keeps the newer of each part.
     */
    public void merge(String record, UnaryOperator<List<Fact>> change) {
        Batch b = batch.get();
        if (b != null) {
            b.merged.computeIfAbsent(record, r -> new ArrayList<>()).add(change);
            return;
        }
        tx.executeWithoutResult(status -> {
            lock(record);
            claim(record);
            write(record, 0, change);
        });
    }

    private void lock(String record) {
        writing();
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('insight:' || ?))").param(record).query().singleRow();
    }

    /**
     * Takes the record's row before its facts, in the order a rebuild's batch takes them: a live snapshot meeting a
     * batch that claimed the record waits here for it, rather than each waiting for the other's facts and row.
     */
    private void claim(String record) {
        jdbc.sql("INSERT INTO insight_record (record, version) VALUES (?, -1) ON CONFLICT (record) DO NOTHING")
                .param(record).update();
    }

    /**
     * Every write holds the read model's lock shared for its transaction and emptying it holds it alone: a rebuild's
     * TRUNCATE waits for the writes in flight and the next ones wait for it, instead of the two deadlocking.
     */
    private void writing() {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(hashtext('insight:read-model'))").query().singleRow();
    }

    /**
     * Runs a replay of history with its snapshots written a few thousand records per transaction rather than one by
     * one, each transaction's facts in one statement, and the roll-up differences gathered over many transactions and
     * added in one statement a hundred thousand cells at a time (those of the units above the facts' own at the end).
     * A record a live snapshot reached first (its row in
     * {@code insight_record} exists) is left to it: the replay claims each record by inserting that row, so a live
     * snapshot arriving meanwhile waits and then wins.
     */
    public void batched(Runnable replay) {
        Batch b = new Batch();
        batch.set(b);
        try {
            replay.run();
            flush(b);
        } finally {
            batch.remove();
        }
        List<String> merged = new ArrayList<>(b.merged.keySet());
        for (int i = 0; i < merged.size(); i += BATCH) {
            flushMerged(merged.subList(i, Math.min(merged.size(), i + BATCH)), b);
        }
        mergeAbove(b);
        if (!b.own.isEmpty()) {
            tx.executeWithoutResult(status -> {
                writing();
                addAll(b.own);
            });
            b.own.clear();
        }
    }

    /**
     * Adds the gathered roll-up differences once there are many, in the transaction of the records at hand and in one
     * statement (so in the cells' order, see {@link #addAll}).
     */
    private void addIfMany(Batch b) {
        if (b.above.size() >= CELLS_ABOVE) {
            mergeAbove(b);
        }
        if (b.own.size() >= CELLS) {
            addAll(b.own);
            b.own.clear();
        }
    }

    /** Moves the differences of the units above into those of the own units, to be added with them. */
    private static void mergeAbove(Batch b) {
        b.above.forEach((cell, d) -> b.own.merge(cell, d, Delta::plus));
        b.above.clear();
    }

    /**
     * Writes merged records of a replay in one transaction: each record's lock taken in one order (a live snapshot
     * takes one lock only, so nobody waits in a circle), its facts read, changed and the difference rolled up.
     */
    private void flushMerged(List<String> records, Batch b) {
        tx.executeWithoutResult(status -> {
            writing();
            String[] keys = records.toArray(String[]::new);
            jdbc.sql("""
                            SELECT pg_advisory_xact_lock(h)
                            FROM (SELECT hashtext('insight:' || r) AS h FROM unnest(?::text[]) r ORDER BY 1) locks""")
                    .param(keys).query().listOfRows();
            Map<String, List<Fact>> old = new LinkedHashMap<>();
            jdbc.sql("DELETE FROM insight_fact WHERE record = ANY(?::text[]) RETURNING *").param(keys)
                    .query((rs, n) -> old.computeIfAbsent(rs.getString("record"), r -> new ArrayList<>())
                            .add(fact(rs, n)))
                    .list();
            List<Object[]> rows = new ArrayList<>();
            for (String record : records) {
                List<Fact> facts = old.getOrDefault(record, List.of());
                facts.forEach(f -> add(b.own, b.above, f, -1));
                for (UnaryOperator<List<Fact>> change : b.merged.get(record)) {
                    facts = change.apply(facts);
                }
                for (Fact f : facts) {
                    add(b.own, b.above, f, 1);
                    rows.add(factRow(record, f));
                }
            }
            insertFacts(rows);
            jdbc.sql("""
                            INSERT INTO insight_record (record, version) SELECT r, 0 FROM unnest(?::text[]) r
                            ON CONFLICT (record) DO NOTHING""")
                    .param(keys).update();
            addIfMany(b);
        });
    }

    /** Inserts a replay's facts in one statement. */
    private void insertFacts(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String[][] columns = new String[12][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            for (int c = 0; c < columns.length; c++) {
                columns[c][i] = text(row[c]);
            }
        }
        jdbc.sql(INSERT_FACTS).params((Object[]) columns).update();
    }

    /** A value as PostgreSQL reads it back from text: numbers without exponents, dates in ISO form. */
    private static String text(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> d.toPlainString();
            default -> value.toString();
        };
    }

    private Object[] factRow(String record, Fact f) {
        return new Object[] {f.kind(), f.sourceId(), record, f.unitId(), paths.unit(f.unitId()).path(), f.personId(),
                f.category(), f.startsOn(), f.endsOn(), f.dueOn(), f.value(), f.outcome()};
    }

    /**
     * Adds the cells' deltas to the roll-up in one statement, in the cells' order (as a live snapshot adds its few,
     * so two writers never wait for each other in a circle), and removes the cells left at zero.
     */
    private void addAll(Map<Cell, Delta> deltas) {
        List<Map.Entry<Cell, Delta>> cells = deltas.entrySet().stream().filter(e -> !e.getValue().isZero())
                .sorted(Map.Entry.comparingByKey()).toList();
        if (cells.isEmpty()) {
            return;
        }
        String[][] columns = new String[9][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i).getKey();
            Delta d = cells.get(i).getValue();
            columns[0][i] = c.kind();
            columns[1][i] = c.category();
            columns[2][i] = Long.toString(c.unitId());
            columns[3][i] = c.month().toString();
            columns[4][i] = Long.toString(d.started);
            columns[5][i] = Long.toString(d.ended);
            columns[6][i] = d.value.toPlainString();
            columns[7][i] = d.endedValue.toPlainString();
            columns[8][i] = Long.toString(d.endedDays);
        }
        List<String[]> empty = jdbc.sql(ADD_TO_MONTHS).params((Object[]) columns)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        if (!empty.isEmpty()) {
            String[][] keys = new String[4][empty.size()];
            for (int i = 0; i < empty.size(); i++) {
                for (int k = 0; k < 4; k++) {
                    keys[k][i] = empty.get(i)[k];
                }
            }
            jdbc.sql(DROP_EMPTY_MONTHS).params((Object[]) keys).update();
        }
    }

    private void flush(Batch b) {
        if (b.replaced.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            writing();
            List<String> owned = jdbc.sql("""
                            INSERT INTO insight_record (record, version) SELECT r, 0 FROM unnest(?::text[]) r
                            ON CONFLICT DO NOTHING RETURNING record""")
                    .param(b.replaced.keySet().toArray(String[]::new)).query(String.class).list();
            List<Object[]> rows = new ArrayList<>();
            for (String record : owned) {
                for (Fact f : b.replaced.get(record)) {
                    add(b.own, b.above, f, 1);
                    rows.add(factRow(record, f));
                }
            }
            insertFacts(rows);
            addIfMany(b);
        });
        b.replaced.clear();
    }

    private void write(String record, long version, UnaryOperator<List<Fact>> change) {
        List<Fact> old = jdbc.sql("DELETE FROM insight_fact WHERE record = ? RETURNING *").param(record)
                .query(Facts::fact).list();
        List<Fact> facts = change.apply(old);
        Map<Cell, Delta> deltas = new TreeMap<>();
        old.forEach(f -> add(deltas, f, -1));
        for (Fact f : facts) {
            add(deltas, f, 1);
            jdbc.sql(INSERT_FACT).params(factRow(record, f)).update();
        }
        jdbc.sql("""
                        INSERT INTO insight_record (record, version) VALUES (?, ?)
                        ON CONFLICT (record) DO UPDATE SET version = greatest(insight_record.version, excluded.version)""")
                .params(record, version).update();
        for (Map.Entry<Cell, Delta> e : deltas.entrySet()) {
            apply(e.getKey(), e.getValue());
        }
    }

    /** The fact counts in the subtree of its unit and of each unit above. */
    private void add(Map<Cell, Delta> deltas, Fact f, int sign) {
        add(deltas, deltas, f, sign);
    }

    /** The same, with the differences for the fact's own unit and for the units above it gathered apart. */
    private void add(Map<Cell, Delta> own, Map<Cell, Delta> above, Fact f, int sign) {
        BigDecimal value = f.value().multiply(BigDecimal.valueOf(sign));
        for (long unit : paths.pathIds(f.unitId())) {
            Map<Cell, Delta> deltas = unit == f.unitId() ? own : above;
            Delta start = deltas.computeIfAbsent(new Cell(f.kind(), f.category(), unit, month(f.startsOn())),
                    c -> new Delta());
            start.started += sign;
            start.value = start.value.add(value);
            if (f.endsOn() != null) {
                Delta end = deltas.computeIfAbsent(new Cell(f.kind(), f.category(), unit, month(f.endsOn())),
                        c -> new Delta());
                end.ended += sign;
                end.endedValue = end.endedValue.add(value);
                end.endedDays += sign * ChronoUnit.DAYS.between(f.startsOn(), f.endsOn());
            }
        }
    }

    static LocalDate month(LocalDate day) {
        return day.withDayOfMonth(1);
    }

    private void apply(Cell cell, Delta d) {
        if (d.isZero()) {
            return;
        }
        jdbc.sql(ADD_TO_MONTH).params(cell.kind(), cell.category(), cell.unitId(), cell.month(), d.started, d.ended,
                d.value, d.endedValue, d.endedDays).update();
        jdbc.sql(DROP_EMPTY_MONTH).params(cell.kind(), cell.month(), cell.unitId(), cell.category()).update();
    }

    private static Fact fact(ResultSet rs, int i) throws SQLException {
        Object person = rs.getObject("person_id");
        return new Fact(rs.getString("kind"), rs.getString("source_id"), rs.getLong("unit_id"),
                person == null ? null : ((Number) person).longValue(), rs.getString("category"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getBigDecimal("value"), rs.getString("outcome"));
    }

    /** Marks the read model as rebuilt from the histories; emptying it removes the mark. */
    public void markRebuilt() {
        jdbc.sql("INSERT INTO insight_record (record, version) VALUES ('rebuilt', 0) ON CONFLICT DO NOTHING").update();
    }

    /** Whether the read model holds a finished rebuild (not only the live snapshots since it was emptied). */
    public boolean isRebuilt() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM insight_record WHERE record = 'rebuilt')").query(Boolean.class)
                .single();
    }

    /** Empties the read model before a rebuild. */
    public void clear() {
        tx.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('insight:read-model'))").query().singleRow();
            jdbc.sql("TRUNCATE insight_fact, insight_month, insight_record").update();
        });
    }

    /** Every roll-up row, for comparing a rebuild with the kept figures. */
    public List<String> rollUp() {
        List<String> rows = new ArrayList<>();
        jdbc.sql("""
                        SELECT kind, category, unit_id, month, started, ended, value, ended_value, ended_days
                        FROM insight_month ORDER BY kind, category, unit_id, month""")
                .query((rs, i) -> rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7).toPlainString(),
                        rs.getBigDecimal(8).toPlainString(), rs.getString(9))))
                .list();
        return rows;
    }
}
