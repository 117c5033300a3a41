package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.activity.VolunteerSetup;
import org.tongxin.activity.internal.Activities;
import org.tongxin.activity.internal.ActivityService;
import org.tongxin.activity.internal.SignUp;
import org.tongxin.activity.internal.VolunteerProjects;
import org.tongxin.activity.internal.VolunteerService;
import org.tongxin.activity.results.ResultsService;
import org.tongxin.insight.internal.Facts;
import org.tongxin.insight.internal.InsightSection;
import org.tongxin.insight.internal.Rebuild;
import org.tongxin.insight.internal.Scope;
import org.tongxin.insight.internal.Section;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Activities held with their attendance, and confirmed volunteer hours: the figures kept from the activity module's
 * events equal those rebuilt from its history, and the sections show what the stories add up to. A grassroots union
 * with a branch under it and a youth league beside it; last month is the range, the two months before it the
 * previous period.
 */
class ActivityInsightTests extends IntegrationTestSupport {

    @Autowired
    Facts facts;
    @Autowired
    Rebuild rebuild;
    @Autowired
    List<InsightSection> sections;
    @Autowired
    ActivityService activities;
    @Autowired
    SignUp signUp;
    @Autowired
    ResultsService results;
    @Autowired
    VolunteerService volunteering;
    @Autowired
    VolunteerSetup volunteerSetup;

    OrgUnit union;
    OrgUnit branch;
    OrgUnit youthLeague;
    Viewer officer;
    List<Viewer> people = new ArrayList<>();
    final YearMonth lastMonth = YearMonth.now().minusMonths(1);

    @BeforeEach
    void aUnionWithABranchAndAYouthLeague() {
        Fixtures.UnitWithDepartment u = fixtures.grassroots("看板活动工会");
        union = u.unit();
        branch = orgSetup.createUnit(union.id(), "看板活动分会" + System.nanoTime() % 100000, UnitKind.BRANCH);
        youthLeague = orgSetup.createPartner(union.id(), "看板活动团委" + System.nanoTime() % 100000,
                UnitKind.YOUTH_LEAGUE);
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(Fixtures.row(u.departmentCode()));
        }
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "insight-activity.csv", rows);
        people.clear();
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            people.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        officer = Fixtures.officer(fixtures.adminAccountId(), union.id());
    }

    List<String> rowsOf(long... units) {
        return facts.rollUp().stream().filter(r -> {
            long unit = Long.parseLong(r.split("\\|")[2]);
            for (long x : units) {
                if (x == unit) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    private Section section(String key, YearMonth from, YearMonth to) {
        Scope scope = new Scope(officer, union, List.of(branch), from, to);
        return sections.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow().build(scope);
    }

    private static Section.Kpi kpi(Section s, String id) {
        return s.kpis().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
    }

    private static Section.Chart chart(Section s, String id) {
        return s.charts().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static OffsetDateTime tenOClock(YearMonth month) {
        return month.atDay(15).atTime(10, 0).atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    /**
     * A published activity led by {@code lead} for the union's employees starting soon, the first {@code signUps}
     * people signed up and the first {@code checkIns} checked in.
     */
    private long published(long lead, List<Long> coHosts, int signUps, int checkIns) {
        OffsetDateTime now = OffsetDateTime.now();
        long id = activities.create(officer, new Activities.Draft("看板测试活动", "CULTURE_SPORTS", "", "职工之家", null,
                now.plusMinutes(30), now.plusHours(3), now.minusHours(1), now.plusMinutes(20), 10, "EMPLOYEES",
                union.id(), false, lead), coHosts, List.of(), null);
        activities.publish(officer, id);
        String token = jdbc.sql("SELECT checkin_token FROM activity WHERE id = ?").param(id).query(String.class)
                .single();
        for (int i = 0; i < signUps; i++) {
            signUp.register(people.get(i), id);
        }
        for (int i = 0; i < checkIns; i++) {
            signUp.checkIn(people.get(i), id, token);
        }
        return id;
    }

    /** As {@link #published}, then moved to {@code month} as if it had taken place then. */
    private long takenPlace(long lead, List<Long> coHosts, int signUps, int checkIns, YearMonth month) {
        long id = published(lead, coHosts, signUps, checkIns);
        OffsetDateTime at = tenOClock(month);
        jdbc.sql("""
                        UPDATE activity SET starts_at = ?, ends_at = ?, signup_opens_at = ?, signup_closes_at = ?
                        WHERE id = ?""")
                .params(at, at.plusHours(2), at.minusDays(10), at.minusDays(1), id).update();
        return id;
    }

    @Test
    void activitiesHeldAndTheirAttendanceAreCountedTheSameLiveAndRebuilt() {
        YearMonth earlier = lastMonth.minusMonths(2);
        long joint = takenPlace(union.id(), List.of(youthLeague.id()), 4, 3, lastMonth);
        activities.markHeld(officer, joint);
        long branchOnly = takenPlace(branch.id(), List.of(), 2, 2, earlier);
        results.publish(officer, branchOnly, "两人都到了。", List.of());
        activities.cancel(officer, published(union.id(), List.of(), 1, 0), "天气原因");

        Awaitility.await("the activities reach insight").atMost(Duration.ofSeconds(30)).until(() ->
                rowsOf(union.id()).stream().anyMatch(r -> r.startsWith("ACTIVITY|JOINT|"))
                        && rowsOf(branch.id()).stream().anyMatch(r -> r.startsWith("ACTIVITY_ATTENDED|UNION|")));
        List<String> live = rowsOf(union.id(), branch.id(), youthLeague.id());
        // each activity counts in its lead body's subtree: the branch's in the union's too
        assertThat(live).filteredOn(r -> r.startsWith("ACTIVITY|")).hasSize(3);

        rebuild.run();
        assertThat(rowsOf(union.id(), branch.id(), youthLeague.id())).isEqualTo(live);

        Section s = section("activity", lastMonth.minusMonths(1), lastMonth);
        assertThat(kpi(s, "held").value()).isEqualByComparingTo("1");
        assertThat(kpi(s, "held").previous()).isEqualByComparingTo("1");
        assertThat(kpi(s, "attended").value()).isEqualByComparingTo("3");
        assertThat(kpi(s, "attended").previous()).isEqualByComparingTo("2");
        assertThat(kpi(s, "participation").value()).isEqualByComparingTo("75.0");
        assertThat(kpi(s, "participation").previous()).isEqualByComparingTo("100.0");
        assertThat(kpi(s, "joint").value()).isEqualByComparingTo("1");
        assertThat(kpi(s, "joint").previous()).isEqualByComparingTo("0");
        Section.Chart trend = chart(s, "activity-trend");
        assertThat(trend.series().get(0).values()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(trend.series().get(2).values().get(0)).isNull();
        assertThat(trend.series().get(2).values().get(1)).isEqualByComparingTo("75.0");
        assertThat(chart(s, "activity-hosts").series().getFirst().values())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE);
        Section.Chart children = chart(s, "activity-children");
        assertThat(children.series().get(0).values().getFirst()).isEqualByComparingTo("0");
        assertThat(children.series().get(1).values().getFirst()).isNull();

        Section before = section("activity", earlier, earlier);
        assertThat(chart(before, "activity-children").series().get(1).values().getFirst())
                .isEqualByComparingTo("100.0");
        assertThat(chart(before, "activity-hosts").series().getFirst().values().getFirst()).isEqualByComparingTo("1");
    }

    /** A shift of the branch's project in {@code month}, the people's hours recorded; confirmed unless told not to. */
    private void shiftServed(long project, YearMonth month, Map<Integer, String> hours, Viewer confirmer) {
        OffsetDateTime start = tenOClock(month);
        long shift = volunteerSetup.shift(project, start, start.plusHours(4), null, hours.size());
        volunteerSetup.signUp(shift, hours.keySet().stream().map(i -> people.get(i).employeeId()).toList());
        Map<Long, VolunteerService.HoursEntry> entries = new HashMap<>();
        for (Map.Entry<Integer, String> e : hours.entrySet()) {
            long signup = jdbc.sql("SELECT id FROM volunteer_signup WHERE shift_id = ? AND employee_id = ?")
                    .params(shift, people.get(e.getKey()).employeeId()).query(Long.class).single();
            entries.put(signup, new VolunteerService.HoursEntry(e.getValue() != null, e.getValue()));
        }
        volunteering.recordHours(officer, shift, entries);
        if (confirmer != null) {
            volunteering.confirmHours(confirmer, shift);
        }
    }

    @Test
    void confirmedVolunteerHoursAreCountedTheSameLiveAndRebuilt() {
        long project = volunteering.create(officer, new VolunteerProjects.Draft("看板测试志愿服务", "指路送水", "收费站广场",
                "EMPLOYEES", union.id(), branch.id()), List.of(youthLeague.id()));
        long confirmerAccount = fixtures.accountId(people.get(5).employeeId());
        Viewer confirmer = Fixtures.officer(confirmerAccount, union.id());
        YearMonth earlier = lastMonth.minusMonths(2);
        Map<Integer, String> lastMonthHours = new HashMap<>();
        lastMonthHours.put(0, "4");
        lastMonthHours.put(1, "2.5");
        lastMonthHours.put(2, null);
        shiftServed(project, lastMonth, lastMonthHours, confirmer);
        shiftServed(project, earlier, Map.of(3, "3"), confirmer);
        // recorded, not confirmed: does not count
        shiftServed(project, lastMonth, Map.of(4, "8"), null);

        Awaitility.await("the hours reach insight").atMost(Duration.ofSeconds(30)).until(() ->
                rowsOf(branch.id()).stream().filter(r -> r.startsWith("VOLUNTEER|")).count() == 2);
        List<String> live = rowsOf(union.id(), branch.id());
        assertThat(live).contains("VOLUNTEER||" + branch.id() + "|" + lastMonth.atDay(1) + "|2|2|390.00|390.00|0");

        rebuild.run();
        assertThat(rowsOf(union.id(), branch.id())).isEqualTo(live);

        Section s = section("volunteer", lastMonth.minusMonths(1), lastMonth);
        assertThat(kpi(s, "hours").value()).isEqualByComparingTo("6.5");
        assertThat(kpi(s, "hours").previous()).isEqualByComparingTo("3.0");
        assertThat(kpi(s, "turns").value()).isEqualByComparingTo("2");
        assertThat(kpi(s, "turns").previous()).isEqualByComparingTo("1");
        assertThat(kpi(s, "perTurn").value()).isEqualByComparingTo("3.3");
        assertThat(chart(s, "volunteer-trend").series().getFirst().values())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.0"), new BigDecimal("6.5"));
        assertThat(chart(s, "volunteer-children").series().getFirst().values().getFirst()).isEqualByComparingTo("6.5");
    }
}
