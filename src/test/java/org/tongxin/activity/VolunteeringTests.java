package org.tongxin.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.activity.internal.Audience;
import org.tongxin.activity.internal.ServiceHours;
import org.tongxin.activity.internal.VolunteerProjects;
import org.tongxin.activity.internal.VolunteerService;
import org.tongxin.activity.internal.Volunteering;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Volunteering: sign-up per shift (once per person, never beyond the places, also in a rush), hours recorded
 * by one officer and confirmed by another, and the totals of a person and of each body. A toll station sits
 * under a grassroots union with a youth league beside it.
 */
class VolunteeringTests extends IntegrationTestSupport {

    @Autowired
    VolunteerService service;
    @Autowired
    Volunteering volunteering;
    @Autowired
    VolunteerSetup setup;
    @Autowired
    Audience audience;
    @Autowired
    MembershipSetup membership;

    Fixtures.UnitWithDepartment union;
    OrgUnit station;
    OrgUnit youthLeague;
    List<Long> volunteers = new ArrayList<>();
    Viewer stationOfficer;
    Viewer secondOfficer;
    Viewer unionOfficer;
    Viewer outsider;
    Viewer otherOfficer;

    @BeforeEach
    void aStationUnderAUnionWithAYouthLeague() {
        union = fixtures.grassroots("志愿测试工会");
        station = orgSetup.createUnit(union.unit().id(), "志愿测试收费站" + System.nanoTime() % 100000, UnitKind.BRANCH);
        youthLeague = orgSetup.createPartner(union.unit().id(), "志愿测试团委" + System.nanoTime() % 100000,
                UnitKind.YOUTH_LEAGUE);
        String code = "VOL" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(code, "收费站站务", station.id());
        Fixtures.UnitWithDepartment elsewhere = fixtures.grassroots("志愿测试他站");
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(Fixtures.row(code));
        }
        OrgSetup.HrRow chair = Fixtures.row(code);
        OrgSetup.HrRow second = Fixtures.row(code);
        OrgSetup.HrRow unionChair = Fixtures.row(union.departmentCode());
        OrgSetup.HrRow outsiderRow = Fixtures.row(elsewhere.departmentCode());
        OrgSetup.HrRow otherChair = Fixtures.row(elsewhere.departmentCode());
        List<OrgSetup.HrRow> all = new ArrayList<>(rows);
        all.addAll(List.of(chair, second, unionChair, outsiderRow, otherChair));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "volunteer.csv", all);
        rows.forEach(r -> volunteers.add(fixtures.employeeId(r.employeeNo())));
        stationOfficer = officer(chair, station.id());
        secondOfficer = officer(second, station.id());
        unionOfficer = officer(unionChair, union.unit().id());
        otherOfficer = officer(otherChair, elsewhere.unit().id());
        long outsiderId = fixtures.employeeId(outsiderRow.employeeNo());
        outsider = Fixtures.employee(fixtures.accountId(outsiderId), outsiderId);
    }

    /** An officer who is an employee too, as union officers are. */
    private Viewer officer(OrgSetup.HrRow row, long unitId) {
        long employeeId = fixtures.employeeId(row.employeeNo());
        long account = fixtures.accountId(employeeId);
        fixtures.chair(account, unitId, false);
        return new Viewer(account, employeeId, "officer-" + row.name(), Set.of(Role.EMPLOYEE, Role.OFFICER),
                Set.of(unitId), Set.of(), false);
    }

    private Viewer volunteer(int i) {
        long employeeId = volunteers.get(i);
        return Fixtures.employee(fixtures.accountId(employeeId), employeeId);
    }

    /** A published project of the station, open to its employees, co-organised by the youth league. */
    private long project(String audienceKind) {
        long id = service.create(stationOfficer, new VolunteerProjects.Draft("收费站便民服务", "指路、送热水", "收费站广场",
                audienceKind, station.id(), station.id()), List.of(youthLeague.id(), union.unit().id()));
        service.addShift(stationOfficer, id, new VolunteerService.ShiftForm(OffsetDateTime.now().plusDays(30),
                OffsetDateTime.now().plusDays(30).plusHours(4), null, 5));
        service.publish(stationOfficer, id);
        return id;
    }

    private long futureShift(long projectId, int daysAhead, int places) {
        OffsetDateTime start = OffsetDateTime.now().plusDays(daysAhead).withNano(0);
        return service.addShift(stationOfficer, projectId, new VolunteerService.ShiftForm(start, start.plusHours(4),
                "收费站", places));
    }

    /** A shift that ended yesterday with the given volunteers on it. */
    private long pastShift(long projectId, OffsetDateTime start, Duration length, List<Long> who) {
        long shift = setup.shift(projectId, start, start.plus(length), null, Math.max(1, who.size()));
        setup.signUp(shift, who);
        return shift;
    }

    private String page(String path, Viewer viewer) throws Exception {
        return mvc.perform(get(path).with(as(viewer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private String shiftState(long shiftId) {
        return jdbc.sql("SELECT status || ' ' || taken || '/' || needed FROM volunteer_shift WHERE id = ?").param(shiftId)
                .query(String.class).single();
    }

    @Test
    void anEmployeeTakesOnePlaceOnAShiftAndGivesItBackBeforeItStarts() throws Exception {
        long projectId = project("EMPLOYEES");
        long shift = futureShift(projectId, 5, 3);
        Viewer me = volunteer(0);

        assertThat(page("/volunteering", me)).contains("收费站便民服务");
        mvc.perform(post("/volunteering/shifts/" + shift + "/signup").with(csrf()).with(as(me)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "volunteer.signedUp"));
        mvc.perform(post("/volunteering/shifts/" + shift + "/signup").with(csrf()).with(as(me)))
                .andExpect(flash().attribute("flash", "volunteer.alreadySignedUp"));
        assertThat(shiftState(shift)).isEqualTo("OPEN 1/3");
        assertThat(page("/volunteering/projects/" + projectId, me)).contains("id=\"cancel-" + shift + "\"");
        assertThat(page("/volunteering/mine", me)).contains("id=\"my-shift-" + shift + "\"").contains("收费站便民服务");

        mvc.perform(post("/volunteering/shifts/" + shift + "/cancel").param("from", "mine").with(csrf()).with(as(me)))
                .andExpect(flash().attribute("flash", "volunteer.cancelled"));
        assertThat(shiftState(shift)).isEqualTo("OPEN 0/3");
        assertThat(page("/volunteering/mine", me)).doesNotContain("id=\"my-shift-" + shift + "\"");
        assertThat(volunteering.signUp(me, shift)).isEqualTo(Volunteering.Result.TAKEN);
        assertThat(count("SELECT count(*) FROM volunteer_signup WHERE shift_id = ? AND employee_id = ?", shift,
                me.employeeId())).isEqualTo(2);
        assertThat(shiftState(shift)).isEqualTo("OPEN 1/3");
    }

    @Test
    void signUpIsRefusedWhenFullAtTheSameTimeAsAnotherShiftOrOnceTheShiftHasStarted() {
        long projectId = project("EMPLOYEES");
        long small = futureShift(projectId, 6, 1);
        volunteering.signUp(volunteer(0), small);
        assertThatThrownBy(() -> volunteering.signUp(volunteer(1), small)).isInstanceOf(Refusal.class)
                .hasMessage("volunteer.error.full");
        assertThat(count("SELECT count(*) FROM volunteer_signup WHERE shift_id = ?", small)).isEqualTo(1);

        long sameTime = futureShift(projectId, 6, 5);
        assertThatThrownBy(() -> volunteering.signUp(volunteer(0), sameTime)).isInstanceOf(Refusal.class)
                .hasMessage("volunteer.error.busy");

        long started = setup.shift(projectId, OffsetDateTime.now().minusHours(1), OffsetDateTime.now().plusHours(3),
                null, 5);
        assertThatThrownBy(() -> volunteering.signUp(volunteer(2), started)).isInstanceOf(Refusal.class)
                .hasMessage("volunteer.error.signupClosed");
        setup.signUp(started, List.of(volunteers.get(3)));
        assertThatThrownBy(() -> volunteering.cancel(volunteer(3), started)).isInstanceOf(Refusal.class)
                .hasMessage("volunteer.error.tooLateToCancel");
        assertThat(shiftState(started)).isEqualTo("OPEN 1/5");

        assertThatThrownBy(() -> service.changePlaces(stationOfficer, small, 0)).hasMessage("volunteer.error.places");
        long two = futureShift(projectId, 8, 3);
        volunteering.signUp(volunteer(4), two);
        volunteering.signUp(volunteer(5), two);
        assertThatThrownBy(() -> service.changePlaces(stationOfficer, two, 1))
                .hasMessage("volunteer.error.placesBelowTaken");
        service.changePlaces(stationOfficer, two, 2);
        assertThat(shiftState(two)).isEqualTo("OPEN 2/2");
    }

    @Test
    void aDraftIsNobodysAndAProjectIsOnlyForItsAudience() throws Exception {
        long draft = service.create(stationOfficer, new VolunteerProjects.Draft("草稿项目", "", null, "EMPLOYEES",
                station.id(), station.id()), List.of());
        mvc.perform(get("/volunteering/projects/" + draft).with(as(volunteer(0)))).andExpect(status().isNotFound());
        assertThat(page("/volunteering/projects/" + draft, stationOfficer)).contains("草稿项目");

        long projectId = project("EMPLOYEES");
        long shift = futureShift(projectId, 9, 5);
        assertThat(page("/volunteering", outsider)).doesNotContain("收费站便民服务");
        mvc.perform(get("/volunteering/projects/" + projectId).with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(post("/volunteering/shifts/" + shift + "/signup").with(csrf()).with(as(outsider)))
                .andExpect(status().isNotFound());
        assertThat(shiftState(shift)).isEqualTo("OPEN 0/5");

        long forMembers = project("MEMBERS");
        Viewer notAMember = volunteer(6);
        mvc.perform(get("/volunteering/projects/" + forMembers).with(as(notAMember))).andExpect(status().isNotFound());
        membership.enrol(volunteers.get(7), station.id(), LocalDate.now().minusYears(1));
        assertThat(page("/volunteering/projects/" + forMembers, volunteer(7))).contains("id=\"signup-");
    }

    @Test
    void theAudienceReachesEmployeesOfTheSubtreeAndMembersOnlyWhenAsked() {
        long inStation = volunteers.get(10);
        assertThat(audience.includes("EMPLOYEES", station.id(), inStation)).isTrue();
        assertThat(audience.includes("EMPLOYEES", union.unit().id(), inStation)).isTrue();
        assertThat(audience.includes("EMPLOYEES", station.id(), outsider.employeeId())).isFalse();
        assertThat(audience.includes("MEMBERS", station.id(), inStation)).isFalse();
        membership.enrol(inStation, station.id(), LocalDate.now().minusYears(2));
        assertThat(audience.includes("MEMBERS", union.unit().id(), inStation)).isTrue();
    }

    @Test
    void aRushOfThirtyOnAShiftWithFivePlacesSeatsExactlyFive() throws Exception {
        long projectId = project("EMPLOYEES");
        long shift = futureShift(projectId, 10, 5);
        List<Viewer> rush = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rush.add(volunteer(i));
        }
        List<Object> outcomes = inParallel(rush.stream().map(v -> (Callable<Object>) () -> {
            try {
                return volunteering.signUp(v, shift);
            } catch (Refusal e) {
                return e.messageKey();
            }
        }).toList());
        assertThat(outcomes.stream().filter(o -> o == Volunteering.Result.TAKEN)).hasSize(5);
        assertThat(outcomes.stream().filter("volunteer.error.full"::equals)).hasSize(25);
        assertThat(shiftState(shift)).isEqualTo("OPEN 5/5");
        assertThat(count("SELECT count(*) FROM volunteer_signup WHERE shift_id = ? AND status = 'ACTIVE'", shift))
                .isEqualTo(5);
        assertThat(count("SELECT count(DISTINCT employee_id) FROM volunteer_signup WHERE shift_id = ?", shift))
                .isEqualTo(5);

        long another = futureShift(projectId, 12, 5);
        Viewer eager = volunteer(0);
        List<Object> again = inParallel(Collections.nCopies(12,
                (Callable<Object>) () -> volunteering.signUp(eager, another)));
        assertThat(again.stream().filter(o -> o == Volunteering.Result.TAKEN)).hasSize(1);
        assertThat(shiftState(another)).isEqualTo("OPEN 1/5");
        assertThat(count("SELECT count(*) FROM volunteer_signup WHERE shift_id = ?", another)).isEqualTo(1);
    }

    private static List<Object> inParallel(List<Callable<Object>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (var task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneOfficerRecordsTheHoursAnotherConfirmsThemAndOnlyThenTheyCount() throws Exception {
        long projectId = project("EMPLOYEES");
        OffsetDateTime start = OffsetDateTime.now().minusDays(1).withNano(0);
        long shift = pastShift(projectId, start, Duration.ofHours(4), volunteers.subList(0, 3));
        Map<Long, Long> signups = new HashMap<>();
        jdbc.sql("SELECT employee_id, id FROM volunteer_signup WHERE shift_id = ?").param(shift)
                .query((rs, n) -> signups.put(rs.getLong(1), rs.getLong(2))).list();
        long came = signups.get(volunteers.get(0));
        long leftEarly = signups.get(volunteers.get(1));
        long noShow = signups.get(volunteers.get(2));

        String form = page("/volunteering/manage/shifts/" + shift, stationOfficer);
        assertThat(form).contains("name=\"hours-" + came + "\"").contains("value=\"4\"");
        mvc.perform(post("/volunteering/manage/shifts/" + shift + "/hours").with(csrf()).with(as(stationOfficer))
                        .param("hours-" + came, "4").param("present-" + came, "on")
                        .param("hours-" + leftEarly, "0").param("present-" + leftEarly, "on")
                        .param("hours-" + noShow, "4"))
                .andExpect(flash().attribute("flashError", "volunteer.error.presentWithoutHours"));
        assertThat(shiftState(shift)).startsWith("OPEN");
        assertThat(count("SELECT count(*) FROM volunteer_signup WHERE shift_id = ? AND minutes IS NOT NULL", shift)).isZero();

        mvc.perform(post("/volunteering/manage/shifts/" + shift + "/hours").with(csrf()).with(as(stationOfficer))
                        .param("hours-" + came, "4").param("present-" + came, "on")
                        .param("hours-" + leftEarly, "2.5").param("present-" + leftEarly, "on")
                        .param("hours-" + noShow, "4"))
                .andExpect(flash().attribute("flash", "volunteer.hours.recorded"));
        assertThat(jdbc.sql("SELECT id, minutes FROM volunteer_signup WHERE shift_id = ? ORDER BY id").param(shift)
                .query((rs, n) -> rs.getLong(1) + ":" + rs.getInt(2)).list())
                .containsExactlyInAnyOrder(came + ":240", leftEarly + ":150", noShow + ":0");
        assertThat(shiftState(shift)).startsWith("RECORDED");
        assertThat(volunteering.yearTotals(volunteers.get(0), start.getYear()).minutes()).isZero();
        assertThat(page("/volunteering/mine?year=" + start.getYear(), volunteer(0))).contains("时长待确认");

        mvc.perform(post("/volunteering/manage/shifts/" + shift + "/confirm").with(csrf()).with(as(stationOfficer)))
                .andExpect(flash().attribute("flashError", "volunteer.error.ownRecord"));
        assertThat(page("/volunteering/manage", secondOfficer)).contains("id=\"to-confirm\"");
        assertThat(page("/", secondOfficer)).contains("id=\"volunteer-queue-link\"");
        mvc.perform(post("/volunteering/manage/shifts/" + shift + "/confirm").with(csrf()).with(as(secondOfficer)))
                .andExpect(flash().attribute("flash", "volunteer.hours.confirmed"));
        assertThat(shiftState(shift)).startsWith("CONFIRMED");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action IN ('volunteer.hours.record', "
                + "'volunteer.hours.confirm') AND target_id = ?", Long.toString(shift))).isEqualTo(2);

        mvc.perform(post("/volunteering/manage/shifts/" + shift + "/hours").with(csrf()).with(as(stationOfficer))
                        .param("hours-" + came, "8").param("present-" + came, "on")
                        .param("hours-" + leftEarly, "2.5").param("present-" + leftEarly, "on")
                        .param("hours-" + noShow, "4"))
                .andExpect(flash().attribute("flashError", "volunteer.error.confirmedAlready"));
        assertThat(volunteering.yearTotals(volunteers.get(0), start.getYear())).isEqualTo(new ServiceHours.Personal(240, 1));
        assertThat(volunteering.yearTotals(volunteers.get(1), start.getYear())).isEqualTo(new ServiceHours.Personal(150, 1));
        assertThat(volunteering.yearTotals(volunteers.get(2), start.getYear())).isEqualTo(new ServiceHours.Personal(0, 0));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND title = '志愿服务时长已确认：4 小时'",
                volunteers.get(0)) == 1 && count("SELECT count(*) FROM notification WHERE employee_id = ?"
                + " AND title LIKE '志愿服务班次记为未到岗%'", volunteers.get(2)) == 1);
        String mine = page("/volunteering/mine?year=" + start.getYear(), volunteer(1));
        assertThat(mine).contains("id=\"record-" + shift + "\"").contains("2.5 小时");
        assertThat(mine.substring(mine.indexOf("id=\"my-hours-total\""))).startsWith("id=\"my-hours-total\">2.5<");
    }

    @Test
    void nobodyConfirmsHoursOfAShiftTheyServedInNorRecordsBeforeItEnds() {
        long projectId = project("EMPLOYEES");
        long underWay = setup.shift(projectId, OffsetDateTime.now().minusHours(1), OffsetDateTime.now().plusHours(2),
                null, 5);
        setup.signUp(underWay, List.of(volunteers.get(0)));
        assertThatThrownBy(() -> service.recordHours(stationOfficer, underWay, Map.of()))
                .hasMessage("volunteer.error.notEnded");

        long shift = pastShift(projectId, OffsetDateTime.now().minusDays(2), Duration.ofHours(3),
                List.of(volunteers.get(1), secondOfficer.employeeId()));
        Map<Long, VolunteerService.HoursEntry> entries = new HashMap<>();
        jdbc.sql("SELECT id FROM volunteer_signup WHERE shift_id = ?").param(shift).query(Long.class).list()
                .forEach(id -> entries.put(id, new VolunteerService.HoursEntry(true, "3")));
        assertThatThrownBy(() -> service.recordHours(stationOfficer, shift, Map.of()))
                .hasMessage("volunteer.error.rosterChanged");
        service.recordHours(stationOfficer, shift, entries);
        assertThatThrownBy(() -> service.confirmHours(secondOfficer, shift)).hasMessage("volunteer.error.ownHours");
        service.confirmHours(unionOfficer, shift);
        assertThat(shiftState(shift)).startsWith("CONFIRMED");
    }

    @Test
    void anotherUnitsOfficerGetsNotFoundAndChangesNothing() throws Exception {
        long projectId = project("EMPLOYEES");
        long shift = pastShift(projectId, OffsetDateTime.now().minusDays(1), Duration.ofHours(4),
                List.of(volunteers.get(0)));
        long signup = count("SELECT id FROM volunteer_signup WHERE shift_id = ?", shift);
        mvc.perform(post("/volunteering/manage/shifts/" + shift + "/hours").with(csrf()).with(as(otherOfficer))
                .param("hours-" + signup, "24").param("present-" + signup, "on")).andExpect(status().isNotFound());
        mvc.perform(get("/volunteering/manage/shifts/" + shift).with(as(otherOfficer))).andExpect(status().isNotFound());
        mvc.perform(get("/volunteering/manage/projects/" + projectId).with(as(otherOfficer)))
                .andExpect(status().isNotFound());
        assertThat(shiftState(shift)).isEqualTo("OPEN 1/1");
        assertThat(count("SELECT count(*) FROM volunteer_signup WHERE shift_id = ? AND minutes IS NOT NULL", shift)).isZero();
        assertThat(page("/volunteering/manage", otherOfficer)).doesNotContain("收费站便民服务");
        mvc.perform(post("/volunteering/manage/shifts/" + shift + "/hours").with(csrf()).with(as(volunteer(0)))
                .param("hours-" + signup, "24").param("present-" + signup, "on")).andExpect(status().isForbidden());
        mvc.perform(get("/volunteering/manage").with(as(volunteer(0)))).andExpect(status().isForbidden());
    }

    @Test
    void cancellingAShiftTellsItsVolunteersWithTheReason() throws Exception {
        long projectId = project("EMPLOYEES");
        long shift = futureShift(projectId, 14, 5);
        volunteering.signUp(volunteer(0), shift);
        mvc.perform(post("/volunteering/manage/shifts/" + shift + "/cancel").param("reason", "").with(csrf())
                .with(as(stationOfficer))).andExpect(flash().attribute("flashError", "volunteer.error.cancelReason"));
        mvc.perform(post("/volunteering/manage/shifts/" + shift + "/cancel").param("reason", "暴雪封路").with(csrf())
                .with(as(stationOfficer))).andExpect(flash().attribute("flash", "volunteer.shift.cancelledDone"));
        assertThat(shiftState(shift)).startsWith("CANCELLED");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND body LIKE '%暴雪封路%'", volunteers.get(0)) == 1);
        assertThatThrownBy(() -> volunteering.signUp(volunteer(1), shift)).hasMessage("volunteer.error.signupClosed");
        assertThat(page("/volunteering/mine", volunteer(0))).contains("id=\"my-shift-" + shift + "\"").contains("已取消");
    }

    /** A volunteer's place on a shift as the recount reads it. */
    private record Row(long shiftId, long projectId, long employeeId, String status, boolean present, int minutes,
                       OffsetDateTime startsAt) {
    }

    private static int yearOf(OffsetDateTime at) {
        return at.atZoneSameInstant(ZoneId.systemDefault()).getYear();
    }

    /** Hours, distinct volunteers who came and shifts someone came to, counted from the rows. */
    private static ServiceHours.Totals recount(List<Row> rows) {
        long minutes = 0;
        Set<Long> people = new HashSet<>();
        Set<Long> held = new HashSet<>();
        for (Row r : rows) {
            minutes += r.minutes();
            if (r.present()) {
                people.add(r.employeeId());
                held.add(r.shiftId());
            }
        }
        return new ServiceHours.Totals(minutes, people.size(), held.size());
    }

    @Test
    void theTotalsOfEachPersonAndEachBodyMatchARecount() throws Exception {
        long stationProject = project("EMPLOYEES");
        long unionProject = service.create(unionOfficer, new VolunteerProjects.Draft("敬老院志愿服务", "", "敬老院",
                "EMPLOYEES", union.unit().id(), union.unit().id()), List.of());
        Random random = new Random(11);
        // Within this year (so the unit page shows them), as far as the calendar allows.
        int year = LocalDate.now().getYear();
        OffsetDateTime base = OffsetDateTime.now().minusDays(90);
        base = base.isBefore(ServiceHours.yearStart(year)) ? ServiceHours.yearStart(year) : base;
        OffsetDateTime latest = OffsetDateTime.now().minusHours(1);
        latest = latest.isAfter(base) ? latest : base.plusMinutes(1);
        for (int i = 0; i < 12; i++) {
            long projectId = i % 3 == 0 ? unionProject : stationProject;
            OffsetDateTime start = base.plusSeconds((long) (random.nextDouble()
                    * Duration.between(base, latest).getSeconds())).withNano(0);
            List<Long> who = new ArrayList<>(new HashSet<>(List.of(volunteers.get(random.nextInt(8)),
                    volunteers.get(random.nextInt(8)), volunteers.get(random.nextInt(8)))));
            long shift = pastShift(projectId, start, Duration.ofMinutes(60 + random.nextInt(300)), who);
            Set<Long> absent = random.nextBoolean() ? Set.of(who.getFirst()) : Set.of();
            int fate = random.nextInt(4);
            if (fate > 0) {
                setup.hours(shift, absent, stationOfficer.accountId(), fate > 1 ? secondOfficer.accountId() : null,
                        start.plusHours(6));
            }
        }
        long cancelled = futureShift(stationProject, 20, 5);
        volunteering.signUp(volunteer(0), cancelled);
        service.cancelShift(stationOfficer, cancelled, "取消");

        List<Row> rows = jdbc.sql("""
                        SELECT s.id, s.project_id, g.employee_id, s.status, coalesce(g.present, false),
                          coalesce(g.minutes, 0), s.starts_at
                        FROM volunteer_shift s JOIN volunteer_signup g ON g.shift_id = s.id AND g.status = 'ACTIVE'
                        WHERE s.project_id IN (?, ?)""")
                .params(stationProject, unionProject)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getBoolean(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class))).list();
        Set<Integer> years = new HashSet<>();
        rows.forEach(r -> years.add(yearOf(r.startsAt())));
        Map<Long, List<Long>> projectsOf = Map.of(station.id(), List.of(stationProject),
                youthLeague.id(), List.of(stationProject), union.unit().id(), List.of(stationProject, unionProject));
        for (int y : years) {
            List<Row> counted = rows.stream()
                    .filter(r -> r.status().equals("CONFIRMED") && yearOf(r.startsAt()) == y).toList();
            for (int i = 0; i < 8; i++) {
                long e = volunteers.get(i);
                List<Row> own = counted.stream().filter(r -> r.employeeId() == e).toList();
                assertThat(volunteering.yearTotals(e, y)).as("person %s in %s", e, y)
                        .isEqualTo(new ServiceHours.Personal(own.stream().mapToLong(Row::minutes).sum(),
                                (int) own.stream().filter(Row::present).count()));
            }
            List<VolunteerService.BodyLine> bodies = service.overview(unionOfficer, y).bodies();
            for (var body : projectsOf.entrySet()) {
                ServiceHours.Totals expected = recount(counted.stream()
                        .filter(r -> body.getValue().contains(r.projectId())).toList());
                assertThat(bodies.stream().filter(b -> b.body().unitId() == body.getKey())
                        .map(VolunteerService.BodyLine::totals).findFirst().orElse(new ServiceHours.Totals(0, 0, 0)))
                        .as("body %s in %s", body.getKey(), y).isEqualTo(expected);
            }
            List<Long> unionSubtree = List.of(union.unit().id(), station.id(), youthLeague.id());
            assertThat(service.unitTotals(union.unit(), unionSubtree, y).subtree()).isEqualTo(recount(counted));
        }
        ServiceHours.Totals own = service.unitTotals(union.unit(), List.of(union.unit().id()), year).own();
        assertThat(own.shifts()).isPositive();
        assertThat(page("/org/units/" + union.unit().id(), unionOfficer)).contains("id=\"volunteer-panel\"")
                .contains("id=\"volunteer-own-hours\">" + own.hours() + "<");
        assertThat(page("/volunteering/manage", stationOfficer)).contains("id=\"body-" + station.id() + "\"")
                .doesNotContain("id=\"body-" + union.unit().id() + "\"");
    }

    @Test
    void theDemoStationAndTheDemoEmployeeHaveConfirmedHoursThisYear() throws Exception {
        int year = LocalDate.now().getYear();
        long employee = fixtures.employeeId("100090");
        long stationId = jdbc.sql("SELECT id FROM org_unit WHERE name = '蒲江收费站分会'").query(Long.class).single();
        assertThat(volunteering.yearTotals(employee, year).minutes()).isEqualTo(8 * 60);
        OrgUnit demoStation = new OrgUnit(stationId, null, null, "蒲江收费站分会", UnitKind.BRANCH, "/", 0, null);
        assertThat(service.unitTotals(demoStation, List.of(stationId), year).own().shifts()).isEqualTo(3);
        long committee = fixtures.accountId(fixtures.employeeId("100023"));
        assertThat(service.queue(Fixtures.committee(committee)).toConfirm()).isPositive();
        Viewer demoEmployee = Fixtures.employee(fixtures.accountId(employee), employee);
        assertThat(page("/volunteering", demoEmployee)).contains("春运志愿服务").contains("爱心助学");
    }
}
