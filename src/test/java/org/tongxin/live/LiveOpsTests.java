package org.tongxin.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.live.internal.Attendance;
import org.tongxin.live.internal.LiveNotices;
import org.tongxin.live.internal.LiveService;
import org.tongxin.live.internal.Sessions;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.training.TrainingCourses;
import org.tongxin.training.TrainingSetup;

/**
 * The operational side of live sessions: invitations, one reminder however many nodes run the job, the
 * cancellation notice; and attendance counted once toward a course, whose live lesson training adds, completes and
 * takes out again.
 */
class LiveOpsTests extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    LiveService live;
    @Autowired
    LiveNotices notices;
    @Autowired
    Attendance attendance;
    @Autowired
    Sessions sessions;
    @Autowired
    TrainingSetup training;
    @Autowired
    TrainingCourses trainingCourses;

    Fixtures.UnitWithDepartment unit;
    Viewer organiser;
    Viewer first;
    Viewer second;
    Viewer outsider;

    @BeforeEach
    void aUnitWithTwoEmployeesAndAnOutsider() {
        unit = fixtures.grassroots("直播运维测试工会");
        Fixtures.UnitWithDepartment other = fixtures.grassroots("直播运维旁站");
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(unit.departmentCode()), Fixtures.row(unit.departmentCode()),
                Fixtures.row(other.departmentCode()));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "live-ops.csv", rows);
        List<Viewer> people = new ArrayList<>();
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            people.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        first = people.get(0);
        second = people.get(1);
        outsider = people.get(2);
        organiser = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
    }

    private long schedule(String title, OffsetDateTime start, Duration length, String audience, List<Long> invitees,
                          Long courseId, int percent) {
        return live.schedule(organiser, new Sessions.Draft(title, "", unit.unit().id(), fixtures.adminAccountId(),
                start, start.plus(length), audience, audience.equals("SUBTREE") ? unit.unit().id() : null, invitees,
                courseId, percent));
    }

    private long notices(Viewer who, String title) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE employee_id = ? AND title = ?")
                .params(who.employeeId(), title).query(Long.class).single();
    }

    @Test
    void everyoneInvitedIsToldOnceRemindedOnceAcrossNodesAndToldOfACancellation() throws Exception {
        String title = "班组长安全培训直播 " + System.nanoTime();
        long id = schedule(title, OffsetDateTime.now().plusMinutes(30), Duration.ofHours(1), "SUBTREE", List.of(), null,
                80);
        Awaitility.await().atMost(WAIT).until(() -> notices(first, "直播邀请：" + title) == 1
                && notices(second, "直播邀请：" + title) == 1);
        assertThat(notices(outsider, "直播邀请：" + title)).isZero();
        String body = jdbc.sql("SELECT body FROM notification WHERE employee_id = ? AND title = ?")
                .params(first.employeeId(), "直播邀请：" + title).query(String.class).single();
        assertThat(body).startsWith("「" + title + "」将于 ").contains("开始直播（至 ").doesNotContain("Invitation");
        assertThat(jdbc.sql("SELECT link FROM notification WHERE employee_id = ? AND title = ?")
                .params(first.employeeId(), "直播邀请：" + title).query(String.class).single()).isEqualTo("/live/" + id);

        // Not yet within the reminder's window: nothing is claimed.
        notices.remindDue();
        assertThat(jdbc.sql("SELECT reminded_at FROM live_session WHERE id = ?").param(id)
                .query(OffsetDateTime.class).optional()).isEmpty();

        // Scheduled an hour ago, ten minutes before the start: two nodes run the job at the same moment, then again.
        jdbc.sql("""
                UPDATE live_session SET starts_at = now() + interval '10 minutes', created_at = now() - interval '1 hour'
                WHERE id = ?""").param(id).update();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                runs.add(nodes.submit(() -> {
                    go.await();
                    return notices.remindDue();
                }));
            }
            go.countDown();
            for (Future<Integer> r : runs) {
                r.get();
            }
        }
        notices.remindDue();
        String reminder = "直播即将开始：" + title;
        Awaitility.await().atMost(WAIT).until(() -> notices(first, reminder) == 1 && notices(second, reminder) == 1);
        Thread.sleep(500);
        assertThat(notices(first, reminder)).as("one reminder, not one per node").isEqualTo(1);
        assertThat(notices(outsider, reminder)).isZero();

        live.cancel(organiser, id);
        Awaitility.await().atMost(WAIT).until(() -> notices(first, "直播取消：" + title) == 1
                && notices(second, "直播取消：" + title) == 1);
        assertThat(notices(outsider, "直播取消：" + title)).isZero();
    }

    @Test
    void aListIsToldPersonByPersonAndASessionEnteredAfterItWasHeldInvitesNobody() throws Exception {
        String listed = "名单直播 " + System.nanoTime();
        schedule(listed, OffsetDateTime.now().plusDays(1), Duration.ofHours(1), "LIST", List.of(second.employeeId()),
                null, 80);
        String past = "已举办的直播 " + System.nanoTime();
        schedule(past, OffsetDateTime.now().minusDays(2), Duration.ofHours(1), "SUBTREE", List.of(), null, 80);
        Awaitility.await().atMost(WAIT).until(() -> notices(second, "直播邀请：" + listed) == 1);
        assertThat(notices(first, "直播邀请：" + listed)).isZero();
        Thread.sleep(500);
        assertThat(notices(first, "直播邀请：" + past)).isZero();
    }

    @Test
    void attendingCountsTowardTheCourseOnceAndTheLiveLessonCompletesIt() throws Exception {
        long course = training.course(organiser, unit.unit().id(), "安全生产月培训 " + System.nanoTime(), "", "EMPLOYEES",
                unit.unit().id(), null, List.of(new TrainingSetup.Lesson("安全生产法要点", "第一条……")));
        assertThat(trainingCourses.coursesOf(organiser)).extracting(CourseChoices.Course::id).contains(course);
        Fixtures.UnitWithDepartment elsewhere = fixtures.grassroots("直播运维另一工会");
        Viewer otherOfficer = Fixtures.officer(fixtures.adminAccountId(), elsewhere.unit().id());
        assertThat(trainingCourses.coursesOf(otherOfficer)).extracting(CourseChoices.Course::id).doesNotContain(course);
        assertThat(trainingCourses.coursesOf(first)).isEmpty();
        assertThatThrownBy(() -> live.schedule(otherOfficer, new Sessions.Draft("别人的课", "", elsewhere.unit().id(),
                fixtures.adminAccountId(), OffsetDateTime.now(), OffsetDateTime.now().plusHours(1), "PUBLIC", null,
                List.of(), course, 80))).isInstanceOf(Refusal.class).hasMessage("live.ops.error.course");

        // Ten minutes long, 10 % to attend: one minute of watching.
        long id = schedule("安全生产月直播 " + System.nanoTime(), OffsetDateTime.now().minusMinutes(5),
                Duration.ofMinutes(10), "SUBTREE", List.of(), course, 10);
        Awaitility.await().atMost(WAIT).until(() -> lesson(id) != null);
        long lesson = lesson(id);
        assertThat(jdbc.sql("SELECT kind || ':' || position || ':' || title FROM training_lesson WHERE id = ?")
                .param(lesson).query(String.class).single()).startsWith("LIVE:2:直播：安全生产月直播");

        jdbc.sql("UPDATE live_session SET state = 'LIVE', went_live_at = now() WHERE id = ?").param(id).update();
        Sessions.Session s = sessions.find(id).orElseThrow();
        OffsetDateTime t0 = OffsetDateTime.now();
        assertThat(attendance.heartbeat(first, s, false, 30_000, t0)).isEqualTo(30_000);
        assertThat(attended(id)).isZero();
        // The second beat reaches a minute, by both at once (two phones, or two nodes): one mark, one event.
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService phones = Executors.newFixedThreadPool(2)) {
            List<Future<Long>> beats = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                beats.add(phones.submit(() -> {
                    go.await();
                    return attendance.heartbeat(first, s, false, 30_000, t0.plusSeconds(30));
                }));
            }
            go.countDown();
            for (Future<Long> b : beats) {
                b.get();
            }
        }
        attendance.heartbeat(first, s, false, 15_000, t0.plusSeconds(45));
        assertThat(attended(id)).isEqualTo(1);
        assertThat(attendance.attendedAt(id)).containsOnlyKeys(first.employeeId());
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM event_publication WHERE event_type = 'org.tongxin.live.LiveAttended'
                          AND serialized_event LIKE ?""").param("%\"sessionId\":" + id + ",%")
                .query(Long.class).single()).as("LiveAttended published once").isEqualTo(1);

        // Training completed the live lesson in an enrolment opened for the person; the text lesson is still to do.
        Awaitility.await().atMost(WAIT).until(() -> completed(first, lesson));
        assertThat(enrolmentDone(first, course)).isFalse();
        assertThat(mvc.perform(get("/training/courses/" + course + "/lessons/" + lesson).with(as(first)))
                .andReturn().getResponse().getContentAsString())
                .contains("href=\"/live/" + id + "\"").doesNotContain("id=\"lesson-done\"");
        training.study(first, course, 1);
        assertThat(enrolmentDone(first, course)).as("both lessons done: the course is completed").isTrue();

        // Someone who has not attended cannot complete the live lesson from the page.
        mvc.perform(post("/training/courses/" + course + "/enrol").with(csrf()).with(as(second)));
        String reported = mvc.perform(post("/training/courses/" + course + "/lessons/" + lesson + "/progress")
                .param("end", "true").with(csrf()).with(as(second))).andReturn().getResponse().getContentAsString();
        assertThat(reported).contains("\"lessonCompleted\":false");
        assertThat(completed(second, lesson)).isFalse();
    }

    @Test
    void aHeartbeatHandledLateByABusyServerCostsTheNextOneNothingYetTimeIsNeverCountedTwice() {
        long id = schedule("心跳计时 " + System.nanoTime(), OffsetDateTime.now().minusMinutes(1), Duration.ofHours(1),
                "SUBTREE", List.of(), null, 80);
        jdbc.sql("UPDATE live_session SET state = 'LIVE', went_live_at = now() WHERE id = ?").param(id).update();
        Sessions.Session s = sessions.find(id).orElseThrow();
        OffsetDateTime t0 = OffsetDateTime.now();
        assertThat(attendance.heartbeat(first, s, false, 0, t0)).isZero();
        // Sent at 15 s, handled at 20 s; the next, sent at 30 s, handled on time: 30 s played, 30 s counted.
        assertThat(attendance.heartbeat(first, s, false, 15_000, t0.plusSeconds(20))).isEqualTo(15_000);
        assertThat(attendance.heartbeat(first, s, false, 15_000, t0.plusSeconds(30))).isEqualTo(30_000);
        // A second phone beating at the same moments adds only the slack, not another 15 s.
        assertThat(attendance.heartbeat(first, s, false, 15_000, t0.plusSeconds(45))).isEqualTo(45_000);
        long both = attendance.heartbeat(first, s, false, 15_000, t0.plusSeconds(45));
        assertThat(both).isLessThanOrEqualTo(47_000);
        // A page beating as fast as it can gets no more than the time that passes.
        long fast = both;
        for (int i = 1; i <= 10; i++) {
            fast = attendance.heartbeat(first, s, false, 30_000, t0.plusSeconds(45).plusNanos(i * 100_000_000L));
        }
        assertThat(fast).isLessThanOrEqualTo(46_000 + 2_000);
        // After a ten-minute pause, coming back credits the beat, not the ten minutes.
        assertThat(attendance.heartbeat(first, s, false, 30_000, t0.plusMinutes(11)) - fast).isEqualTo(30_000);
        assertThat(attendance.heartbeat(first, s, false, 30_000, t0.plusMinutes(11).plusSeconds(1)) - fast)
                .isLessThanOrEqualTo(30_000 + 3_000);
    }

    @Test
    void theScheduleFormOffersTheOrganisersCoursesAndRefusesAnotherUnitsCourse() throws Exception {
        long course = training.course(organiser, unit.unit().id(), "表单选课 " + System.nanoTime(), "", "EMPLOYEES",
                unit.unit().id(), null, List.of(new TrainingSetup.Lesson("要点", "第一条……")));
        Fixtures.UnitWithDepartment elsewhere = fixtures.grassroots("直播选课另一工会");
        Viewer otherOfficer = Fixtures.officer(fixtures.adminAccountId(), elsewhere.unit().id());
        String form = mvc.perform(get("/live-admin/new").with(as(organiser))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("id=\"session-course\"", "value=\"" + course + "\"");
        assertThat(mvc.perform(get("/live-admin/new").with(as(otherOfficer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("value=\"" + course + "\"");

        String starts = LocalDateTime.now().plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
        String ends = LocalDateTime.now().plusDays(1).plusHours(1).truncatedTo(ChronoUnit.MINUTES).toString();
        String refused = mvc.perform(post("/live-admin/sessions").with(csrf()).with(as(otherOfficer))
                        .param("title", "借别人的课").param("unitId", Long.toString(elsewhere.unit().id()))
                        .param("startsAt", starts).param("endsAt", ends).param("audience", "SUBTREE")
                        .param("courseId", Long.toString(course)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"flash-error\"", "请选择你负责的课程");
        assertThat(jdbc.sql("SELECT count(*) FROM live_session WHERE title = '借别人的课'").query(Long.class).single())
                .isZero();

        String location = mvc.perform(post("/live-admin/sessions").with(csrf()).with(as(organiser))
                        .param("title", "表单选课直播").param("unitId", Long.toString(unit.unit().id()))
                        .param("startsAt", starts).param("endsAt", ends).param("audience", "SUBTREE")
                        .param("courseId", Long.toString(course)))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(sessions.find(id).orElseThrow().courseId()).isEqualTo(course);
        Awaitility.await().atMost(WAIT).until(() -> lesson(id) != null);
    }

    @Test
    void aCancelledSessionIsTakenOutOfItsCourse() {
        long course = training.course(organiser, unit.unit().id(), "取消测试课 " + System.nanoTime(), "", "EMPLOYEES",
                unit.unit().id(), null, List.of(new TrainingSetup.Lesson("第一课", "内容")));
        long id = schedule("将取消的直播 " + System.nanoTime(), OffsetDateTime.now().plusDays(3), Duration.ofHours(1),
                "SUBTREE", List.of(), course, 80);
        Awaitility.await().atMost(WAIT).until(() -> lesson(id) != null);
        live.cancel(organiser, id);
        Awaitility.await().atMost(WAIT).until(() -> lesson(id) == null);
        assertThat(jdbc.sql("SELECT count(*) FROM training_lesson WHERE course_id = ?").param(course)
                .query(Long.class).single()).isEqualTo(1);
    }

    private Long lesson(long sessionId) {
        return jdbc.sql("SELECT id FROM training_lesson WHERE live_session_id = ?").param(sessionId).query(Long.class)
                .optional().orElse(null);
    }

    private long attended(long sessionId) {
        return jdbc.sql("SELECT count(*) FROM live_attended WHERE session_id = ?").param(sessionId).query(Long.class)
                .single();
    }

    private boolean completed(Viewer who, long lesson) {
        return jdbc.sql("""
                        SELECT count(*) FROM training_progress p JOIN training_enrolment e ON e.id = p.enrolment_id
                        WHERE e.employee_id = ? AND p.lesson_id = ? AND p.completed_at IS NOT NULL""")
                .params(who.employeeId(), lesson).query(Long.class).single() > 0;
    }

    private boolean enrolmentDone(Viewer who, long course) {
        return jdbc.sql("""
                        SELECT count(*) FROM training_enrolment WHERE employee_id = ? AND course_id = ?
                          AND completed_at IS NOT NULL""").params(who.employeeId(), course).query(Long.class)
                .single() > 0;
    }
}
