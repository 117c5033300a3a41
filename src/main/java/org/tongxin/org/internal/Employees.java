package org.tongxin.org.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.org.EmployeeStatus;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.PersonalDates;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.web.Page;

/** Employees, read with their department and union unit. Writes go through {@link EmployeeImporter}. */
@Repository
public class Employees {

    private static final String FROM =
            " FROM employee e JOIN department d ON d.id = e.department_id JOIN org_unit u ON u.id = d.unit_id";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    Employees(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public Optional<EmployeeRecord> find(long id) {
        return jdbc.sql("""
                        SELECT e.id, e.emp_no, e.name, e.gender, e.birth_date, e.phone_enc, e.id_card_enc,
                               d.id AS dept_id, d.name AS dept_name, u.id AS unit_id, u.name AS unit_name,
                               u.path AS unit_path, e.hire_date, e.job_title, e.status""" + FROM + " WHERE e.id = ?")
                .param(id)
                .query((rs, i) -> new EmployeeRecord(rs.getLong("id"), rs.getString("emp_no"), rs.getString("name"),
                        rs.getString("gender"), rs.getObject("birth_date", LocalDate.class),
                        cipher.decrypt(rs.getString("phone_enc")), cipher.decrypt(rs.getString("id_card_enc")),
                        rs.getLong("dept_id"), rs.getString("dept_name"), rs.getLong("unit_id"),
                        rs.getString("unit_name"), rs.getString("unit_path"),
                        rs.getObject("hire_date", LocalDate.class), rs.getString("job_title"),
                        EmployeeStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    private static final String SUMMARY = """
            SELECT e.id, e.emp_no, e.name, e.status, u.id AS unit_id, u.name AS unit_name,
                   d.name AS dept_name, e.job_title""";
    private static final RowMapper<EmployeeSummary> SUMMARY_MAPPER = (rs, i) -> new EmployeeSummary(rs.getLong("id"),
            rs.getString("emp_no"), rs.getString("name"), EmployeeStatus.valueOf(rs.getString("status")),
            rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("dept_name"), rs.getString("job_title"));

    public Optional<EmployeeSummary> summary(long id) {
        return jdbc.sql(SUMMARY + FROM + " WHERE e.id = ?").param(id).query(SUMMARY_MAPPER).optional();
    }

    /** Summaries of many employees in one query, by id (ids not found are left out). */
    public Map<Long, EmployeeSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, EmployeeSummary> out = new HashMap<>();
        jdbc.sql(SUMMARY + FROM + " WHERE e.id = ANY(?)").param(ids.toArray(Long[]::new)).query(SUMMARY_MAPPER).list()
                .forEach(e -> out.put(e.id(), e));
        return out;
    }

    /** Employees anywhere in the subtree of {@code root}, optionally filtered by name or number. */
    public Page<EmployeeRow> inSubtree(OrgUnit root, String q, int page, int size) {
        String filter = "";
        String like = null;
        if (q != null && !q.isBlank()) {
            filter = " AND (e.name LIKE ? OR e.emp_no LIKE ?)";
            like = OrgUnits.escapeLike(q.trim()) + "%";
        }
        var count = jdbc.sql("SELECT count(*)" + FROM + " WHERE u.path LIKE ? || '%'" + filter).param(root.path());
        var list = jdbc.sql("""
                        SELECT e.id, e.emp_no, e.name, d.name AS dept_name, u.name AS unit_name, e.job_title, e.status
                        """ + FROM + " WHERE u.path LIKE ? || '%'" + filter
                        + " ORDER BY e.emp_no LIMIT ? OFFSET ?")
                .param(root.path());
        if (like != null) {
            count = count.param(like).param(like);
            list = list.param(like).param(like);
        }
        long total = count.query(Long.class).single();
        List<EmployeeRow> rows = list.param(size).param((long) page * size)
                .query((rs, i) -> new EmployeeRow(rs.getLong("id"), rs.getString("emp_no"), rs.getString("name"),
                        rs.getString("dept_name"), rs.getString("unit_name"), rs.getString("job_title"),
                        rs.getString("status")))
                .list();
        return new Page<>(rows, page, size, total);
    }

    /** Employees below any of {@code roots} whose name or number starts with {@code q}, at most {@code limit}. */
    public List<EmployeeSummary> search(List<OrgUnit> roots, String q, int limit) {
        if (roots.isEmpty() || q == null || q.isBlank()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("""
                SELECT e.id, e.emp_no, e.name, e.status, u.id AS unit_id, u.name AS unit_name, d.name AS dept_name,
                       e.job_title""").append(FROM).append(" WHERE (e.name LIKE ? OR e.emp_no LIKE ?) AND (FALSE");
        String like = OrgUnits.escapeLike(q.trim()) + "%";
        List<Object> params = new ArrayList<>(List.of(like, like));
        for (OrgUnit root : roots) {
            sql.append(" OR u.path LIKE ? || '%'");
            params.add(root.path());
        }
        params.add(limit);
        return jdbc.sql(sql + ") ORDER BY e.emp_no LIMIT ?").params(params)
                .query((rs, i) -> new EmployeeSummary(rs.getLong("id"), rs.getString("emp_no"), rs.getString("name"),
                        EmployeeStatus.valueOf(rs.getString("status")), rs.getLong("unit_id"),
                        rs.getString("unit_name"), rs.getString("dept_name"), rs.getString("job_title")))
                .list();
    }

    /**
     * Active employees below any of {@code roots} whose birthday or hire anniversary is in {@code month},
     * or who reach the age of {@code retirementAgeMen}/{@code retirementAgeWomen} in that month and year.
     */
    public List<PersonalDates> dates(List<OrgUnit> roots, YearMonth month, int retirementAgeMen,
                                     int retirementAgeWomen) {
        if (roots.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("""
                SELECT e.id, e.name, u.id AS unit_id, u.name AS unit_name, e.gender, e.birth_date, e.hire_date""")
                .append(FROM)
                .append(" WHERE e.status = 'ACTIVE' AND (extract(month FROM e.birth_date) = ?")
                .append(" OR extract(month FROM e.hire_date) = ?")
                .append(" OR (e.gender = 'M' AND e.birth_date BETWEEN ? AND ?)")
                .append(" OR (e.gender = 'F' AND e.birth_date BETWEEN ? AND ?)) AND (FALSE");
        List<Object> params = new ArrayList<>(List.of(month.getMonthValue(), month.getMonthValue(),
                month.atDay(1).minusYears(retirementAgeMen), month.atEndOfMonth().minusYears(retirementAgeMen),
                month.atDay(1).minusYears(retirementAgeWomen), month.atEndOfMonth().minusYears(retirementAgeWomen)));
        for (OrgUnit root : roots) {
            sql.append(" OR u.path LIKE ? || '%'");
            params.add(root.path());
        }
        return jdbc.sql(sql + ") ORDER BY extract(day FROM e.birth_date), e.name LIMIT 500").params(params)
                .query((rs, i) -> new PersonalDates(rs.getLong("id"), rs.getString("name"), rs.getLong("unit_id"),
                        rs.getString("unit_name"), rs.getString("gender"), rs.getObject("birth_date", LocalDate.class),
                        rs.getObject("hire_date", LocalDate.class)))
                .list();
    }

    /** Active employees anywhere in the subtree of {@code root} with their birth and hire dates, by name. */
    public List<PersonalDates> activeDatesInSubtree(OrgUnit root) {
        return jdbc.sql("""
                        SELECT e.id, e.name, u.id AS unit_id, u.name AS unit_name, e.gender, e.birth_date, e.hire_date"""
                        + FROM + " WHERE u.path LIKE ? || '%' AND e.status = 'ACTIVE' ORDER BY e.name, e.id")
                .param(root.path())
                .query((rs, i) -> new PersonalDates(rs.getLong("id"), rs.getString("name"), rs.getLong("unit_id"),
                        rs.getString("unit_name"), rs.getString("gender"), rs.getObject("birth_date", LocalDate.class),
                        rs.getObject("hire_date", LocalDate.class)))
                .list();
    }

    public long countActiveInSubtree(OrgUnit root) {
        return jdbc.sql("SELECT count(*)" + FROM + " WHERE u.path LIKE ? || '%' AND e.status = 'ACTIVE'")
                .param(root.path()).query(Long.class).single();
    }

    /** Employees still on the books (active or on leave): a unit holding any cannot be closed. */
    public long countCurrentInSubtree(OrgUnit root) {
        return jdbc.sql("SELECT count(*)" + FROM + " WHERE u.path LIKE ? || '%' AND e.status IN ('ACTIVE', 'LEAVE')")
                .param(root.path()).query(Long.class).single();
    }

    /** Employees on the books (working or on leave) anywhere in the subtree. */
    public List<Long> onTheBooksIdsInSubtree(OrgUnit root) {
        return jdbc.sql("SELECT e.id" + FROM + " WHERE u.path LIKE ? || '%' AND e.status IN ('ACTIVE', 'LEAVE')")
                .param(root.path()).query(Long.class).list();
    }

    public List<Long> activeIdsInSubtree(OrgUnit root) {
        return jdbc.sql("SELECT e.id" + FROM + " WHERE u.path LIKE ? || '%' AND e.status = 'ACTIVE'")
                .param(root.path()).query(Long.class).list();
    }

    public Map<String, Long> idsByNumber(Collection<String> numbers) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT e.emp_no, e.id FROM employee e JOIN unnest(string_to_array(?, ',')) k(v) ON e.emp_no = k.v")
                .param(String.join(",", numbers))
                .query((rs, i) -> ids.put(rs.getString(1), rs.getLong(2))).list();
        return ids;
    }

    public Map<Long, Long> unitIdsOf(Collection<Long> employeeIds) {
        Map<Long, Long> units = new HashMap<>();
        if (employeeIds.isEmpty()) {
            return units;
        }
        jdbc.sql("SELECT e.id, d.unit_id FROM employee e JOIN department d ON d.id = e.department_id WHERE e.id = ANY(?)")
                .param(employeeIds.toArray(Long[]::new))
                .query((rs, i) -> units.put(rs.getLong(1), rs.getLong(2))).list();
        return units;
    }

    /** The employee whose number or phone is {@code login}. */
    public Optional<Long> idForLogin(String login) {
        return jdbc.sql("SELECT id FROM employee WHERE emp_no = ? OR phone_idx = ? LIMIT 1")
                .params(login, cipher.blindIndex(login)).query(Long.class).optional();
    }

    /** The decrypted mobile number of a current employee (active or on leave), for a text message the person chose to get. */
    public Optional<String> mobileOf(long id) {
        return jdbc.sql("SELECT phone_enc FROM employee WHERE id = ? AND status IN ('ACTIVE', 'LEAVE')").param(id)
                .query(String.class).optional().map(cipher::decrypt);
    }

    public Optional<String> idCardOf(long id) {
        return jdbc.sql("SELECT id_card_enc FROM employee WHERE id = ?").param(id).query(String.class).optional()
                .map(cipher::decrypt);
    }
}
