package org.tongxin.org.internal.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.org.Department;
import org.tongxin.org.EmployeeStatus;
import org.tongxin.org.EmployeesLeft;
import org.tongxin.org.EmployeesMoved;
import org.tongxin.org.EmployeesRetired;
import org.tongxin.org.internal.Departments;
import org.tongxin.org.internal.OrgUnits;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.table.TableFileException;
import org.tongxin.shared.table.TableReader;
import org.tongxin.shared.table.TableRow;

/**
 * Imports an HR file all or nothing. Every row is checked first (its own rules, duplicates inside the
 * file, phones and ID numbers already held by someone else, the officer's scope); one bad row rejects
 * the whole file with a report naming each bad row and field. A clean file is written in one
 * transaction through PostgreSQL COPY into a temporary table and two set-based statements, so 100,000
 * rows take seconds. Rows whose keyed fingerprint is unchanged are not touched, so importing the same
 * file twice changes nothing.
 */
@Service
public class EmployeeImporter {

    private static final Logger log = LoggerFactory.getLogger(EmployeeImporter.class);

    /** What an import did; {@code runId} points at the stored report. */
    public record Outcome(long runId, boolean imported, int totalRows, int created, int updated, int badRows) {
    }

    /** A valid row with its blind indexes, computed once for the checks and reused for the write. */
    private record Prepared(EmployeeData data, String phoneIdx, String idCardIdx, String rowHash) {
    }

    private record Checked(TableRow<Column> row, RowRules.Result result, Prepared prepared) {
    }

    private record Existing(long id, String rowHash, String phoneIdx, String idCardIdx, List<Long> unitPath) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final FieldCipher cipher;
    private final Departments departments;
    private final OrgUnits units;
    private final ImportRuns runs;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    EmployeeImporter(JdbcClient jdbc, JdbcTemplate template, FieldCipher cipher, Departments departments,
                     OrgUnits units, ImportRuns runs, AuditTrail audit, Optional<Clock> clock,
                     TransactionTemplate tx, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.template = template;
        this.cipher = cipher;
        this.departments = departments;
        this.units = units;
        this.runs = runs;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.tx = tx;
        this.events = events;
    }

    /** Parses outside any transaction (no connection held while reading a large file), then imports in one. */
    public Outcome importFile(Viewer actor, String fileName, byte[] content) {
        List<TableRow<Column>> rows;
        long started = System.nanoTime();
        try {
            rows = TableReader.read(fileName, content, Column.class);
            log.info("Import {}: read {} rows in {} ms", fileName, rows.size(), (System.nanoTime() - started) / 1_000_000);
        } catch (TableFileException e) {
            List<RowError> errors = List.of(new RowError(0, null, e.messageKey(), e.detail()));
            return tx.execute(status -> {
                long runId = runs.save(actor.accountId(), fileName, false, 0, 0, 0, errors);
                audit.record(actor, "employee.import.rejected", "import", runId, null, fileName, null,
                        Map.of("error", e.messageKey()));
                return new Outcome(runId, false, 0, 0, 0, 0);
            });
        }
        try {
            return tx.execute(status -> importRows(actor, fileName, rows));
        } catch (DataIntegrityViolationException e) {
            // Checked rows can still collide with another import committing the same people meanwhile:
            // nothing was written, and the run says so instead of failing with a server error.
            log.info("Import {} collided with a concurrent change: {}", fileName, e.getMostSpecificCause().getMessage());
            List<RowError> errors = List.of(new RowError(0, null, "import.file.conflict", ""));
            return tx.execute(status -> {
                long runId = runs.save(actor.accountId(), fileName, false, rows.size(), 0, 0, errors);
                audit.record(actor, "employee.import.rejected", "import", runId, null, fileName, null,
                        Map.of("error", "import.file.conflict"));
                return new Outcome(runId, false, rows.size(), 0, 0, 0);
            });
        }
    }

    @Transactional
    public Outcome importRows(Viewer actor, String fileName, List<TableRow<Column>> rows) {
        long started = System.nanoTime();
        Map<Long, List<Long>> unitPaths = units.pathIdsById();
        Set<Long> closedUnits = units.closedIds();
        Map<String, Department> byCode = new HashMap<>();
        for (Department d : departments.all()) {
            byCode.put(d.code(), d);
        }
        Map<Long, Department> byId = new HashMap<>();
        byCode.values().forEach(d -> byId.put(d.id(), d));

        RowRules rules = new RowRules(code -> Optional.ofNullable(byCode.get(code)).map(Department::id),
                LocalDate.now(clock));

        // Pass 1: each row on its own, duplicates inside the file, the officer's departments.
        List<RowError> errors = new ArrayList<>();
        List<Prepared> checked = new ArrayList<>(rows.size());
        Map<String, Integer> seenNo = new HashMap<>();
        Map<String, Integer> seenPhone = new HashMap<>();
        Map<String, Integer> seenIdCard = new HashMap<>();
        // Rules and keyed hashes are per row and CPU-bound: spread them over the cores, keep file order.
        List<Checked> perRow = rows.parallelStream().map(row -> {
            RowRules.Result result = rules.check(row);
            EmployeeData d = result.data();
            return new Checked(row, result, d == null ? null : new Prepared(d, cipher.blindIndex(d.phone()),
                    cipher.blindIndex(d.idCard()), cipher.blindIndex(d.fingerprint())));
        }).toList();
        for (Checked c : perRow) {
            TableRow<Column> row = c.row();
            List<RowError> rowErrors = new ArrayList<>(c.result().errors());
            duplicate(seenNo, row.get(Column.EMPLOYEE_NO), row, Column.EMPLOYEE_NO, rowErrors);
            duplicate(seenPhone, RowRules.normalisePhone(row.get(Column.PHONE)), row, Column.PHONE, rowErrors);
            duplicate(seenIdCard, row.get(Column.ID_CARD).toUpperCase(), row, Column.ID_CARD, rowErrors);
            if (c.prepared() != null) {
                Department dept = byId.get(c.prepared().data().departmentId());
                if (!actor.manages(unitPaths.get(dept.unitId()))) {
                    rowErrors.add(new RowError(row.line(), Column.DEPARTMENT, "import.error.departmentScope",
                            dept.code()));
                } else if (closedUnits.contains(dept.unitId())) {
                    rowErrors.add(new RowError(row.line(), Column.DEPARTMENT, "import.error.departmentClosed",
                            dept.code()));
                }
            }
            if (rowErrors.isEmpty()) {
                checked.add(c.prepared());
            } else {
                errors.addAll(rowErrors);
            }
        }

        long pass1 = System.nanoTime();
        // Pass 2: against the employees already there with the same number, phone or ID number.
        Map<String, Existing> existing = existingEmployees(checked, unitPaths);
        Map<String, String> phoneOwner = new HashMap<>();
        Map<String, String> idCardOwner = new HashMap<>();
        existing.forEach((no, e) -> {
            phoneOwner.put(e.phoneIdx(), no);
            idCardOwner.put(e.idCardIdx(), no);
        });
        List<Prepared> valid = new ArrayList<>(checked.size());
        for (Prepared p : checked) {
            EmployeeData data = p.data();
            List<RowError> rowErrors = new ArrayList<>(0);
            Existing current = existing.get(data.employeeNo());
            if (current != null && !actor.manages(current.unitPath())) {
                rowErrors.add(new RowError(data.line(), Column.EMPLOYEE_NO, "import.error.employeeScope",
                        data.employeeNo()));
            }
            String phoneHolder = phoneOwner.get(p.phoneIdx());
            if (phoneHolder != null && !phoneHolder.equals(data.employeeNo())) {
                rowErrors.add(new RowError(data.line(), Column.PHONE, "import.error.phoneTaken", data.phone()));
            }
            String idHolder = idCardOwner.get(p.idCardIdx());
            if (idHolder != null && !idHolder.equals(data.employeeNo())) {
                rowErrors.add(new RowError(data.line(), Column.ID_CARD, "import.error.idCardTaken", data.idCard()));
            }
            if (rowErrors.isEmpty()) {
                valid.add(p);
            } else {
                errors.addAll(rowErrors);
            }
        }
        errors.sort(Comparator.comparingInt(RowError::line));
        long checkedAt = System.nanoTime();
        log.debug("Import {}: rules and keys {} ms, existing employees and pass 2 {} ms", fileName,
                (pass1 - started) / 1_000_000, (checkedAt - pass1) / 1_000_000);
        if (rows.isEmpty()) {
            errors.add(new RowError(0, null, "import.file.noRows", ""));
        }

        if (!errors.isEmpty()) {
            long runId = runs.save(actor.accountId(), fileName, false, rows.size(), 0, 0, errors);
            int bad = (int) errors.stream().mapToInt(RowError::line).filter(l -> l > 0).distinct().count();
            audit.record(actor, "employee.import.rejected", "import", runId, null, fileName, null,
                    Map.of("rows", rows.size(), "badRows", bad));
            return new Outcome(runId, false, rows.size(), 0, 0, bad);
        }

        List<Prepared> created = new ArrayList<>();
        List<Prepared> changed = new ArrayList<>();
        for (Prepared p : valid) {
            Existing current = existing.get(p.data().employeeNo());
            if (current == null) {
                created.add(p);
            } else if (!current.rowHash().equals(p.rowHash())) {
                changed.add(p);
            }
        }
        ChangeSet changes = changesOf(changed, byId);
        write(created, changed);
        Set<Long> touchedUnits = new HashSet<>();
        created.forEach(p -> touchedUnits.add(byId.get(p.data().departmentId()).unitId()));
        changed.forEach(p -> touchedUnits.add(byId.get(p.data().departmentId()).unitId()));
        changes.moves().forEach(m -> touchedUnits.add(m.fromUnitId()));
        units.recountEmployees(touchedUnits);
        audit.recordAll(actor, "employee.update", changes.audit());
        if (!changes.moves().isEmpty()) {
            events.publishEvent(new EmployeesMoved(changes.moves()));
        }
        if (!changes.left().isEmpty()) {
            events.publishEvent(new EmployeesLeft(changes.left()));
        }
        if (!changes.retired().isEmpty()) {
            events.publishEvent(new EmployeesRetired(changes.retired()));
        }
        log.info("Import {}: {} rows checked in {} ms, {} new and {} changed written in {} ms", fileName, rows.size(),
                (checkedAt - started) / 1_000_000, created.size(), changed.size(),
                (System.nanoTime() - checkedAt) / 1_000_000);
        long runId = runs.save(actor.accountId(), fileName, true, rows.size(), created.size(), changed.size(),
                List.of());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("rows", rows.size());
        after.put("created", created.size());
        after.put("updated", changed.size());
        after.put("createdNos", sample(created));
        after.put("updatedNos", sample(changed));
        audit.record(actor, "employee.import", "import", runId, null, fileName, null, after);
        return new Outcome(runId, true, rows.size(), created.size(), changed.size(), 0);
    }

    private static String sample(List<Prepared> rows) {
        int limit = 50;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            out.append(i == 0 ? "" : ", ").append(rows.get(i).data().employeeNo());
        }
        if (rows.size() > limit) {
            out.append(" … (+").append(rows.size() - limit).append(')');
        }
        return out.toString();
    }

    private static void duplicate(Map<String, Integer> seen, String key, TableRow<Column> row, Column column,
                                  List<RowError> errors) {
        if (key.isEmpty()) {
            return;
        }
        Integer first = seen.putIfAbsent(key, row.line());
        if (first != null) {
            errors.add(new RowError(row.line(), column, "import.error.duplicate", first.toString()));
        }
    }

    /** Employees who share a number, phone or ID number with the rows: all that can conflict or be updated. */
    private Map<String, Existing> existingEmployees(List<Prepared> rows, Map<Long, List<Long>> unitPaths) {
        Map<String, Existing> existing = new HashMap<>();
        if (rows.isEmpty()) {
            return existing;
        }
        // Keys travel as one comma-separated text each (numbers and hex digests hold no commas) and are
        // joined as sets: "= ANY(array)" with 100,000 constants made the planner estimate every element,
        // which took seconds before the query ran.
        jdbc.sql("""
                        SELECT e.emp_no, e.id, e.row_hash, e.phone_idx, e.id_card_idx, d.unit_id
                        FROM employee e JOIN department d ON d.id = e.department_id
                        WHERE e.id IN (
                          SELECT x.id FROM employee x JOIN unnest(string_to_array(?, ',')) k(v) ON x.emp_no = k.v
                          UNION SELECT x.id FROM employee x JOIN unnest(string_to_array(?, ',')) k(v) ON x.phone_idx = k.v
                          UNION SELECT x.id FROM employee x JOIN unnest(string_to_array(?, ',')) k(v) ON x.id_card_idx = k.v)""")
                .params(rows.stream().map(p -> p.data().employeeNo()).collect(Collectors.joining(",")),
                        rows.stream().map(Prepared::phoneIdx).collect(Collectors.joining(",")),
                        rows.stream().map(Prepared::idCardIdx).collect(Collectors.joining(",")))
                .query((rs, i) -> existing.put(rs.getString(1), new Existing(rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), unitPaths.get(rs.getLong(6)))))
                .list();
        return existing;
    }

    /**
     * Before and after of each employee an import changes, so that a status set to "left" (which ends
     * their log-in) or a move to another department can be traced to the file and the officer. Phone and
     * ID number are named when they changed, never shown.
     */
    /** What an import changes for people: audit lines, moves between union units, people who left. */
    private record ChangeSet(List<AuditTrail.Change> audit, List<EmployeesMoved.Move> moves, List<Long> left,
                             List<Long> retired) {
    }

    private ChangeSet changesOf(List<Prepared> changed, Map<Long, Department> departmentsById) {
        if (changed.isEmpty()) {
            return new ChangeSet(List.of(), List.of(), List.of(), List.of());
        }
        Map<String, Map<String, Object>> before = new HashMap<>();
        Map<String, long[]> idAndUnit = new HashMap<>();
        jdbc.sql("""
                        SELECT e.emp_no, e.id, e.name, e.gender, e.birth_date, e.department_id, e.hire_date, e.job_title,
                               e.status, e.phone_idx, e.id_card_idx
                        FROM employee e JOIN unnest(string_to_array(?, ',')) k(v) ON e.emp_no = k.v""")
                .param(changed.stream().map(p -> p.data().employeeNo()).collect(Collectors.joining(",")))
                .query((rs, i) -> {
                    Map<String, Object> old = new LinkedHashMap<>();
                    old.put("name", rs.getString("name"));
                    old.put("gender", rs.getString("gender"));
                    old.put("birthDate", rs.getObject("birth_date", LocalDate.class));
                    old.put("department", departmentsById.get(rs.getLong("department_id")).code());
                    old.put("hireDate", rs.getObject("hire_date", LocalDate.class));
                    old.put("jobTitle", rs.getString("job_title"));
                    old.put("status", rs.getString("status"));
                    old.put("phone", rs.getString("phone_idx"));
                    old.put("idCard", rs.getString("id_card_idx"));
                    idAndUnit.put(rs.getString("emp_no"), new long[]{rs.getLong("id"),
                            departmentsById.get(rs.getLong("department_id")).unitId()});
                    return before.put(rs.getString("emp_no"), old);
                })
                .list();
        List<AuditTrail.Change> changes = new ArrayList<>(changed.size());
        List<EmployeesMoved.Move> moves = new ArrayList<>();
        List<Long> left = new ArrayList<>();
        List<Long> retired = new ArrayList<>();
        for (Prepared p : changed) {
            EmployeeData d = p.data();
            long[] known = idAndUnit.get(d.employeeNo());
            long newUnit = departmentsById.get(d.departmentId()).unitId();
            if (known != null && known[1] != newUnit) {
                moves.add(new EmployeesMoved.Move(known[0], known[1], newUnit));
            }
            if (known != null && d.status() == EmployeeStatus.LEFT
                    && !"LEFT".equals(before.get(d.employeeNo()).get("status"))) {
                left.add(known[0]);
            }
            if (known != null && d.status() == EmployeeStatus.RETIRED
                    && !"RETIRED".equals(before.get(d.employeeNo()).get("status"))) {
                retired.add(known[0]);
            }
            Map<String, Object> now = new LinkedHashMap<>();
            now.put("name", d.name());
            now.put("gender", d.gender());
            now.put("birthDate", d.birthDate());
            now.put("department", departmentsById.get(d.departmentId()).code());
            now.put("hireDate", d.hireDate());
            now.put("jobTitle", d.jobTitle());
            now.put("status", d.status().name());
            now.put("phone", p.phoneIdx());
            now.put("idCard", p.idCardIdx());
            Map<String, Object> old = before.getOrDefault(d.employeeNo(), Map.of());
            Map<String, Object> was = new LinkedHashMap<>();
            Map<String, Object> is = new LinkedHashMap<>();
            now.forEach((field, value) -> {
                Object previous = old.get(field);
                if (previous != null && !previous.equals(value)) {
                    boolean secret = field.equals("phone") || field.equals("idCard");
                    was.put(field, secret ? "***" : previous);
                    is.put(field, secret ? "*** (changed)" : value);
                }
            });
            changes.add(new AuditTrail.Change("employee", d.employeeNo(), departmentsById.get(d.departmentId()).unitId(),
                    d.employeeNo() + " " + d.name(), was, is));
        }
        return new ChangeSet(changes, moves, left, retired);
    }

    private static final int COPY_CHUNK = 4_000;
    private static final String COLUMNS = "emp_no, name, gender, birth_date, phone_enc, phone_idx, id_card_enc, "
            + "id_card_idx, department_id, hire_date, job_title, status, row_hash";

    /**
     * New rows go straight into {@code employee} with COPY; changed rows go through a temporary table and
     * one UPDATE. Encryption happens here, in parallel, only for rows that are written.
     */
    private void write(List<Prepared> created, List<Prepared> changed) {
        if (!created.isEmpty()) {
            copy("employee", created);
        }
        if (!changed.isEmpty()) {
            template.execute("""
                    CREATE TEMP TABLE employee_import (emp_no TEXT, name TEXT, gender CHAR(1), birth_date DATE,
                      phone_enc TEXT, phone_idx TEXT, id_card_enc TEXT, id_card_idx TEXT, department_id BIGINT,
                      hire_date DATE, job_title TEXT, status TEXT, row_hash TEXT) ON COMMIT DROP""");
            copy("employee_import", changed);
            template.update("""
                    UPDATE employee e SET name = i.name, gender = i.gender, birth_date = i.birth_date,
                      phone_enc = i.phone_enc, phone_idx = i.phone_idx, id_card_enc = i.id_card_enc,
                      id_card_idx = i.id_card_idx, department_id = i.department_id, hire_date = i.hire_date,
                      job_title = i.job_title, status = i.status, row_hash = i.row_hash, updated_at = now()
                    FROM employee_import i WHERE e.emp_no = i.emp_no""");
        }
    }

    /**
     * Streams the rows to COPY in chunks: while PostgreSQL inserts one chunk (it is the slower side),
     * the next is encrypted and encoded on the other cores. No file-sized string is ever built.
     */
    private void copy(String table, List<Prepared> rows) {
        template.execute((Connection con) -> {
            CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + COLUMNS + ") FROM STDIN (FORMAT csv)");
            try {
                for (int from = 0; from < rows.size(); from += COPY_CHUNK) {
                    byte[] chunk = rows.subList(from, Math.min(rows.size(), from + COPY_CHUNK)).parallelStream()
                            .map(this::csvLine).collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(chunk, 0, chunk.length);
                }
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    private String csvLine(Prepared p) {
        EmployeeData d = p.data();
        StringBuilder line = new StringBuilder(400);
        line.append(d.employeeNo()).append(',');
        quote(line, d.name()).append(',');
        line.append(d.gender()).append(',').append(d.birthDate()).append(',')
                .append(cipher.encrypt(d.phone())).append(',').append(p.phoneIdx()).append(',')
                .append(cipher.encrypt(d.idCard())).append(',').append(p.idCardIdx()).append(',')
                .append(d.departmentId()).append(',').append(d.hireDate()).append(',');
        quote(line, d.jobTitle()).append(',');
        return line.append(d.status().name()).append(',').append(p.rowHash()).append('\n').toString();
    }

    private static StringBuilder quote(StringBuilder out, String value) {
        return out.append('"').append(value.indexOf('"') < 0 ? value : value.replace("\"", "\"\"")).append('"');
    }
}
