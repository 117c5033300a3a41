package org.tongxin.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.tongxin.demo.EnterpriseGenerator;
import org.tongxin.demo.EnterpriseGenerator.UnitPlan;
import org.tongxin.org.OrgSetup.HrRow;
import org.tongxin.shared.crypto.FieldCipher;

/**
 * The people of the {@code rush} scenario, written straight into the app's tables over JDBC, <b>bypassing the
 * app</b> (the scenario measures sign-ups, not imports or enrolments):
 *
 * <ul>
 * <li>the union tree of the scale with one department per working unit ({@link EnterpriseSeed#insertUnits});</li>
 * <li>the generator's employees, numbered from 100001, with {@code COPY} as {@link CoverageSeed} writes them
 * (phone and ID number encrypted and blind-indexed with the run's key), all on the books (ACTIVE, or LEAVE
 * where the generator says 休假), so every one of them may sign up;</li>
 * <li>every employee a member with an open ACTIVE membership period in their own unit (what {@code Members.enrol}
 * writes), with {@code member_number}, {@code unit_membership_stats} and {@code unit_stats} filled the way the app
 * keeps them;</li>
 * <li>an account per employee with a password of the bench's own ({@link #PASSWORD}) already set and no forced
 * change: the app creates an employee's account at the first log-in, with the initial password (the last six
 * characters of the ID number) and a forced password change, which would cost every one of the bench's sessions
 * two extra requests and a BCrypt hash at the app's default strength (10). The stored hash is BCrypt at strength
 * 4 ({@code {bcrypt}$2a$04$…}), which the app's {@code DelegatingPasswordEncoder} checks like any other; only
 * log-in, which is not timed, gets cheaper.</li>
 * </ul>
 */
final class RushSeed {

    /** The password of every bench employee account. */
    static final String PASSWORD = "Bench2026-member";
    private static final int FIRST_NO = EnterpriseSeed.FIRST_NO;
    private static final int CHUNK = 20_000;

    /** What was written: the employees' numbers in order, and the root unit (audience and lead of the activities). */
    record People(List<String> employeeNumbers, long rootUnitId, Map<String, Object> summary) {
    }

    private RushSeed() {
    }

    static People load(Database db, List<UnitPlan> units, int employees) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        List<String> numbers = new ArrayList<>(employees);
        long root;
        try (Connection c = db.connect()) {
            EnterpriseSeed.insertUnits(c, units);
            c.setAutoCommit(false);
            Map<String, Long> departments = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code, id FROM department")) {
                while (rs.next()) {
                    departments.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id FROM org_unit WHERE depth = 0 AND kind = 'COMPANY_UNION'")) {
                rs.next();
                root = rs.getLong(1);
            }
            FieldCipher cipher = new FieldCipher(Harness.CRYPTO_KEY);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            List<HrRow> chunk = new ArrayList<>(CHUNK);
            List<String> status = new ArrayList<>(CHUNK);
            Exception[] failure = {null};
            new EnterpriseGenerator(Harness.SEED).employees(units, FIRST_NO, employees, r -> {
                if (failure[0] != null) {
                    return;
                }
                numbers.add(r.employeeNo());
                chunk.add(r);
                status.add("休假".equals(r.status()) ? "LEAVE" : "ACTIVE");
                if (chunk.size() == CHUNK) {
                    try {
                        CoverageSeed.copyChunk(copy, cipher, chunk, status, departments);
                    } catch (Exception e) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            if (!chunk.isEmpty()) {
                CoverageSeed.copyChunk(copy, cipher, chunk, status, departments);
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                // What OrgUnits.recountEmployees writes.
                s.executeUpdate("""
                        INSERT INTO unit_stats (unit_id, employees)
                        SELECT d.unit_id, count(e.id) FILTER (WHERE e.status IN ('ACTIVE', 'LEAVE'))
                        FROM department d LEFT JOIN employee e ON e.department_id = d.id GROUP BY d.unit_id
                        ON CONFLICT (unit_id) DO UPDATE SET employees = excluded.employees""");
                // Members.enrol for everyone: a member number per unit, an open ACTIVE period in the own unit.
                s.executeUpdate("""
                        INSERT INTO member (employee_id, member_no, first_joined_on)
                        SELECT e.id, format('U%s-%s', lpad(d.unit_id::text, 5, '0'),
                                 lpad((row_number() OVER (PARTITION BY d.unit_id ORDER BY e.id))::text, 5, '0')),
                               e.hire_date
                        FROM employee e JOIN department d ON d.id = e.department_id""");
                s.executeUpdate("""
                        INSERT INTO membership_period (member_id, unit_id, status, started_on, start_reason)
                        SELECT m.id, d.unit_id, 'ACTIVE', m.first_joined_on, 'JOINED'
                        FROM member m JOIN employee e ON e.id = m.employee_id JOIN department d ON d.id = e.department_id""");
                s.executeUpdate("""
                        INSERT INTO unit_membership_stats (unit_id, members, retired, pending)
                        SELECT unit_id, count(*), 0, 0 FROM membership_period WHERE ended_on IS NULL GROUP BY unit_id""");
                s.executeUpdate("""
                        INSERT INTO member_number (unit_id, last)
                        SELECT split_part(substr(member_no, 2), '-', 1)::bigint, max(split_part(member_no, '-', 2)::int)
                        FROM member GROUP BY 1""");
            }
            String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO account (employee_id, password_hash, must_change_password)
                    SELECT id, ?, false FROM employee""")) {
                p.setString(1, hash);
                out.put("accounts", p.executeUpdate());
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            c.commit();
        }
        out.put("units", units.size());
        out.put("employees", numbers.size());
        out.put("members", numbers.size());
        out.put("password_hash", "BCrypt strength 4 set over JDBC, no forced change (see RushSeed)");
        out.put("seed_s", Profile.round((System.nanoTime() - t0) / 1e9, 1));
        return new People(numbers, root, out);
    }
}
