package org.tongxin.benefits.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.table.TableFileException;
import org.tongxin.shared.table.TableReader;
import org.tongxin.shared.table.TableRow;

/**
 * A payroll's dues file (.xlsx or .csv): every row is checked first and every problem reported with its row number;
 * only a file without problems is recorded, all of it in one transaction, with its run and one audit line (and one
 * per month it replaced).
 */
@Service
public class DuesImport {

    /** Rows per file: a month of the whole enterprise, or a year of a large branch. */
    public static final int MAX_ROWS = 30_000;

    /** One problem: the row as the user sees it, the column's message key (null for the file), a key and a value. */
    public record Problem(int line, String column, String messageKey, String value) implements Serializable {
    }

    /** What happened: the run recorded with its rows and total, or the problems (nothing recorded). */
    public record Outcome(Long runId, int rows, BigDecimal total, List<Problem> problems) implements Serializable {

        public boolean ok() {
            return problems.isEmpty();
        }

        static Outcome refused(List<Problem> problems) {
            return new Outcome(null, 0, BigDecimal.ZERO, problems);
        }
    }

    /** A row that passed its own checks, before the checks across rows and the database. */
    private record Checked(TableRow<DuesColumn> row, long employeeId, long unitId, YearMonth month, BigDecimal base,
                           BigDecimal rate, BigDecimal amount) {
    }

    private final DuesRecords records;
    private final DuesRule rule;
    private final OrgDirectory org;
    private final MemberDirectory members;
    private final AuditTrail audit;
    private final BenefitsSnapshots snapshots;
    private final Clock clock;

    DuesImport(DuesRecords records, DuesRule rule, OrgDirectory org, MemberDirectory members, AuditTrail audit,
               BenefitsSnapshots snapshots, Optional<Clock> clock) {
        this.records = records;
        this.rule = rule;
        this.org = org;
        this.members = members;
        this.audit = audit;
        this.snapshots = snapshots;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @Transactional
    public Outcome importFile(Viewer viewer, String fileName, byte[] content, boolean replace) {
        if (!viewer.isOfficerOrAbove()) {
            throw new OutOfScopeException("importing dues");
        }
        List<TableRow<DuesColumn>> rows;
        try {
            rows = TableReader.read(fileName, content, DuesColumn.class);
        } catch (TableFileException e) {
            return Outcome.refused(List.of(new Problem(0, null, e.messageKey(), e.detail())));
        }
        if (rows.isEmpty()) {
            return Outcome.refused(List.of(new Problem(0, null, "import.file.empty", null)));
        }
        if (rows.size() > MAX_ROWS) {
            return Outcome.refused(List.of(new Problem(0, null, "benefits.dues.import.tooMany",
                    Integer.toString(MAX_ROWS))));
        }
        List<Problem> problems = new ArrayList<>();
        List<Checked> checked = check(viewer, rows, problems);
        Map<String, DuesRecords.Entry> existing = records.existing(checked.stream().map(Checked::employeeId).toList(),
                checked.stream().map(Checked::month).distinct().toList());
        acrossRows(checked, existing, replace, problems);
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
            return Outcome.refused(problems);
        }
        BigDecimal total = checked.stream().map(Checked::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<AuditTrail.Change> replaced = new ArrayList<>();
        for (Checked c : checked) {
            DuesRecords.Entry before = existing.get(c.employeeId() + "@" + c.month());
            if (before != null) {
                replaced.add(new AuditTrail.Change("dues", before.id(), c.unitId(), c.row().get(DuesColumn.EMPLOYEE_NO)
                        + " " + c.month(), Map.of("amount", before.amount(), "source", before.source()),
                        Map.of("amount", c.amount(), "base", c.base(), "rate", c.rate())));
            }
        }
        long runId = records.insertRun(viewer.accountId(), viewer.displayName(), fileName, checked.size(),
                replaced.size(), total);
        records.insertPayroll(runId, viewer.accountId(), checked.stream().map(c -> new DuesRecords.NewEntry(
                c.employeeId(), c.month(), c.unitId(), c.base(), c.rate(), c.amount())).toList(), replace);
        // A replaced month may have been recorded at another unit: that unit's month changes too.
        List<Map.Entry<Long, YearMonth>> touched = new ArrayList<>();
        checked.forEach(c -> touched.add(Map.entry(c.unitId(), c.month())));
        existing.values().forEach(e -> touched.add(Map.entry(e.unitId(), e.month())));
        snapshots.duesChanged(touched);
        audit.record(viewer, "benefits.dues.import", "dues_run", runId, null, fileName,
                null, Map.of("rows", checked.size(), "total", total, "replaced", replaced.size()));
        audit.recordAll(viewer, "benefits.dues.replace", replaced);
        return new Outcome(runId, checked.size(), total, List.of());
    }

    private List<Checked> check(Viewer viewer, List<TableRow<DuesColumn>> rows, List<Problem> problems) {
        Map<String, Long> employees = org.employeeIdsByNumber(rows.stream().map(r -> r.get(DuesColumn.EMPLOYEE_NO))
                .filter(s -> !s.isEmpty()).distinct().toList());
        Map<Long, Long> unitOf = org.unitIdsOf(employees.values());
        Optional<Set<Long>> scope = org.manageableUnitIds(viewer);
        YearMonth current = YearMonth.now(clock);
        List<Checked> out = new ArrayList<>(rows.size());
        for (TableRow<DuesColumn> row : rows) {
            int before = problems.size();
            String no = row.get(DuesColumn.EMPLOYEE_NO);
            Long employeeId = employees.get(no);
            Long unitId = employeeId == null ? null : unitOf.get(employeeId);
            if (employeeId == null || unitId == null) {
                problems.add(problem(row, DuesColumn.EMPLOYEE_NO, no.isEmpty() ? "import.error.required"
                        : "benefits.dues.import.unknownEmployee", no));
            } else if (scope.isPresent() && !scope.get().contains(unitId)) {
                problems.add(problem(row, DuesColumn.EMPLOYEE_NO, "benefits.dues.import.outsideScope", no));
            }
            YearMonth month = month(row, current, problems);
            BigDecimal base = base(row, problems);
            BigDecimal rate = rate(row, problems);
            BigDecimal amount = null;
            if (base != null && rate != null) {
                BigDecimal computed = rule.amount(base, rate);
                String raw = row.get(DuesColumn.AMOUNT);
                if (raw.isEmpty()) {
                    amount = computed;
                } else {
                    BigDecimal given = DuesRule.money(raw).filter(a -> a.signum() >= 0 && a.scale() <= 2).orElse(null);
                    if (given == null) {
                        problems.add(problem(row, DuesColumn.AMOUNT, "benefits.dues.import.amount", raw));
                    } else if (!rule.agrees(given, computed)) {
                        problems.add(problem(row, DuesColumn.AMOUNT, "benefits.dues.import.amountDisagrees",
                                raw + " ≠ " + computed.toPlainString()));
                    } else {
                        amount = given.setScale(2);
                    }
                }
            }
            if (problems.size() == before) {
                out.add(new Checked(row, employeeId, unitId, month, base, rate, amount));
            }
        }
        return out;
    }

    /** Checks across rows: membership in the month, the same person and month twice, months recorded before. */
    private void acrossRows(List<Checked> checked, Map<String, DuesRecords.Entry> existing, boolean replace,
                            List<Problem> problems) {
        Map<YearMonth, List<Long>> peopleByMonth = new LinkedHashMap<>();
        checked.forEach(c -> peopleByMonth.computeIfAbsent(c.month(), k -> new ArrayList<>()).add(c.employeeId()));
        Map<YearMonth, Set<Long>> membersByMonth = new HashMap<>();
        peopleByMonth.forEach((m, ids) -> membersByMonth.put(m, members.membersDuring(ids, m.atDay(1), m.atEndOfMonth())));
        Map<String, Integer> firstLine = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Checked c : checked) {
            String key = c.employeeId() + "@" + c.month();
            String no = c.row().get(DuesColumn.EMPLOYEE_NO);
            if (!membersByMonth.get(c.month()).contains(c.employeeId())) {
                problems.add(problem(c.row(), DuesColumn.MONTH, "benefits.dues.import.notMember", no + " " + c.month()));
            }
            if (!seen.add(key)) {
                problems.add(problem(c.row(), DuesColumn.MONTH, "benefits.dues.import.duplicate",
                        Integer.toString(firstLine.get(key))));
            } else if (!replace && existing.containsKey(key)) {
                problems.add(problem(c.row(), DuesColumn.MONTH, "benefits.dues.import.recorded", no + " " + c.month()));
            }
            firstLine.putIfAbsent(key, c.row().line());
        }
    }

    private YearMonth month(TableRow<DuesColumn> row, YearMonth current, List<Problem> problems) {
        String raw = row.get(DuesColumn.MONTH);
        YearMonth month = DuesRule.month(raw).orElse(null);
        if (month == null) {
            problems.add(problem(row, DuesColumn.MONTH, raw.isEmpty() ? "import.error.required"
                    : "benefits.dues.import.month", raw));
        } else if (!rule.monthAllowed(month, current)) {
            problems.add(problem(row, DuesColumn.MONTH, "benefits.dues.import.monthRange", raw));
            return null;
        }
        return month;
    }

    private BigDecimal base(TableRow<DuesColumn> row, List<Problem> problems) {
        String raw = row.get(DuesColumn.BASE);
        BigDecimal base = DuesRule.money(raw).filter(b -> b.scale() <= 2).orElse(null);
        if (base == null) {
            problems.add(problem(row, DuesColumn.BASE, raw.isEmpty() ? "import.error.required"
                    : "benefits.dues.import.base", raw));
        } else if (!rule.baseAllowed(base)) {
            problems.add(problem(row, DuesColumn.BASE, "benefits.dues.import.baseRange", raw));
            return null;
        }
        return base == null ? null : base.setScale(2);
    }

    private BigDecimal rate(TableRow<DuesColumn> row, List<Problem> problems) {
        String raw = row.get(DuesColumn.RATE);
        if (raw.isEmpty()) {
            return rule.defaultRate();
        }
        BigDecimal rate = DuesRule.rate(raw).orElse(null);
        if (rate == null) {
            problems.add(problem(row, DuesColumn.RATE, "benefits.dues.import.rate", raw));
        } else if (!rule.rateAllowed(rate) || rate.stripTrailingZeros().scale() > 5) {
            problems.add(problem(row, DuesColumn.RATE, "benefits.dues.import.rateRange", raw));
            return null;
        }
        return rate;
    }

    private static Problem problem(TableRow<DuesColumn> row, DuesColumn column, String key, String value) {
        return new Problem(row.line(), column.messageKey(), key, value);
    }
}
