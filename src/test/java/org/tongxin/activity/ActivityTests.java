package org.tongxin.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.activity.internal.Activities;
import org.tongxin.activity.internal.ActivityReminders;
import org.tongxin.activity.internal.ActivityService;
import org.tongxin.activity.internal.SignUp;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/** Eligibility, capacity, waitlist, cancelling, lottery, check-in and the officers' scope, on the real database. */
class ActivityTests extends IntegrationTestSupport {

    @Autowired
    ActivityService service;
    @Autowired
    SignUp signUp;
    @Autowired
    MembershipSetup membershipSetup;
    @Autowired
    Activities activities;
    @Autowired
    ActivityReminders reminders;

    Fixtures.UnitWithDepartment unit;
    Viewer officer;
    List<Viewer> members = new ArrayList<>();
    Viewer nonMember;
    Viewer outsider;

    @BeforeEach
    void aStationWithMembers() {
        unit = fixtures.grassroots("活动测试工会");
        Fixtures.UnitWithDepartment other = fixtures.grassroots("活动旁站工会");
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        OrgSetup.HrRow plain = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow elsewhere = Fixtures.row(other.departmentCode());
        List<OrgSetup.HrRow> all = new ArrayList<>(rows);
        all.add(plain);
        all.add(elsewhere);
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "activity.csv", all);
        members.clear();
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            membershipSetup.enrol(id, unit.unit().id(), java.time.LocalDate.now().minusYears(1));
            members.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        long plainId = fixtures.employeeId(plain.employeeNo());
        nonMember = Fixtures.employee(fixtures.accountId(plainId), plainId);
        long elsewhereId = fixtures.employeeId(elsewhere.employeeNo());
        membershipSetup.enrol(elsewhereId, other.unit().id(), java.time.LocalDate.now().minusYears(1));
        outsider = Fixtures.employee(fixtures.accountId(elsewhereId), elsewhereId);
        officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
    }

    private Activities.Draft draft(int capacity, boolean lottery) {
        OffsetDateTime now = OffsetDateTime.now();
        return new Activities.Draft("羽毛球友谊赛", "CULTURE_SPORTS", "周末球馆", "职工之家", null, now.plusMinutes(30),
                now.plusHours(3), now.minusHours(1), now.plusMinutes(20), capacity, "MEMBERS", unit.unit().id(), lottery,
                unit.unit().id());
    }

    private long published(int capacity, boolean lottery) {
        long id = service.create(officer, draft(capacity, lottery), List.of(), List.of(), null);
        service.publish(officer, id);
        return id;
    }

    private String seatsOf(long activityId) {
        return jdbc.sql("SELECT count(*) FILTER (WHERE registration_id IS NOT NULL) || '/' || count(*) FROM activity_seat"
                + " WHERE activity_id = ?").param(activityId).query(String.class).single();
    }

    @Test
    void onlyMembersOfTheSubtreeSeeAndSignUp() {
        long id = published(3, false);
        assertThat(signUp.register(members.getFirst(), id)).isEqualTo(SignUp.Result.CONFIRMED);
        assertThat(signUp.register(members.getFirst(), id)).isEqualTo(SignUp.Result.ALREADY);
        assertThatThrownBy(() -> signUp.register(nonMember, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> signUp.register(outsider, id)).isInstanceOf(NotFoundException.class);
        long draft = service.create(officer, draft(3, false), List.of(), List.of(), null);
        assertThatThrownBy(() -> signUp.register(members.getFirst(), draft)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void whenFullTheNextWaitsAndACancelPromotesTheHeadAtOnce() throws Exception {
        long id = published(2, false);
        assertThat(signUp.register(members.get(0), id)).isEqualTo(SignUp.Result.CONFIRMED);
        assertThat(signUp.register(members.get(1), id)).isEqualTo(SignUp.Result.CONFIRMED);
        assertThat(signUp.register(members.get(2), id)).isEqualTo(SignUp.Result.WAITLISTED);
        assertThat(signUp.register(members.get(3), id)).isEqualTo(SignUp.Result.WAITLISTED);
        assertThat(seatsOf(id)).isEqualTo("2/2");
        assertThat(mvc.perform(get("/").with(as(members.get(3)))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("已报名 1 个");

        signUp.cancel(members.get(0), id);
        assertThat(seatsOf(id)).isEqualTo("2/2");
        long promoted = members.get(2).employeeId();
        assertThat(jdbc.sql("""
                        SELECT r.employee_id FROM activity_seat s JOIN activity_registration r ON r.id = s.registration_id
                        WHERE s.activity_id = ? ORDER BY s.seat_no LIMIT 1""").param(id).query(Long.class).single())
                .isEqualTo(promoted);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND link = ?")
                .params(promoted, "/activities/" + id).query(Long.class).single() == 1);
        // A newcomer cannot jump the queue: the freed seat went to the waitlist's head.
        assertThat(signUp.register(members.get(4), id)).isEqualTo(SignUp.Result.WAITLISTED);
        assertThatThrownBy(() -> signUp.cancel(members.get(0), id)).isInstanceOf(Refusal.class)
                .hasMessage("activity.error.notRegistered");
    }

    @Test
    void aSeatLeftFreeWhileSomeoneWaitsIsFoundAndGivenToTheHeadOfTheWaitlist() {
        long id = published(1, false);
        signUp.register(members.get(0), id);
        signUp.register(members.get(1), id);
        signUp.register(members.get(2), id);
        // What a cancel with nobody waiting leaves when a sign-up that saw no free seat commits beside it.
        jdbc.sql("UPDATE activity_registration SET status = 'CANCELLED', cancelled_at = now() WHERE activity_id = ? AND employee_id = ?")
                .params(id, members.get(0).employeeId()).update();
        jdbc.sql("UPDATE activity_seat SET registration_id = NULL WHERE activity_id = ?").param(id).update();
        assertThat(activities.withFreeSeatWhileWaiting(OffsetDateTime.now())).contains(id);

        assertThat(signUp.fillFreeSeats(id, "羽毛球友谊赛")).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT r.employee_id FROM activity_seat s JOIN activity_registration r ON r.id = s.registration_id
                        WHERE s.activity_id = ?""").param(id).query(Long.class).single()).isEqualTo(members.get(1).employeeId());
        assertThat(activities.withFreeSeatWhileWaiting(OffsetDateTime.now())).doesNotContain(id);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND link = ?")
                .params(members.get(1).employeeId(), "/activities/" + id).query(Long.class).single() == 1);
    }

    @Test
    void capacityGrowsWithNewSeatsFilledFromTheWaitlistAndNeverShrinks() {
        long id = published(1, false);
        signUp.register(members.get(0), id);
        signUp.register(members.get(1), id);
        service.update(officer, id, draft(3, false), List.of(), List.of(), null);
        assertThat(seatsOf(id)).isEqualTo("2/3");
        // The draft's times moved on with the clock: everyone signed up hears of the new time.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE link = ? AND title LIKE '活动有变动%'")
                .param("/activities/" + id).query(Long.class).single() == 2);
        assertThatThrownBy(() -> service.update(officer, id, draft(1, false), List.of(), List.of(), null))
                .isInstanceOf(Refusal.class).hasMessage("activity.error.capacityShrinks");
        assertThatThrownBy(() -> jdbc.sql("UPDATE activity SET capacity = 1 WHERE id = ?").param(id).update())
                .hasMessageContaining("more seats than a capacity");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO activity_seat (activity_id, seat_no) VALUES (?, 9)").param(id)
                .update()).hasMessageContaining("beyond the capacity");
    }

    @Test
    void aLotteryDrawsReproduciblyFromItsSeedAndTellsEveryone() {
        long id = published(2, true);
        for (Viewer m : members) {
            assertThat(signUp.register(m, id)).isEqualTo(SignUp.Result.APPLIED);
        }
        assertThat(seatsOf(id)).isEqualTo("0/2");
        assertThat(signUp.draw(Viewer.system("test"), id, "seed-1")).isFalse();
        jdbc.sql("UPDATE activity SET signup_closes_at = now() - interval '1 minute' WHERE id = ?").param(id).update();
        List<Long> arrival = jdbc.sql("SELECT id FROM activity_registration WHERE activity_id = ? ORDER BY queue_no")
                .param(id).query(Long.class).list();

        assertThat(signUp.draw(Viewer.system("test"), id, "seed-1")).isTrue();
        assertThat(signUp.draw(Viewer.system("test"), id, "seed-1")).isFalse();
        List<Long> drawn = jdbc.sql("SELECT id FROM activity_registration WHERE activity_id = ? ORDER BY queue_no")
                .param(id).query(Long.class).list();
        assertThat(drawn).isEqualTo(SignUp.shuffled(arrival, "seed-1"));
        assertThat(seatsOf(id)).isEqualTo("2/2");
        assertThat(jdbc.sql("""
                        SELECT r.id FROM activity_seat s JOIN activity_registration r ON r.id = s.registration_id
                        WHERE s.activity_id = ? ORDER BY r.queue_no""").param(id).query(Long.class).list())
                .isEqualTo(drawn.subList(0, 2));
        assertThat(jdbc.sql("SELECT lottery_seed FROM activity WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("seed-1");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE link = ? AND title LIKE '抽签%'")
                .param("/activities/" + id).query(Long.class).single() == members.size());
    }

    @Test
    void checkInByQrOnlyWithASeatAndOnceAndByCardThroughAnOfficer() throws Exception {
        long id = published(1, false);
        signUp.register(members.get(0), id);
        signUp.register(members.get(1), id);
        String token = jdbc.sql("SELECT checkin_token FROM activity WHERE id = ?").param(id).query(String.class).single();

        assertThatThrownBy(() -> signUp.checkIn(members.get(0), id, "wrong")).isInstanceOf(NotFoundException.class);
        assertThat(signUp.checkIn(members.get(0), id, token)).isEqualTo(SignUp.CheckIn.ON_TIME);
        assertThat(signUp.checkIn(members.get(0), id, token)).isEqualTo(SignUp.CheckIn.ALREADY);
        assertThatThrownBy(() -> signUp.checkIn(members.get(1), id, token)).isInstanceOf(Refusal.class)
                .hasMessage("activity.error.notConfirmed");
        assertThatThrownBy(() -> signUp.checkInByCard(officer, id, "1.2.forged")).isInstanceOf(Refusal.class)
                .hasMessage("activity.error.card");

        mvc.perform(get("/activities/" + id + "/check-in").param("t", token).with(as(members.get(0))))
                .andExpect(status().isOk());
        mvc.perform(get("/activities/" + id + "/check-in").param("t", "guess").with(as(members.get(0))))
                .andExpect(status().isNotFound());
        String page = mvc.perform(get("/activity-admin/" + id).with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"attendance-list\"").contains("<svg");
    }

    @Test
    void aCancelledActivityTellsEveryoneRegisteredAndAnotherUnitsOfficerCannotTouchIt() throws Exception {
        long id = published(1, false);
        signUp.register(members.get(0), id);
        signUp.register(members.get(1), id);
        Viewer stranger = Fixtures.officer(fixtures.adminAccountId(), fixtures.grassroots("活动越权工会").unit().id());
        assertThatThrownBy(() -> service.cancel(stranger, id, "越权")).isInstanceOf(OutOfScopeException.class);
        mvc.perform(get("/activity-admin/" + id).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/activity-admin/" + id + "/cancel").param("reason", "越权").with(csrf()).with(as(stranger)))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> service.cancel(officer, id, " ")).isInstanceOf(Refusal.class);

        service.cancel(officer, id, "台风预警，活动取消");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE link = ? AND title LIKE '活动取消%'")
                .param("/activities/" + id).query(Long.class).single() == 2);
        assertThatThrownBy(() -> signUp.register(members.get(2), id)).isInstanceOf(Refusal.class)
                .hasMessage("activity.error.signupClosed");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'activity.cancel' AND target_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isOne();
    }

    @Test
    void eachPersonReadsTheCancellationInTheirOwnLanguageWithTheOfficersReasonAsWritten() {
        long id = published(2, false);
        signUp.register(members.get(0), id);
        signUp.register(members.get(1), id);
        long english = members.get(0).employeeId();
        long chinese = members.get(1).employeeId();
        jdbc.sql("UPDATE account SET locale = 'en' WHERE employee_id = ?").param(english).update();

        service.cancel(officer, id, "场馆临时检修");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE link = ?").param("/activities/" + id).query(Long.class)
                .single() == 2);
        assertThat(notice(english, id)).containsExactly("Cancelled: 羽毛球友谊赛", "羽毛球友谊赛 is cancelled. Reason: 场馆临时检修");
        assertThat(notice(chinese, id)).containsExactly("活动取消：羽毛球友谊赛", "「羽毛球友谊赛」已取消，原因：场馆临时检修");
    }

    private List<String> notice(long employeeId, long activityId) {
        return jdbc.sql("SELECT title, body FROM notification WHERE employee_id = ? AND link = ?")
                .params(employeeId, "/activities/" + activityId)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2))).single();
    }

    @Test
    void theDayBeforeItStartsEachSeatHolderIsRemindedOnceHoweverManyNodesRunTheJob() throws Exception {
        long soon = published(2, false);
        signUp.register(members.get(0), soon);
        signUp.register(members.get(1), soon);
        assertThat(signUp.register(members.get(2), soon)).isEqualTo(SignUp.Result.WAITLISTED);
        OffsetDateTime now = OffsetDateTime.now();
        long later = service.create(officer, new Activities.Draft("秋季登山", "CULTURE_SPORTS", "", "青城山", null,
                now.plusDays(3), now.plusDays(3).plusHours(5), now.minusHours(1), now.plusDays(2), 5, "MEMBERS",
                unit.unit().id(), false, unit.unit().id()), List.of(), List.of(), null);
        service.publish(officer, later);
        signUp.register(members.get(3), later);

        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                runs.add(nodes.submit(() -> {
                    go.await();
                    return reminders.remind();
                }));
            }
            go.countDown();
            for (Future<Integer> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        }
        reminders.remind();
        String reminder = "活动即将开始：羽毛球友谊赛";
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> reminders(members.get(0), soon, reminder) == 1
                && reminders(members.get(1), soon, reminder) == 1);
        Thread.sleep(500);
        assertThat(reminders(members.get(0), soon, reminder)).as("one reminder, not one per node").isEqualTo(1);
        assertThat(reminders(members.get(1), soon, reminder)).isEqualTo(1);
        assertThat(reminders(members.get(2), soon, reminder)).as("no seat, no reminder").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE link = ? AND title LIKE '活动即将开始%'")
                .param("/activities/" + later).query(Long.class).single()).as("three days ahead").isZero();

        // A new start time is reminded again.
        Activities.Draft d = draft(2, false);
        service.update(officer, soon, new Activities.Draft(d.title(), d.type(), d.description(), d.place(), null,
                d.startsAt().plusHours(2), d.endsAt().plusHours(2), d.signupOpensAt(), d.signupClosesAt(), 2,
                d.audience(), d.audienceUnitId(), false, d.leadUnitId()), List.of(), List.of(), null);
        reminders.remind();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> reminders(members.get(0), soon, reminder) == 2);
    }

    private long reminders(Viewer member, long activityId, String title) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE employee_id = ? AND link = ? AND title = ?")
                .params(member.employeeId(), "/activities/" + activityId, title).query(Long.class).single();
    }

    @Test
    void theFormCreatesADraftCoHostedWithThePartnerAndTheListShowsIt() throws Exception {
        long youthLeague = jdbc.sql("SELECT id FROM org_unit WHERE kind = 'YOUTH_LEAGUE' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        OffsetDateTime now = OffsetDateTime.now();
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        mvc.perform(post("/activity-admin").with(csrf()).with(as(officer))
                .param("title", "青年读书会").param("type", "CULTURE_SPORTS").param("capacity", "20")
                .param("leadUnitId", Long.toString(unit.unit().id())).param("coHosts", Long.toString(youthLeague))
                .param("place", "职工书屋").param("startsAt", now.plusDays(2).format(f))
                .param("endsAt", now.plusDays(2).plusHours(2).format(f)).param("signupOpensAt", now.minusHours(1).format(f))
                .param("signupClosesAt", now.plusDays(1).format(f)).param("audience", "MEMBERS")
                .param("audienceUnitId", Long.toString(unit.unit().id())).param("description", "共读一本书"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT max(id) FROM activity WHERE title = '青年读书会'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM activity_host WHERE activity_id = ? AND unit_id = ? AND NOT lead")
                .params(id, youthLeague).query(Long.class).single()).isOne();
        mvc.perform(post("/activity-admin/" + id + "/publish").with(csrf()).with(as(officer)));
        String list = mvc.perform(get("/activities").with(as(members.get(0)))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("青年读书会");
        assertThat(mvc.perform(get("/activities").param("host", Long.toString(youthLeague)).with(as(members.get(0))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("青年读书会");
        assertThat(mvc.perform(get("/activities").param("type", "TRAINING").with(as(members.get(0))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("青年读书会");
        String page = mvc.perform(get("/activities/" + id).with(as(members.get(0)))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("协办").contains("id=\"register\"");
        assertThat(mvc.perform(get("/activities").with(as(outsider))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("青年读书会");
    }

    @Test
    void theDemoHasActivitiesOfSeveralHostsOneFullWithAWaitlistALotteryAndOneHeldWithCheckIns() {
        assertThat(jdbc.sql("SELECT count(DISTINCT h.unit_id) FROM activity_host h JOIN activity a ON a.id = h.activity_id"
                + " WHERE a.title IN ('2027年迎新春职工联欢会', '三八节插花体验课', '蒲江收费站羽毛球友谊赛')")
                .query(Long.class).single()).isGreaterThanOrEqualTo(4);
        long badminton = jdbc.sql("SELECT id FROM activity WHERE title = '蒲江收费站羽毛球友谊赛'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM activity_seat WHERE activity_id = ? AND registration_id IS NOT NULL")
                .param(badminton).query(Long.class).single()).isEqualTo(8);
        assertThat(jdbc.sql("SELECT count(*) FROM activity_registration WHERE activity_id = ? AND status = 'ACTIVE'")
                .param(badminton).query(Long.class).single()).isGreaterThan(8);
        assertThat(jdbc.sql("SELECT count(*) FROM activity WHERE lottery AND drawn_at IS NULL").query(Long.class)
                .single()).isPositive();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM activity_registration r JOIN activity a ON a.id = r.activity_id
                        WHERE a.status = 'HELD' AND r.checked_in_at IS NOT NULL""").query(Long.class).single()).isPositive();
    }
}
