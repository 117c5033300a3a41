package org.tongxin.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/** The records other modules read: only what really happened counts (a check-in, confirmed hours, a held activity). */
class ActivityRecordsTests extends IntegrationTestSupport {

    @Autowired
    ActivityRecords records;
    @Autowired
    ActivitySetup activities;
    @Autowired
    VolunteerSetup volunteering;
    @Autowired
    ResultsSetup results;

    @Test
    void countsCheckInsConfirmedHoursHonoursAndWhatBodiesHeldOrOrganised() {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("记录工会");
        Fixtures.UnitWithDepartment partner = fixtures.grassroots("记录协办工会");
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(unit.departmentCode()), Fixtures.row(unit.departmentCode()));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "records.csv", rows);
        long came = fixtures.employeeId(rows.get(0).employeeNo());
        long stayedAway = fixtures.employeeId(rows.get(1).employeeNo());
        long admin = fixtures.adminAccountId();
        long u = unit.unit().id();
        OffsetDateTime past = OffsetDateTime.now().minusDays(3);

        long held = activities.activity("篮球赛", "CULTURE_SPORTS", "", "球场", past, past.plusHours(2), past.minusDays(5),
                past.minusDays(1), 10, "EMPLOYEES", u, false, u, List.of(partner.unit().id()), "HELD", admin);
        activities.register(held, came, true);
        activities.register(held, stayedAway, true);
        activities.checkIn(held, came, past);
        OffsetDateTime later = OffsetDateTime.now().plusDays(3);
        activities.activity("读书会", "CULTURE_SPORTS", "", "书屋", later, later.plusHours(2), past, later.minusDays(1), 10,
                "EMPLOYEES", u, false, u, List.of(), "PUBLISHED", admin);

        long project = volunteering.project("护路", "", "路段", "EMPLOYEES", u, u, List.of(), "PUBLISHED", admin);
        long confirmed = volunteering.shift(project, past, past.plusHours(4), null, 5);
        volunteering.signUp(confirmed, List.of(came, stayedAway));
        volunteering.hours(confirmed, List.of(stayedAway), admin, fixtures.accountId(came), past.plusHours(5));
        long recordedOnly = volunteering.shift(project, past.minusDays(1), past.minusDays(1).plusHours(2), null, 5);
        volunteering.signUp(recordedOnly, List.of(came));
        volunteering.hours(recordedOnly, List.of(), admin, null, past);
        results.honour(u, "OUTSTANDING_VOLUNTEER", null, 2025, "志愿服务表现突出", came, null, null, admin);

        Map<Long, ActivityRecords.Person> people = records.ofPeople(List.of(came, stayedAway, -1L));
        assertThat(people.get(came)).isEqualTo(new ActivityRecords.Person(came, 1, new java.math.BigDecimal("4.0"), 1));
        assertThat(people.get(stayedAway).activitiesAttended()).isZero();
        assertThat(people.get(stayedAway).volunteerHours()).isEqualByComparingTo("0");
        assertThat(people.get(-1L).honours()).isZero();

        Map<Long, ActivityRecords.Body> bodies = records.ofBodies(List.of(u, partner.unit().id()));
        assertThat(bodies.get(u)).isEqualTo(new ActivityRecords.Body(u, 1, 1));
        assertThat(bodies.get(partner.unit().id()).total()).isOne();
        assertThat(records.ofPeople(List.of())).isEmpty();
    }
}
