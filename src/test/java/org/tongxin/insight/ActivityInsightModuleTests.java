package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.tongxin.activity.ActivitySetup;
import org.tongxin.activity.VolunteerSetup;
import org.tongxin.activity.internal.ActivityService;
import org.tongxin.activity.internal.VolunteerService;
import org.tongxin.insight.internal.ActivityKinds;
import org.tongxin.insight.internal.Figures;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.support.Fixtures;

/** Insight with the modules it reads: an activity held and a shift's confirmed hours reach the figures. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "identity")
@ActiveProfiles("test")
class ActivityInsightModuleTests {

    @Autowired
    ActivitySetup activitySetup;
    @Autowired
    ActivityService activities;
    @Autowired
    VolunteerSetup volunteerSetup;
    @Autowired
    VolunteerService volunteering;
    @Autowired
    OrgSetup orgSetup;
    @Autowired
    OrgDirectory org;
    @Autowired
    Figures figures;

    final YearMonth lastMonth = YearMonth.now().minusMonths(1);
    final OffsetDateTime tenOClock = lastMonth.atDay(15).atTime(10, 0).atZone(ZoneId.systemDefault())
            .toOffsetDateTime();

    /** A union of its own with three employees. */
    private OrgUnit union(List<Long> employees) {
        long n = System.nanoTime() % 1_000_000;
        OrgUnit unit = orgSetup.createUnit(null, "看板模块工会" + n, UnitKind.COMPANY_UNION);
        orgSetup.createDepartment("INS" + n, "看板模块部门", unit.id());
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row("INS" + n), Fixtures.row("INS" + n), Fixtures.row("INS" + n));
        orgSetup.importEmployees(Fixtures.admin(1), "insight-module.csv", rows);
        employees.addAll(org.employeeIdsByNumber(rows.stream().map(OrgSetup.HrRow::employeeNo).toList()).values());
        return unit;
    }

    private BigDecimal flow(String kind, long unit) {
        return figures.rollup(List.of(kind), List.of(unit), lastMonth).flow(kind, null, unit, lastMonth, lastMonth)
                .value();
    }

    @Test
    void anActivityMarkedHeldCountsWithWhoCame(Scenario scenario) {
        List<Long> people = new ArrayList<>();
        OrgUnit unit = union(people);
        long id = activitySetup.activity("看板模块活动", "CULTURE_SPORTS", "", "职工之家", tenOClock,
                tenOClock.plusHours(2), tenOClock.minusDays(10), tenOClock.minusDays(1), 10, "EMPLOYEES", unit.id(),
                false, unit.id(), List.of(), "PUBLISHED", 1);
        people.forEach(e -> activitySetup.register(id, e, true));
        activitySetup.checkIn(id, people.get(0), tenOClock);
        activitySetup.checkIn(id, people.get(1), tenOClock);

        scenario.stimulate(() -> activities.markHeld(Fixtures.officer(1, unit.id()), id))
                .andWaitForStateChange(() -> flow(ActivityKinds.ACTIVITY_ATTENDED, unit.id()), v -> v.signum() > 0)
                .andVerify(attended -> {
                    assertThat(attended).isEqualByComparingTo("2");
                    assertThat(flow(ActivityKinds.ACTIVITY, unit.id())).isEqualByComparingTo("3");
                });
    }

    @Test
    void confirmedHoursCount(Scenario scenario) {
        List<Long> people = new ArrayList<>();
        OrgUnit unit = union(people);
        long project = volunteerSetup.project("看板模块志愿服务", "", "收费站广场", "EMPLOYEES", unit.id(), unit.id(),
                List.of(), "PUBLISHED", 1);
        long shift = volunteerSetup.shift(project, tenOClock, tenOClock.plusHours(4), null, 3);
        volunteerSetup.signUp(shift, people.subList(0, 2));
        volunteerSetup.hours(shift, List.of(), 999_999, null, tenOClock.plusHours(5));

        scenario.stimulate(() -> volunteering.confirmHours(Fixtures.officer(1, unit.id()), shift))
                .andWaitForStateChange(() -> flow(ActivityKinds.VOLUNTEER, unit.id()), v -> v.signum() > 0)
                .andVerify(minutes -> assertThat(minutes).isEqualByComparingTo("480"));
    }
}
