package org.tongxin.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.benefits.internal.DuesArrears;
import org.tongxin.org.OrgDirectory;
import org.tongxin.support.IntegrationTestSupport;

/** A newcomer running the demo finds a year of dues, exemptions, and members owing at the demo officer's station. */
class DuesDemoTests extends IntegrationTestSupport {

    @Autowired
    DuesArrears arrears;
    @Autowired
    OrgDirectory org;

    @Test
    void theDemoHasAYearOfDuesWithExemptionsAndArrearsAtTheTollStation() {
        long station = jdbc.sql("SELECT id FROM org_unit WHERE name = '蒲江收费站分会'").query(Long.class).single();
        YearMonth now = YearMonth.now();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM benefits_dues d JOIN employee e ON e.id = d.employee_id
                        WHERE e.emp_no = '100066' AND d.month BETWEEN ? AND ?""")
                .params(now.minusMonths(11).atDay(1), now.atDay(1)).query(Long.class).single())
                .as("the demo officer's own full record").isEqualTo(12);
        assertThat(jdbc.sql("SELECT count(DISTINCT month) FROM benefits_dues_run r JOIN benefits_dues d ON d.run_id = r.id")
                .query(Long.class).single()).isGreaterThanOrEqualTo(12);
        assertThat(jdbc.sql("SELECT string_agg(DISTINCT reason, ',') FROM benefits_dues_exemption WHERE unit_id = ?")
                .param(station).query(String.class).single()).isEqualTo("HARDSHIP,LONG_SICK_LEAVE");
        DuesArrears.Arrears owed = arrears.of(org.unit(station).orElseThrow(), now.getYear());
        assertThat(owed.people()).isGreaterThanOrEqualTo(3);
        assertThat(owed.units()).allSatisfy(u -> assertThat(u.people()).noneSatisfy(
                p -> assertThat(List.of("100066", "100090")).contains(p.employee().employeeNo())));
    }
}
