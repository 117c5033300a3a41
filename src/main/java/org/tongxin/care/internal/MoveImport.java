package org.tongxin.care.internal;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.table.TableDates;
import org.tongxin.shared.table.TableFileException;
import org.tongxin.shared.table.TableReader;
import org.tongxin.shared.table.TableRow;
import org.tongxin.shared.web.Refusal;

/**
 * HR's batch of moves (.xlsx or .csv): every row is checked first and every problem reported with its row
 * number; only a file without problems is recorded, all of it in one transaction, each row exactly as if
 * entered by hand (classification, case, notices, audit).
 */
@Service
public class MoveImport {

    /** Rows per file: a merger moves hundreds of people, not tens of thousands at once. */
    public static final int MAX_ROWS = 5000;
    private static final Map<String, String> EXIT_LABELS = Map.of("解除", "DISMISSAL", "终止", "TERMINATION",
            "内退", "EARLY_RETIREMENT", "借调", "SECONDMENT", "外派", "POSTING");

    /** One problem: the row as the user sees it, the column header (null for the file), an i18n key and the value. */
    public record Problem(int line, String column, String messageKey, String value) implements Serializable {
    }

    /** What happened: moves recorded and cases opened, or the problems (nothing recorded). */
    public record Outcome(int moves, int cases, List<Problem> problems) implements Serializable {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final CareService care;
    private final CareRecords records;
    private final OrgDirectory org;
    private final Clock clock;

    MoveImport(CareService care, CareRecords records, OrgDirectory org, Optional<Clock> clock) {
        this.care = care;
        this.records = records;
        this.org = org;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @Transactional
    public Outcome importFile(Viewer hr, String fileName, byte[] content) {
        if (!hr.seesWholeTree()) {
            throw new OutOfScopeException("importing moves");
        }
        List<TableRow<MoveColumn>> rows;
        try {
            rows = TableReader.read(fileName, content, MoveColumn.class);
        } catch (TableFileException e) {
            return new Outcome(0, 0, List.of(new Problem(0, null, e.messageKey(), e.detail())));
        }
        if (rows.isEmpty()) {
            return new Outcome(0, 0, List.of(new Problem(0, null, "import.file.empty", null)));
        }
        if (rows.size() > MAX_ROWS) {
            return new Outcome(0, 0, List.of(new Problem(0, null, "care.import.tooMany", Integer.toString(MAX_ROWS))));
        }
        List<Problem> problems = new ArrayList<>();
        List<CareService.MoveForm> forms = check(rows, problems);
        if (!problems.isEmpty()) {
            return new Outcome(0, 0, problems);
        }
        int cases = 0;
        for (int i = 0; i < forms.size(); i++) {
            try {
                long moveId = care.recordMove(hr, forms.get(i));
                cases += records.caseOfMove(moveId).isPresent() ? 1 : 0;
            } catch (Refusal e) {
                // Checked above; anything refused now rolls the whole file back and names its row.
                throw new RowRefused(new Problem(rows.get(i).line(), null, e.messageKey(), null));
            }
        }
        return new Outcome(forms.size(), cases, List.of());
    }

    /** Raised from inside the transaction so that nothing of the file stays; carries the row's problem. */
    public static final class RowRefused extends Refusal {

        private final transient Problem problem;

        RowRefused(Problem problem) {
            super(problem.messageKey());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private List<CareService.MoveForm> check(List<TableRow<MoveColumn>> rows, List<Problem> problems) {
        Set<String> grades = records.grades().keySet();
        Map<String, Long> projects = records.projectIdsByName();
        Map<String, Long> employees = org.employeeIdsByNumber(rows.stream().map(r -> r.get(MoveColumn.EMPLOYEE_NO))
                .filter(s -> !s.isEmpty()).distinct().toList());
        Set<String> seen = new HashSet<>();
        Map<String, Integer> firstLine = new HashMap<>();
        List<CareService.MoveForm> forms = new ArrayList<>(rows.size());
        for (TableRow<MoveColumn> row : rows) {
            int before = problems.size();
            String no = row.get(MoveColumn.EMPLOYEE_NO);
            Long employeeId = employees.get(no);
            if (employeeId == null) {
                problems.add(problem(row, MoveColumn.EMPLOYEE_NO, no.isEmpty() ? "import.error.required"
                        : "care.move.unknownEmployee", no));
            }
            LocalDate movedOn = date(row, problems);
            String fromGrade = grade(row, MoveColumn.FROM_GRADE, grades, true, problems);
            String exitRaw = row.get(MoveColumn.EXIT_TYPE);
            String exit = exitRaw.isEmpty() ? null : EXIT_LABELS.getOrDefault(exitRaw,
                    CareService.EXIT_TYPES.contains(exitRaw.toUpperCase(Locale.ROOT)) ? exitRaw.toUpperCase(Locale.ROOT)
                            : "?");
            if ("?".equals(exit)) {
                problems.add(problem(row, MoveColumn.EXIT_TYPE, "care.import.exitType", exitRaw));
            }
            String toGrade = grade(row, MoveColumn.TO_GRADE, grades, false, problems);
            boolean leaving = exit != null;
            if (leaving && (toGrade != null || !row.get(MoveColumn.TO_DEPARTMENT).isEmpty())) {
                problems.add(problem(row, MoveColumn.EXIT_TYPE, "care.import.exitAndDestination", exitRaw));
            } else if (!leaving) {
                for (MoveColumn c : List.of(MoveColumn.TO_DEPARTMENT, MoveColumn.TO_POST, MoveColumn.TO_GRADE)) {
                    if (row.get(c).isEmpty()) {
                        problems.add(problem(row, c, "care.import.destination", ""));
                    }
                }
            }
            String reason = row.get(MoveColumn.REASON);
            if (reason.isEmpty() || reason.length() > 200) {
                problems.add(problem(row, MoveColumn.REASON, reason.isEmpty() ? "import.error.required"
                        : "import.error.tooLong", reason));
            }
            String projectName = row.get(MoveColumn.PROJECT);
            Long projectId = projectName.isEmpty() ? null : projects.get(projectName.toLowerCase(Locale.ROOT));
            if (!projectName.isEmpty() && projectId == null) {
                problems.add(problem(row, MoveColumn.PROJECT, "care.project.unknown", projectName));
            }
            String key = no + "@" + movedOn;
            if (employeeId != null && movedOn != null && !seen.add(key)) {
                problems.add(problem(row, MoveColumn.EMPLOYEE_NO, "care.import.duplicate",
                        no + " (" + firstLine.get(key) + ")"));
            } else if (employeeId != null && movedOn != null && records.moveExists(employeeId, movedOn)) {
                problems.add(problem(row, MoveColumn.EMPLOYEE_NO, "care.move.duplicate", no + " " + movedOn));
            }
            firstLine.putIfAbsent(key, row.line());
            if (problems.size() == before) {
                forms.add(new CareService.MoveForm(employeeId, movedOn, row.get(MoveColumn.FROM_DEPARTMENT),
                        row.get(MoveColumn.FROM_POST), fromGrade, row.get(MoveColumn.TO_DEPARTMENT),
                        row.get(MoveColumn.TO_POST), toGrade, exit, reason, projectId));
            }
        }
        return forms;
    }

    private static Problem problem(TableRow<MoveColumn> row, MoveColumn column, String key, String value) {
        return new Problem(row.line(), column.chinese(), key, value);
    }

    private LocalDate date(TableRow<MoveColumn> row, List<Problem> problems) {
        String raw = row.get(MoveColumn.MOVED_ON);
        LocalDate d = TableDates.parse(raw).orElse(null);
        if (d == null) {
            problems.add(problem(row, MoveColumn.MOVED_ON, raw.isEmpty() ? "import.error.required"
                    : "import.error.date", raw));
        } else if (d.isAfter(LocalDate.now(clock).plusYears(1)) || d.getYear() < 1950) {
            problems.add(problem(row, MoveColumn.MOVED_ON, "care.import.dateRange", raw));
            d = null;
        }
        return d;
    }

    /** A grade by its code on the ladder (G1 … G8): codes keep files unambiguous where titles vary. */
    private static String grade(TableRow<MoveColumn> row, MoveColumn column, Set<String> grades, boolean required,
                                List<Problem> problems) {
        String raw = row.get(column).toUpperCase(Locale.ROOT);
        if (raw.isEmpty()) {
            if (required) {
                problems.add(problem(row, column, "import.error.required", ""));
            }
            return null;
        }
        if (!grades.contains(raw)) {
            problems.add(problem(row, column, "care.import.grade", row.get(column)));
            return null;
        }
        return raw;
    }
}
