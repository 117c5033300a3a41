package org.tongxin.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongxin.org.IdCardNumber;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

/** Builds test data on the shared database: units, departments, employees and viewers. */
@Component
public class Fixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger(1);
    /** Keeps rows of separate runs apart should they ever share a database. */
    private static final int RUN = ThreadLocalRandom.current().nextInt(1000);

    private final OrgSetup orgSetup;
    private final JdbcClient jdbc;

    private final PasswordEncoder encoder;

    Fixtures(OrgSetup orgSetup, JdbcClient jdbc, PasswordEncoder encoder) {
        this.orgSetup = orgSetup;
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** Gives an imported employee's account a password of its own, so a test logs in without the forced change. */
    public long withPassword(OrgSetup.HrRow row, String password) {
        long account = accountId(employeeId(row.employeeNo()));
        jdbc.sql("UPDATE account SET password_hash = ?, must_change_password = false WHERE id = ?")
                .params(encoder.encode(password), account).update();
        return account;
    }

    /** Makes the account the chair (主席) of a unit, with the care right there when {@code care}. */
    public void chair(long accountId, long unitId, boolean care) {
        jdbc.sql("INSERT INTO role_grant (account_id, role, unit_id, post) VALUES (?, 'OFFICER', ?, '主席')")
                .params(accountId, unitId).update();
        if (care) {
            jdbc.sql("INSERT INTO role_grant (account_id, role, unit_id) VALUES (?, 'CARE', ?)")
                    .params(accountId, unitId).update();
        }
    }

    /** Makes the account a member of the union committee. */
    public void committeeMember(long accountId) {
        jdbc.sql("INSERT INTO role_grant (account_id, role) VALUES (?, 'COMMITTEE')").param(accountId).update();
    }

    /** A fresh grassroots union under the demo company union, with one department. */
    public UnitWithDepartment grassroots(String name) {
        long company = jdbc.sql("SELECT id FROM org_unit WHERE kind = 'COMPANY_UNION' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        int n = SERIAL.getAndIncrement();
        OrgUnit unit = orgSetup.createUnit(company, name + n, UnitKind.GRASSROOTS_UNION);
        String code = "T" + n + "-" + System.nanoTime() % 100000;
        orgSetup.createDepartment(code, name + n + "部门", unit.id());
        return new UnitWithDepartment(unit, code);
    }

    public record UnitWithDepartment(OrgUnit unit, String departmentCode) {
    }

    /** A unique, valid HR row in {@code departmentCode}. */
    public static OrgSetup.HrRow row(String departmentCode) {
        int n = SERIAL.getAndIncrement();
        String no = "X" + n + "N" + RUN;
        String id = uniqueId(n);
        // The serial makes phones and ID numbers unique within a run (random ones collided now and then), and the
        // prefixes 166 and 4401 are ones the demo data never uses.
        String phone = "166" + String.format("%08d", Math.floorMod(RUN * 100_000L + n, 100_000_000L));
        return new OrgSetup.HrRow(no, "测试" + n, IdCardNumber.gender(id).equals("M") ? "男" : "女",
                IdCardNumber.birthDate(id).orElseThrow().toString(), phone, id, departmentCode, "2015-07-01",
                "收费员", "在职");
    }

    /** Distinct for the first 10,000 rows of a run (region digits and sequence come from the serial); genders alternate. */
    private static String uniqueId(int n) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(Math.floorMod(RUN * 31 + n * 7, 30 * 365));
        String first17 = "4401" + String.format("%02d", n % 100) + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", (n / 100) % 100 * 10 + n % 10);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    public static String csv(List<OrgSetup.HrRow> rows) {
        StringBuilder out = new StringBuilder("工号,姓名,性别,出生日期,手机号,身份证号,部门编码,入职日期,岗位,状态\n");
        for (OrgSetup.HrRow r : rows) {
            out.append(String.join(",", r.employeeNo(), r.name(), r.gender(), r.birthDate(), r.phone(), r.idCard(),
                    r.departmentCode(), r.hireDate(), r.jobTitle(), r.status())).append('\n');
        }
        return out.toString();
    }

    public long employeeId(String employeeNo) {
        return jdbc.sql("SELECT id FROM employee WHERE emp_no = ?").param(employeeNo).query(Long.class).single();
    }

    public long accountId(long employeeId) {
        jdbc.sql("INSERT INTO account (employee_id) VALUES (?) ON CONFLICT (employee_id) DO NOTHING")
                .param(employeeId).update();
        return jdbc.sql("SELECT id FROM account WHERE employee_id = ?").param(employeeId).query(Long.class).single();
    }

    public long adminAccountId() {
        return jdbc.sql("SELECT id FROM account WHERE username = 'admin'").query(Long.class).single();
    }

    /** An officer of a unit with the care right there, as a union chair usually holds it. */
    public static Viewer officer(long accountId, long unitId) {
        return new Viewer(accountId, null, "officer-" + unitId, Set.of(Role.EMPLOYEE, Role.OFFICER, Role.CARE),
                Set.of(unitId), Set.of(unitId), false);
    }

    /** An officer of a unit without the care right. */
    public static Viewer officerWithoutCare(long accountId, long unitId) {
        return new Viewer(accountId, null, "officer-" + unitId, Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(unitId),
                Set.of(), false);
    }

    public static Viewer admin(long accountId) {
        return new Viewer(accountId, null, "admin", Set.of(Role.ADMIN), Set.of(), Set.of(), false);
    }

    public static Viewer committee(long accountId) {
        return new Viewer(accountId, null, "committee", Set.of(Role.COMMITTEE), Set.of(), Set.of(), false);
    }

    public static Viewer employee(long accountId, long employeeId) {
        return new Viewer(accountId, employeeId, "employee", Set.of(Role.EMPLOYEE), Set.of(), Set.of(), false);
    }

    /** Signs a MockMvc request in as {@code viewer}, as the log-in would. */
    public static RequestPostProcessor as(Viewer viewer) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(viewer, null,
                viewer.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }
}
