package org.tongxin.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.membership.internal.Coverage;
import org.tongxin.membership.internal.MembershipService;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * The kept coverage counters equal a brute-force count over employees, periods and applications after
 * a random sequence of joins, declines, leavings, retirements, transfers and HR moves, some of them
 * running at the same time.
 */
class CoverageTests extends IntegrationTestSupport {

    @Autowired
    MembershipService membership;
    @Autowired
    Coverage coverage;

    @Test
    void countersEqualABruteForceCountAfterRandomConcurrentChanges() throws Exception {
        OrgUnit top = fixtures.grassroots("覆盖率测试工会").unit();
        String topDept = jdbc.sql("SELECT code FROM department WHERE unit_id = ?").param(top.id()).query(String.class).single();
        List<OrgUnit> branches = new ArrayList<>();
        List<String> departments = new ArrayList<>(List.of(topDept));
        for (int i = 0; i < 3; i++) {
            OrgUnit b = orgSetup.createUnit(top.id(), "覆盖分会" + i, UnitKind.BRANCH);
            String code = "COV" + b.id();
            orgSetup.createDepartment(code, "覆盖部门" + i, b.id());
            branches.add(b);
            departments.add(code);
        }
        Random random = new Random(20261126);
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(Fixtures.row(departments.get(random.nextInt(departments.size()))));
        }
        Viewer admin = Fixtures.admin(fixtures.adminAccountId());
        orgSetup.importEmployees(admin, "coverage.csv", rows);
        Map<String, Long> ids = new HashMap<>();
        rows.forEach(r -> ids.put(r.employeeNo(), fixtures.employeeId(r.employeeNo())));
        Viewer officer = Fixtures.officer(fixtures.adminAccountId(), top.id());

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 6; round++) {
                List<Future<?>> work = new ArrayList<>();
                for (int k = 0; k < 8; k++) {
                    OrgSetup.HrRow r = rows.get(random.nextInt(rows.size()));
                    long employee = ids.get(r.employeeNo());
                    int op = random.nextInt(6);
                    long target = branches.get(random.nextInt(branches.size())).id();
                    work.add(pool.submit(() -> apply(op, employee, target, officer)));
                }
                for (Future<?> f : work) {
                    f.get();
                }
                // An HR move between rounds: the membership follows through the event listener.
                OrgSetup.HrRow moved = rows.get(random.nextInt(rows.size()));
                OrgSetup.HrRow updated = new OrgSetup.HrRow(moved.employeeNo(), moved.name(), moved.gender(),
                        moved.birthDate(), moved.phone(), moved.idCard(), departments.get(random.nextInt(departments.size())),
                        moved.hireDate(), moved.jobTitle(), round == 3 ? "离职" : moved.status());
                rows.set(rows.indexOf(moved), updated);
                orgSetup.importEmployees(admin, "coverage-move.csv", List.of(updated));
            }
        } finally {
            pool.shutdown();
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single() == 0);

        List<Long> unitIds = new ArrayList<>(List.of(top.id()));
        branches.forEach(b -> unitIds.add(b.id()));
        for (long unit : unitIds) {
            assertThat(kept(unit)).as("unit %s", unit).isEqualTo(bruteForce(unit));
        }
        Coverage.Counts total = coverage.of(officer, top.id()).node().subtree();
        long[] sum = new long[4];
        for (long unit : unitIds) {
            long[] c = bruteForce(unit);
            for (int i = 0; i < 4; i++) {
                sum[i] += c[i];
            }
        }
        assertThat(new long[]{total.employees(), total.members(), total.retired(), total.pending()}).isEqualTo(sum);
        assertThat(total.members()).isPositive();

        String page = mvc.perform(get("/org/units/" + top.id()).with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"coverage-members\">" + total.members() + "<");
        assertThat(mvc.perform(get("/membership/coverage/" + top.id() + "/export.xlsx").with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).isNotEmpty();
        Viewer stranger = Fixtures.officer(fixtures.adminAccountId(), fixtures.grassroots("无关工会").unit().id());
        mvc.perform(get("/membership/coverage/" + top.id()).with(as(stranger))).andExpect(status().isNotFound());
    }

    private void apply(int op, long employee, long target, Viewer officer) {
        Viewer self = Fixtures.employee(0, employee);
        try {
            switch (op) {
                case 0, 1 -> membership.apply(self, true);
                case 2 -> jdbc.sql("SELECT id FROM membership_application WHERE employee_id = ? AND status = 'PENDING'")
                        .param(employee).query(Long.class).optional().ifPresent(id -> membership.approve(officer, id));
                case 3 -> jdbc.sql("SELECT id FROM membership_application WHERE employee_id = ? AND status = 'PENDING'")
                        .param(employee).query(Long.class).optional()
                        .ifPresent(id -> membership.reject(officer, id, "材料不全"));
                case 4 -> membership.endMembership(officer, employee, op % 2 == 0 ? "RETIRED" : "LEFT");
                default -> membership.transferByOfficer(officer, employee, target);
            }
        } catch (MembershipService.Refused expected) {
            // Most random operations do not apply to the person drawn (not a member, nothing pending, …).
        }
    }

    private long[] kept(long unit) {
        long employees = jdbc.sql("SELECT coalesce(max(employees), 0) FROM unit_stats WHERE unit_id = ?").param(unit)
                .query(Long.class).single();
        long[] m = jdbc.sql("""
                        SELECT coalesce(max(members), 0), coalesce(max(retired), 0), coalesce(max(pending), 0)
                        FROM unit_membership_stats WHERE unit_id = ?""").param(unit)
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        return new long[]{employees, m[0], m[1], m[2]};
    }

    private long[] bruteForce(long unit) {
        long employees = jdbc.sql("""
                        SELECT count(*) FROM employee e JOIN department d ON d.id = e.department_id
                        WHERE d.unit_id = ? AND e.status IN ('ACTIVE', 'LEAVE')""").param(unit).query(Long.class).single();
        long members = jdbc.sql("SELECT count(*) FROM membership_period WHERE unit_id = ? AND ended_on IS NULL AND status = 'ACTIVE'")
                .param(unit).query(Long.class).single();
        long retired = jdbc.sql("SELECT count(*) FROM membership_period WHERE unit_id = ? AND ended_on IS NULL AND status = 'RETIRED'")
                .param(unit).query(Long.class).single();
        long pending = jdbc.sql("SELECT count(*) FROM membership_application WHERE unit_id = ? AND status = 'PENDING'")
                .param(unit).query(Long.class).single();
        return new long[]{employees, members, retired, pending};
    }
}
