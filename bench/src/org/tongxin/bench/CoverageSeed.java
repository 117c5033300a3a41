package org.tongxin.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.tongxin.demo.EnterpriseGenerator;
import org.tongxin.demo.EnterpriseGenerator.UnitPlan;
import org.tongxin.demo.Scale;
import org.tongxin.org.OrgSetup.HrRow;
import org.tongxin.shared.crypto.FieldCipher;

/**
 * The data of the {@code coverage} scenario, written straight into the app's tables over JDBC and {@code COPY},
 * <b>bypassing the app</b>: the scenario measures coverage queries, not imports, and a million employees through
 * the HR import form (~16,000 rows/s, see the {@code import} scenario) plus 700,000 joins through the membership
 * screens would take far longer than the run. What the app keeps besides the rows is filled the way the app keeps
 * it: {@code unit_stats} as {@code OrgUnits.recountEmployees} counts (employees ACTIVE or LEAVE directly in a
 * unit's departments), {@code unit_membership_stats} as the counts of open ACTIVE periods, open RETIRED periods
 * and PENDING applications per unit, {@code member_number} as the last number handed out per unit.
 *
 * <ul>
 * <li>Units and departments: {@link EnterpriseSeed#insertUnits}, the generator's tree (seed 2026).</li>
 * <li>Employees: the generator's, numbered from 100001, phone and ID number encrypted and blind-indexed with the
 * run's field key as the importer does (the row hash is a blind index of the row's fields, not the importer's
 * exact fingerprint); 2 % turned LEFT and 2 % RETIRED so that the ACTIVE/LEAVE filter matters.</li>
 * <li>Membership: 70 % of employees ACTIVE or LEAVE are members with an open ACTIVE period in their unit, one in
 * ten of them with an earlier period closed by a transfer from another unit; half the RETIRED employees have an
 * open RETIRED period after a closed ACTIVE one; half the LEFT ones a closed period; 5 % of the non-members on
 * the books have a PENDING application in their unit, another 2 % a REJECTED one.</li>
 * <li>When: {@link History} — the coverage scenario's joinings over 22 years before 2026-11-01, or the insight
 * scenario's over the last three years up to the real today, with 5 % of the members on the books quitting within the
 * last year. No period starts or ends, and no application is decided, after the history's today.</li>
 * </ul>
 */
final class CoverageSeed {

    private static final int FIRST_NO = EnterpriseSeed.FIRST_NO;
    private static final int CHUNK = 20_000;

    /**
     * When members joined and whether some left: {@code today} is the day the seed takes as today, joinings fall
     * {@code latestDaysBack} to {@code earliestDaysBack} days before it, and {@code quitPercent} of the members on the
     * books left the union (not the enterprise) within the last year, their one period closed as LEFT.
     */
    record History(LocalDate today, int latestDaysBack, int earliestDaysBack, int quitPercent) {

        /** The coverage scenario's: joinings over 22 years up to a month before 2026-11-01, nobody quit. */
        static final History COVERAGE = new History(LocalDate.of(2026, 11, 1), 30, 8030, 0);

        /**
         * The insight scenario's: joinings over the last three years up to today (so each of the last twelve months
         * has joiners), and 5 % of the members quit within the last year.
         */
        static History lastYears(LocalDate today) {
            return new History(today, 0, 3 * 365, 5);
        }
    }

    private CoverageSeed() {
    }

    /** Seeds everything with the coverage scenario's history; returns what was written, for the JSON. */
    static Map<String, Object> load(Database db, Scale scale, List<UnitPlan> units) throws Exception {
        return load(db, scale, units, History.COVERAGE);
    }

    /** Seeds everything; returns what was written, for the JSON. */
    static Map<String, Object> load(Database db, Scale scale, List<UnitPlan> units, History history) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try (Connection c = db.connect()) {
            EnterpriseSeed.insertUnits(c, units);
            c.setAutoCommit(false);
            Map<String, Long> departments = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code, id FROM department")) {
                while (rs.next()) {
                    departments.put(rs.getString(1), rs.getLong(2));
                }
            }
            out.put("units", units.size());
            out.put("departments", departments.size());
            Bench.progress("seeding " + scale.employees() + " employees with COPY");
            long e0 = System.nanoTime();
            out.put("employees", copyEmployees(c, scale, units, departments));
            c.commit();
            out.put("employees_copy_s", Profile.round((System.nanoTime() - e0) / 1e9, 1));
            try (Statement s = c.createStatement()) {
                // What OrgUnits.recountEmployees writes for every unit with a department.
                s.executeUpdate("""
                        INSERT INTO unit_stats (unit_id, employees)
                        SELECT d.unit_id, count(e.id) FILTER (WHERE e.status IN ('ACTIVE', 'LEAVE'))
                        FROM department d LEFT JOIN employee e ON e.department_id = d.id GROUP BY d.unit_id
                        ON CONFLICT (unit_id) DO UPDATE SET employees = excluded.employees""");
            }
            c.commit();
            Bench.progress("seeding membership with COPY");
            out.putAll(copyMembership(c, history));
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            c.commit();
        }
        out.put("seed_s", Profile.round((System.nanoTime() - t0) / 1e9, 1));
        return out;
    }

    private static long copyEmployees(Connection c, Scale scale, List<UnitPlan> units, Map<String, Long> departments)
            throws Exception {
        FieldCipher cipher = new FieldCipher(Harness.CRYPTO_KEY);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Random statuses = new Random(Harness.SEED + 11);
        List<HrRow> chunk = new ArrayList<>(CHUNK);
        List<String> status = new ArrayList<>(CHUNK);
        long[] copied = {0};
        Exception[] failure = {null};
        new EnterpriseGenerator(Harness.SEED).employees(units, FIRST_NO, scale.employees(), r -> {
            if (failure[0] != null) {
                return;
            }
            int draw = statuses.nextInt(100);
            status.add(draw < 2 ? "LEFT" : draw < 4 ? "RETIRED" : "休假".equals(r.status()) ? "LEAVE" : "ACTIVE");
            chunk.add(r);
            if (chunk.size() == CHUNK) {
                try {
                    copied[0] += copyChunk(copy, cipher, chunk, status, departments);
                } catch (Exception e) {
                    failure[0] = e;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        if (!chunk.isEmpty()) {
            copied[0] += copyChunk(copy, cipher, chunk, status, departments);
        }
        return copied[0];
    }

    /** Encrypts on both cores, then one COPY of the chunk (tab-separated text: no field holds a tab or backslash). */
    static long copyChunk(CopyManager copy, FieldCipher cipher, List<HrRow> chunk, List<String> status,
                                  Map<String, Long> departments) throws Exception {
        List<Integer> idx = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            idx.add(i);
        }
        String text = idx.parallelStream().map(i -> {
            HrRow r = chunk.get(i);
            Long department = departments.get(r.departmentCode());
            String fields = String.join("\t", r.employeeNo(), r.name(), "男".equals(r.gender()) ? "M" : "F",
                    r.birthDate(), cipher.encrypt(r.phone()), cipher.blindIndex(r.phone()), cipher.encrypt(r.idCard()),
                    cipher.blindIndex(r.idCard()), String.valueOf(department), r.hireDate(), r.jobTitle(), status.get(i));
            return fields + "\t" + cipher.blindIndex(fields) + "\n";
        }).collect(Collectors.joining());
        long n = copy.copyIn("""
                COPY employee (emp_no, name, gender, birth_date, phone_enc, phone_idx, id_card_enc, id_card_idx,
                               department_id, hire_date, job_title, status, row_hash) FROM STDIN""", new StringReader(text));
        chunk.clear();
        status.clear();
        return n;
    }

    private static Map<String, Object> copyMembership(Connection c, History history) throws Exception {
        LocalDate today = history.today();
        // the latest day a joining may fall on when the period must also end (by day 20 after it) before tomorrow
        LocalDate latestWithEnd = today.minusDays(21);
        List<long[]> employees = new ArrayList<>(); // id, unit, status code
        List<Long> unitIds = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id FROM org_unit WHERE kind NOT IN ('YOUTH_LEAGUE', "
                    + "'WOMEN_COMMITTEE', 'PARTY_BRANCH') AND id IN (SELECT unit_id FROM department) ORDER BY id")) {
                while (rs.next()) {
                    unitIds.add(rs.getLong(1));
                }
            }
            s.setFetchSize(50_000);
            try (ResultSet rs = s.executeQuery("""
                    SELECT e.id, d.unit_id, e.status FROM employee e JOIN department d ON d.id = e.department_id
                    ORDER BY e.id""")) {
                while (rs.next()) {
                    String st = rs.getString(3);
                    employees.add(new long[]{rs.getLong(1), rs.getLong(2),
                            switch (st) { case "ACTIVE", "LEAVE" -> 0; case "RETIRED" -> 1; default -> 2; }});
                }
            }
        }
        Random random = new Random(Harness.SEED + 23);
        // draws of the history's own (who quit, when), apart so that the coverage scenario's data stay as they were
        Random quits = new Random(Harness.SEED + 29);
        StringBuilder members = new StringBuilder();
        StringBuilder periods = new StringBuilder();
        StringBuilder applications = new StringBuilder();
        Map<Long, Integer> numbers = new HashMap<>();
        long memberId = 0;
        long active = 0;
        long retired = 0;
        long pending = 0;
        long quit = 0;
        for (long[] e : employees) {
            long employee = e[0];
            long unit = e[1];
            int draw = random.nextInt(100);
            LocalDate joined = today.minusDays(history.latestDaysBack()
                    + random.nextInt(history.earliestDaysBack() - history.latestDaysBack()));
            boolean member = e[2] == 0 ? draw < 70 : draw < 50;
            if (member) {
                memberId++;
                int no = numbers.merge(unit, 1, Integer::sum);
                LocalDate first;
                if (e[2] == 0 && random.nextInt(10) == 0) {
                    // an earlier period in another unit, ended by a transfer: must not count anywhere
                    long from = unitIds.get(random.nextInt(unitIds.size()));
                    first = joined.isAfter(latestWithEnd) ? latestWithEnd : joined;
                    LocalDate moved = first.plusDays(1 + random.nextInt(20));
                    period(periods, memberId, from, "ACTIVE", first, "JOINED", moved, "TRANSFERRED");
                    period(periods, memberId, unit, "ACTIVE", moved, "TRANSFERRED", null, null);
                    active++;
                } else if (e[2] == 0 && history.quitPercent() > 0 && quits.nextInt(100) < history.quitPercent()) {
                    // left the union within the last year while staying on the books
                    LocalDate left = today.minusDays(quits.nextInt(365));
                    first = left.minusDays(1 + quits.nextInt(700));
                    period(periods, memberId, unit, "ACTIVE", first, "JOINED", left, "LEFT");
                    quit++;
                } else if (e[2] == 0) {
                    first = joined;
                    period(periods, memberId, unit, "ACTIVE", first, "JOINED", null, null);
                    active++;
                } else if (e[2] == 1) {
                    first = joined.isAfter(latestWithEnd) ? latestWithEnd : joined;
                    LocalDate off = first.plusDays(1 + random.nextInt(20));
                    period(periods, memberId, unit, "ACTIVE", first, "JOINED", off, "RETIRED");
                    period(periods, memberId, unit, "RETIRED", off, "RETIRED", null, null);
                    retired++;
                } else {
                    first = joined.isAfter(latestWithEnd) ? latestWithEnd : joined;
                    period(periods, memberId, unit, "ACTIVE", first, "JOINED", first.plusDays(1 + random.nextInt(20)),
                            "LEFT");
                }
                members.append(memberId).append('\t').append(employee).append('\t')
                        .append(String.format("U%05d-%05d", unit, no)).append('\t').append(first).append('\n');
            } else if (e[2] == 0 && random.nextInt(100) < 7) {
                boolean open = random.nextInt(7) < 5;
                LocalDate submitted = today.minusDays(random.nextInt(20));
                applications.append(employee).append('\t').append(unit).append("\tONLINE\ttrue\t")
                        .append(open ? "PENDING" : "REJECTED").append('\t').append(submitted).append('\t')
                        .append(submitted.plusDays(14)).append('\t')
                        .append(open ? "\\N\t\\N" : min(submitted.plusDays(3), today) + "\t不符合入会条件").append('\n');
                if (open) {
                    pending++;
                }
            }
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn("COPY member (id, employee_id, member_no, first_joined_on) FROM STDIN",
                new StringReader(members.toString()));
        copy.copyIn("COPY membership_period (member_id, unit_id, status, started_on, start_reason, ended_on, end_reason) "
                + "FROM STDIN", new StringReader(periods.toString()));
        copy.copyIn("COPY membership_application (employee_id, unit_id, channel, declaration_accepted, status, "
                + "submitted_at, due_on, decided_at, reason) FROM STDIN", new StringReader(applications.toString()));
        try (Statement s = c.createStatement()) {
            s.execute("SELECT setval('member_id_seq', (SELECT max(id) FROM member))");
            // The counters the app keeps, recomputed from what was written.
            s.executeUpdate("""
                    INSERT INTO unit_membership_stats (unit_id, members, retired, pending)
                    SELECT unit_id, sum(m), sum(r), sum(p) FROM (
                      SELECT unit_id, count(*) FILTER (WHERE status = 'ACTIVE') AS m,
                             count(*) FILTER (WHERE status = 'RETIRED') AS r, 0 AS p
                      FROM membership_period WHERE ended_on IS NULL GROUP BY unit_id
                      UNION ALL
                      SELECT unit_id, 0, 0, count(*) FROM membership_application WHERE status = 'PENDING' GROUP BY unit_id
                    ) x GROUP BY unit_id""");
            s.executeUpdate("""
                    INSERT INTO member_number (unit_id, last)
                    SELECT split_part(substr(member_no, 2), '-', 1)::bigint, max(split_part(member_no, '-', 2)::int)
                    FROM member GROUP BY 1""");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("members", memberId);
        out.put("active_members", active);
        out.put("retired_members", retired);
        out.put("pending_applications", pending);
        if (history.quitPercent() > 0) {
            out.put("members_quit_in_last_year", quit);
        }
        return out;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }

    private static void period(StringBuilder out, long member, long unit, String status, LocalDate start,
                               String startReason, LocalDate end, String endReason) {
        out.append(member).append('\t').append(unit).append('\t').append(status).append('\t').append(start).append('\t')
                .append(startReason).append('\t').append(end == null ? "\\N" : end.toString()).append('\t')
                .append(endReason == null ? "\\N" : endReason).append('\n');
    }
}
