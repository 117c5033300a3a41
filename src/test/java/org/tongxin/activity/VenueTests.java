package org.tongxin.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.tongxin.activity.internal.Activities;
import org.tongxin.activity.internal.ActivityService;
import org.tongxin.activity.internal.VenueService;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Shared venues: a body owns a venue, another body's officer asks for a time, the owner's officers decide, and
 * PostgreSQL's exclusion constraint keeps two approved bookings of one venue apart whatever the concurrency.
 * Publishing an activity at a venue books it.
 */
class VenueTests extends IntegrationTestSupport {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D};

    @Autowired
    VenueService venues;
    @Autowired
    ActivityService activities;
    @Autowired
    VenueSetup setup;

    Fixtures.UnitWithDepartment owner;
    Fixtures.UnitWithDepartment asker;
    OrgUnit askerYouth;
    Viewer ownerOfficer;
    Viewer secondOwnerOfficer;
    Viewer askerOfficer;
    Viewer outsider;
    long ownerChair;
    long askerChair;
    long venueId;

    @BeforeEach
    void aVenueOfOneBodyAndAnOfficerOfAnother() {
        owner = fixtures.grassroots("场地工会");
        asker = fixtures.grassroots("借场地工会");
        Fixtures.UnitWithDepartment third = fixtures.grassroots("旁观工会");
        askerYouth = orgSetup.createPartner(asker.unit().id(), asker.unit().name() + "团委", UnitKind.YOUTH_LEAGUE);
        OrgSetup.HrRow ownerRow = Fixtures.row(owner.departmentCode());
        OrgSetup.HrRow secondRow = Fixtures.row(owner.departmentCode());
        OrgSetup.HrRow askerRow = Fixtures.row(asker.departmentCode());
        OrgSetup.HrRow thirdRow = Fixtures.row(third.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "venues.csv",
                List.of(ownerRow, secondRow, askerRow, thirdRow));
        ownerChair = fixtures.employeeId(ownerRow.employeeNo());
        askerChair = fixtures.employeeId(askerRow.employeeNo());
        ownerOfficer = officer(ownerRow, owner.unit().id(), "场地主席");
        secondOwnerOfficer = officer(secondRow, owner.unit().id(), "场地副主席");
        askerOfficer = officer(askerRow, asker.unit().id(), "借用主席");
        outsider = officer(thirdRow, third.unit().id(), "旁观主席");
        venueId = venues.create(ownerOfficer, owner.unit().id(),
                new VenueService.VenueForm("职工之家", "WORKERS_HOME", "综合楼二楼", "40", "阅览角、乒乓球台"), null);
    }

    /** An officer holding the post (so notices to the unit's officers reach them) and signed in as their employee. */
    private Viewer officer(OrgSetup.HrRow row, long unitId, String name) {
        long employeeId = fixtures.employeeId(row.employeeNo());
        long account = fixtures.accountId(employeeId);
        fixtures.chair(account, unitId, false);
        return new Viewer(account, employeeId, name, Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(unitId), Set.of(), false);
    }

    private static String at(int days, String time) {
        return LocalDate.now().plusDays(days) + "T" + time;
    }

    private static OffsetDateTime time(int days, String time) {
        return LocalDateTime.parse(at(days, time)).atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private long ask(Viewer who, long unitId, int days, String from, String to) {
        return venues.request(who, venueId, new VenueService.RequestForm(unitId, "青年读书会", at(days, from), at(days, to)));
    }

    private String statusOf(long bookingId) {
        return jdbc.sql("SELECT status FROM activity_booking WHERE id = ?").param(bookingId).query(String.class).single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private String page(String path, Viewer viewer) throws Exception {
        return mvc.perform(get(path).with(as(viewer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anotherBodyAsksTheOwnerIsToldApprovesAndTheAskerIsTold() throws Exception {
        mvc.perform(post("/activity-venues/" + venueId + "/bookings").param("unitId", Long.toString(asker.unit().id()))
                        .param("purpose", "青年读书会").param("startsAt", at(3, "19:00")).param("endsAt", at(3, "21:00"))
                        .with(csrf()).with(as(askerOfficer)))
                .andExpect(status().is3xxRedirection());
        long id = count("SELECT id FROM activity_booking WHERE venue_id = ?", venueId);
        assertThat(statusOf(id)).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT unit_id FROM activity_booking WHERE id = ?").param(id).query(Long.class).single())
                .isEqualTo(asker.unit().id());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND link = ?", ownerChair,
                "/activity-venues/bookings/" + id) == 1);
        assertThat(page("/", ownerOfficer)).contains("1 件待您审批");
        assertThat(page("/activity-venues", ownerOfficer)).contains("待我审批").contains(asker.unit().name());

        String booking = page("/activity-venues/bookings/" + id, ownerOfficer);
        assertThat(booking).contains("借用主席").contains("booking-approve");
        mvc.perform(post("/activity-venues/bookings/" + id + "/approve").with(csrf()).with(as(ownerOfficer)))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("APPROVED");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND title = '场地预约已批准：职工之家'",
                askerChair) == 1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE target_type = 'activity_booking' AND target_id = ?"
                + " AND action IN ('venue.booking.request', 'venue.booking.approve')", Long.toString(id))).isEqualTo(2);
        assertThat(page("/activity-venues", askerOfficer)).contains("我方的预约").contains("已批准");
    }

    @Test
    void anOfficerOfAnotherBodyCannotApproveDeclineOrOpenTheBooking() throws Exception {
        long id = ask(askerOfficer, asker.unit().id(), 3, "19:00", "21:00");
        assertThatThrownBy(() -> venues.approve(askerOfficer, id)).isInstanceOf(OutOfScopeException.class);
        for (Viewer stranger : List.of(askerOfficer, outsider)) {
            mvc.perform(post("/activity-venues/bookings/" + id + "/approve").with(csrf()).with(as(stranger)))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/activity-venues/bookings/" + id + "/decline").param("reason", "不行").with(csrf())
                    .with(as(stranger))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/activity-venues/bookings/" + id).with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(post("/activity-venues/bookings/" + id + "/cancel").with(csrf()).with(as(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/activity-venues/" + venueId).param("name", "改名").param("kind", "GYM").param("site", "别处")
                .with(csrf()).with(as(askerOfficer))).andExpect(status().isNotFound());
        assertThat(statusOf(id)).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT name FROM activity_venue WHERE id = ?").param(venueId).query(String.class).single())
                .isEqualTo("职工之家");
        // Asking in the name of a body one does not manage is refused the same way.
        assertThatThrownBy(() -> ask(outsider, asker.unit().id(), 4, "10:00", "11:00"))
                .isInstanceOf(OutOfScopeException.class);
    }

    @Test
    void aDeclineNeedsAReasonWhichTheAskerReads() {
        long id = ask(askerOfficer, askerYouth.id(), 3, "19:00", "21:00");
        assertThatThrownBy(() -> venues.decline(ownerOfficer, id, " ")).isInstanceOf(Refusal.class)
                .hasMessage("venue.error.reason");
        venues.decline(ownerOfficer, id, "当晚职工之家维修");
        assertThat(statusOf(id)).isEqualTo("DECLINED");
        assertThat(venues.booking(askerOfficer, id).booking().declineReason()).isEqualTo("当晚职工之家维修");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND body LIKE '%当晚职工之家维修%'", askerChair) == 1);
        assertThatThrownBy(() -> venues.approve(ownerOfficer, id)).isInstanceOf(Refusal.class)
                .hasMessage("venue.error.notPending");
    }

    @Test
    void anOverlapWithAnApprovedBookingIsRefusedWhileAdjacentRangesAreAllowed() {
        long approved = ask(askerOfficer, asker.unit().id(), 5, "10:00", "12:00");
        venues.approve(ownerOfficer, approved);
        assertThatThrownBy(() -> ask(askerOfficer, asker.unit().id(), 5, "11:00", "13:00")).isInstanceOf(Refusal.class)
                .hasMessage("venue.error.conflict");
        assertThatThrownBy(() -> venues.request(ownerOfficer, venueId, new VenueService.RequestForm(owner.unit().id(),
                "班组会", at(5, "09:00"), at(5, "10:30")))).hasMessage("venue.error.conflict");
        long before = ask(askerOfficer, asker.unit().id(), 5, "08:00", "10:00");
        long after = ask(askerOfficer, asker.unit().id(), 5, "12:00", "14:00");
        venues.approve(ownerOfficer, before);
        venues.approve(ownerOfficer, after);
        assertThat(List.of(statusOf(before), statusOf(approved), statusOf(after)))
                .containsOnly("APPROVED");
        assertThat(count("SELECT count(*) FROM activity_booking WHERE venue_id = ?", venueId)).isEqualTo(3);
    }

    @Test
    void theOwnersOwnRequestIsApprovedAtOnceAndTheDatabaseRefusesAnOverlap() {
        long own = venues.request(ownerOfficer, venueId, new VenueService.RequestForm(owner.unit().id(), "班组学习",
                at(6, "14:00"), at(6, "16:00")));
        assertThat(statusOf(own)).isEqualTo("APPROVED");
        long pending = ask(askerOfficer, asker.unit().id(), 6, "18:00", "20:00");
        // Approved at once goes straight to the constraint: no check of ours runs before it.
        assertThatThrownBy(() -> venues.request(ownerOfficer, venueId, new VenueService.RequestForm(owner.unit().id(),
                "加班会", at(6, "15:00"), at(6, "17:00")))).isInstanceOf(Refusal.class).hasMessage("venue.error.conflict");
        assertThatThrownBy(() -> setup.booking(venueId, owner.unit().id(), "直接写入", time(6, "15:30"), time(6, "16:30"),
                ownerOfficer.accountId(), null, "x", ownerOfficer.accountId()))
                .hasMessageContaining("activity_booking_no_overlap");
        assertThat(statusOf(pending)).isEqualTo("PENDING");
        assertThat(count("SELECT count(*) FROM activity_booking WHERE venue_id = ? AND status = 'APPROVED'", venueId))
                .isEqualTo(1);
    }

    @Test
    void badRequestsAreRefusedAndSaveNothing() {
        record Case(String from, String to, String purpose, String key) {
        }
        for (Case c : List.of(new Case(at(3, "12:00"), at(3, "10:00"), "读书会", "venue.error.times"),
                new Case(at(3, "10:00"), at(40, "10:00"), "读书会", "venue.error.times"),
                new Case("", at(3, "10:00"), "读书会", "venue.error.times"),
                new Case("明天", at(3, "10:00"), "读书会", "venue.error.times"),
                new Case(at(-1, "10:00"), at(3, "10:00"), "读书会", "venue.error.past"),
                new Case(at(3, "10:00"), at(3, "12:00"), " ", "venue.error.purpose"))) {
            assertThatThrownBy(() -> venues.request(askerOfficer, venueId,
                    new VenueService.RequestForm(asker.unit().id(), c.purpose(), c.from(), c.to())))
                    .as(c.toString()).isInstanceOf(Refusal.class).hasMessage(c.key());
        }
        assertThatThrownBy(() -> venues.create(ownerOfficer, owner.unit().id(),
                new VenueService.VenueForm("职工之家", "WORKERS_HOME", "一楼", "", ""), null)).hasMessage("venue.error.nameTaken");
        assertThatThrownBy(() -> venues.create(ownerOfficer, owner.unit().id(),
                new VenueService.VenueForm("球场", "STADIUM", "院内", "", ""), null)).hasMessage("venue.error.incomplete");
        assertThatThrownBy(() -> venues.create(ownerOfficer, owner.unit().id(),
                new VenueService.VenueForm("球场", "COURT", "院内", "很多", ""), null)).hasMessage("venue.error.capacity");
        assertThatThrownBy(() -> venues.create(ownerOfficer, owner.unit().id(),
                new VenueService.VenueForm("球场", "COURT", "院内", "", ""), "not an image".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("file.notImage");
        assertThat(count("SELECT count(*) FROM activity_booking WHERE venue_id = ?", venueId)).isZero();
        assertThat(count("SELECT count(*) FROM activity_venue WHERE owner_unit_id = ?", owner.unit().id())).isEqualTo(1);
    }

    @Test
    void ofTwoOverlappingRequestsApprovedAtTheSameMomentExactlyOneIsApproved() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long first = ask(askerOfficer, asker.unit().id(), 10 + round, "09:00", "11:00");
                long second = ask(askerOfficer, askerYouth.id(), 10 + round, "10:00", "12:00");
                List<String> outcomes = race(pool, first, second);
                assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder("approved", "venue.error.conflict");
                assertThat(List.of(statusOf(first), statusOf(second))).as("round %d", round)
                        .containsExactlyInAnyOrder("APPROVED", "PENDING");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The same race without the exclusion constraint: both are approved, so nothing but the constraint keeps the
     * venue from being booked twice. The constraint is put back as it was, whatever happens.
     */
    @Test
    void withoutTheExclusionConstraintTheSameRaceBooksTheVenueTwice() throws Exception {
        String definition = jdbc.sql("SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conname = 'activity_booking_no_overlap'").query(String.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        jdbc.sql("ALTER TABLE activity_booking DROP CONSTRAINT activity_booking_no_overlap").update();
        try {
            long first = ask(askerOfficer, asker.unit().id(), 20, "09:00", "11:00");
            long second = ask(askerOfficer, askerYouth.id(), 20, "10:00", "12:00");
            assertThat(race(pool, first, second)).containsExactly("approved", "approved");
            assertThat(List.of(statusOf(first), statusOf(second))).containsOnly("APPROVED");
        } finally {
            pool.shutdownNow();
            jdbc.sql("UPDATE activity_booking SET status = 'CANCELLED', cancelled_at = now(), cancelled_by = 0"
                    + " WHERE venue_id = ? AND status = 'APPROVED'").param(venueId).update();
            jdbc.sql("ALTER TABLE activity_booking ADD CONSTRAINT activity_booking_no_overlap " + definition).update();
        }
        assertThat(count("SELECT count(*) FROM pg_constraint WHERE conname = 'activity_booking_no_overlap'"))
                .isEqualTo(1);
    }

    /** Two owner's officers approve one booking each, released at the same moment; the outcome of each. */
    private List<String> race(ExecutorService pool, long first, long second) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (var pair : List.of(new Object[]{ownerOfficer, first}, new Object[]{secondOwnerOfficer, second})) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    venues.approve((Viewer) pair[0], (Long) pair[1]);
                    return "approved";
                } catch (Refusal e) {
                    return e.messageKey();
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get());
        }
        return results;
    }

    @Test
    void cancellingFreesTheSlotAndTellsTheOtherSide() throws Exception {
        long id = ask(askerOfficer, asker.unit().id(), 4, "19:00", "21:00");
        venues.approve(ownerOfficer, id);
        mvc.perform(post("/activity-venues/bookings/" + id + "/cancel").with(csrf()).with(as(askerOfficer)))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("CANCELLED");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND title = '场地预约已取消：职工之家'", ownerChair) == 1);
        assertThatThrownBy(() -> venues.cancel(askerOfficer, id)).hasMessage("venue.error.notLive");
        long again = venues.request(ownerOfficer, venueId, new VenueService.RequestForm(owner.unit().id(), "职工观影",
                at(4, "18:00"), at(4, "22:00")));
        assertThat(statusOf(again)).isEqualTo("APPROVED");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'venue.booking.cancel' AND target_id = ?",
                Long.toString(id))).isEqualTo(1);
    }

    @Test
    void theWeekShowsEachDaysBookingsWithTheBodyAndStateButNotWhoAsked() throws Exception {
        LocalDate day = LocalDate.now().plusDays(8);
        long approved = ask(askerOfficer, asker.unit().id(), 8, "09:00", "11:00");
        venues.approve(ownerOfficer, approved);
        ask(askerOfficer, askerYouth.id(), 8, "14:00", "16:00");
        String week = page("/activity-venues/" + venueId + "?week=" + day, outsider);
        String thatDay = week.substring(week.indexOf("id=\"day-" + day + "\""));
        int nextDay = thatDay.indexOf("venue-day", 20);
        thatDay = thatDay.substring(0, nextDay < 0 ? thatDay.indexOf("</section>") : nextDay);
        assertThat(thatDay).contains("09:00–11:00").contains(asker.unit().name()).contains("已批准")
                .contains("14:00–16:00").contains(askerYouth.name()).contains("待批准");
        assertThat(week).doesNotContain("借用主席").doesNotContain("/activity-venues/bookings/")
                .doesNotContain("venue-edit").contains("venue-request");
        assertThat(page("/activity-venues/" + venueId + "?week=" + day, ownerOfficer)).contains("venue-edit")
                .contains("/activity-venues/bookings/" + approved);
        assertThat(page("/activity-venues", outsider)).contains("职工之家").contains(owner.unit().name());
    }

    @Test
    void theOwnerEditsTheVenueAndAddsAPhotoWhichEveryOfficerSees() throws Exception {
        mvc.perform(multipart("/activity-venues/" + venueId).file(new MockMultipartFile("photo", "家.png", "image/png", PNG))
                        .param("name", "职工之家（新）").param("kind", "WORKERS_HOME").param("site", "综合楼三楼")
                        .param("capacity", "60").param("description", "新增健身角").with(csrf()).with(as(ownerOfficer)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT name || ' ' || site || ' ' || capacity FROM activity_venue WHERE id = ?")
                .param(venueId).query(String.class).single()).isEqualTo("职工之家（新） 综合楼三楼 60");
        byte[] photo = mvc.perform(get("/activity-venues/" + venueId + "/photo").with(as(outsider)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(photo).isEqualTo(PNG);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'venue.update' AND target_id = ?",
                Long.toString(venueId))).isEqualTo(1);
        Viewer employee = Fixtures.employee(fixtures.accountId(askerChair), askerChair);
        mvc.perform(get("/activity-venues/" + venueId).with(as(employee))).andExpect(status().isForbidden());
    }

    // ---- activities at a venue

    private Activities.Draft draft(String title, Long venue, long leadUnitId, OffsetDateTime from, OffsetDateTime to) {
        return new Activities.Draft(title, "CULTURE_SPORTS", "", null, venue, from, to, OffsetDateTime.now().minusHours(1),
                from.minusHours(2), 20, "EMPLOYEES", leadUnitId, false, leadUnitId);
    }

    @Test
    void publishingAnActivityAtAnotherBodysVenueAsksForItAndCancellingFreesIt() throws Exception {
        long activityId = activities.create(askerOfficer, draft("青年读书分享会", venueId, asker.unit().id(),
                time(7, "19:00"), time(7, "21:00")), List.of(askerYouth.id()), List.of(), null);
        assertThat(count("SELECT count(*) FROM activity_booking WHERE activity_id = ?", activityId)).isZero();
        activities.publish(askerOfficer, activityId);
        long booking = count("SELECT id FROM activity_booking WHERE activity_id = ?", activityId);
        assertThat(statusOf(booking)).isEqualTo("PENDING");
        assertThat(venues.activityVenue(activityId)).get().extracting(VenueService.ActivityVenue::status)
                .isEqualTo("PENDING");
        assertThat(page("/activity-admin/" + activityId, askerOfficer)).contains("场地待批准").contains("职工之家");
        assertThatThrownBy(() -> venues.cancel(askerOfficer, booking)).hasMessage("venue.error.activityBooking");
        venues.approve(ownerOfficer, booking);
        assertThat(venues.activityVenue(activityId)).get().extracting(VenueService.ActivityVenue::status)
                .isEqualTo("APPROVED");

        activities.cancel(askerOfficer, activityId, "讲师临时有事");
        assertThat(statusOf(booking)).isEqualTo("CANCELLED");
        assertThat(statusOf(venues.request(ownerOfficer, venueId, new VenueService.RequestForm(owner.unit().id(),
                "班组学习", at(7, "19:00"), at(7, "21:00"))))).isEqualTo("APPROVED");
    }

    @Test
    void theOwnersActivityBooksAtOnceAndAnOverlapRefusesThePublishingWhole() {
        long own = activities.create(ownerOfficer, draft("职工乒乓球赛", venueId, owner.unit().id(), time(9, "14:00"),
                time(9, "17:00")), List.of(), List.of(), null);
        activities.publish(ownerOfficer, own);
        assertThat(statusOf(count("SELECT id FROM activity_booking WHERE activity_id = ?", own))).isEqualTo("APPROVED");

        long clash = activities.create(askerOfficer, draft("青年联谊", venueId, asker.unit().id(), time(9, "16:00"),
                time(9, "18:00")), List.of(), List.of(), null);
        assertThatThrownBy(() -> activities.publish(askerOfficer, clash)).isInstanceOf(Refusal.class)
                .hasMessage("venue.error.conflict");
        assertThat(jdbc.sql("SELECT status FROM activity WHERE id = ?").param(clash).query(String.class).single())
                .isEqualTo("DRAFT");
        assertThat(count("SELECT count(*) FROM activity_seat WHERE activity_id = ?", clash)).isZero();
        assertThat(count("SELECT count(*) FROM activity_booking WHERE activity_id = ?", clash)).isZero();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'activity.publish' AND target_id = ?",
                Long.toString(clash))).isZero();
    }

    @Test
    void anActivityTakesOverTheBookingItsBodyHoldsAndAMovedActivityAsksAgain() {
        long held = ask(askerOfficer, asker.unit().id(), 12, "13:00", "18:00");
        venues.approve(ownerOfficer, held);
        long activityId = activities.create(askerOfficer, draft("技能比武", venueId, asker.unit().id(), time(12, "14:00"),
                time(12, "17:00")), List.of(), List.of(), null);
        activities.publish(askerOfficer, activityId);
        assertThat(count("SELECT count(*) FROM activity_booking WHERE activity_id = ?", activityId)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT activity_id FROM activity_booking WHERE id = ?").param(held).query(Long.class)
                .single()).isEqualTo(activityId);
        assertThat(statusOf(held)).isEqualTo("APPROVED");

        activities.update(askerOfficer, activityId, draft("技能比武", venueId, asker.unit().id(), time(13, "14:00"),
                time(13, "17:00")), List.of(), List.of(), null);
        assertThat(statusOf(held)).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT status FROM activity_booking WHERE activity_id = ? AND id <> ?")
                .params(activityId, held).query(String.class).single()).isEqualTo("PENDING");
        assertThatThrownBy(() -> activities.create(askerOfficer, draft("无处可去", 999_999_999L, asker.unit().id(),
                time(12, "14:00"), time(12, "17:00")), List.of(), List.of(), null)).hasMessage("venue.error.unknown");
    }

    @Test
    void theDemoHasSharedVenuesOfSeveralBodiesWithBookingsInTheComingTwoWeeks() {
        assertThat(jdbc.sql("SELECT name FROM activity_venue").query(String.class).list())
                .contains("蒲江收费站职工之家", "成都管理中心活动室", "公司本部篮球场", "健身房", "职工书屋");
        assertThat(count("""
                SELECT count(DISTINCT owner_unit_id) FROM activity_venue WHERE name IN
                  ('蒲江收费站职工之家', '成都管理中心活动室', '公司本部篮球场', '健身房', '职工书屋')""")).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("""
                        SELECT DISTINCT b.status FROM activity_booking b JOIN activity_venue v ON v.id = b.venue_id
                        WHERE v.name = '蒲江收费站职工之家' AND b.starts_at BETWEEN now() AND now() + interval '14 days'""")
                .query(String.class).list()).contains("APPROVED", "PENDING");
        assertThat(count("""
                SELECT count(*) FROM activity_booking b JOIN activity_venue v ON v.id = b.venue_id
                JOIN org_unit asking ON asking.id = b.unit_id JOIN org_unit owner ON owner.id = v.owner_unit_id
                WHERE asking.kind = 'YOUTH_LEAGUE' AND owner.kind = 'COMPANY_UNION' AND b.status = 'PENDING'""")).isPositive();
    }
}
