package org.tongxin.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.training.internal.AssessmentReminders;
import org.tongxin.training.internal.AssessmentService;
import org.tongxin.training.internal.Assessments;
import org.tongxin.training.internal.CourseReminders;
import org.tongxin.training.internal.CourseService;
import org.tongxin.training.internal.Courses;
import org.tongxin.training.internal.Exams;
import org.tongxin.training.internal.Grading;
import org.tongxin.training.internal.Questions;
import org.tongxin.training.internal.TrainingAdmin;

/**
 * Training's notices in each person's language, and its reminders — courses falling due, assessments closing — sent
 * once per person however many nodes run the job at the same moment.
 */
class TrainingRemindersTests extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    TrainingAdmin admin;
    @Autowired
    CourseService courseService;
    @Autowired
    AssessmentService assessmentService;
    @Autowired
    CourseReminders courseReminders;
    @Autowired
    AssessmentReminders assessmentReminders;

    Fixtures.UnitWithDepartment unit;
    Viewer officer;
    List<Viewer> people = new ArrayList<>();

    @BeforeEach
    void aUnitWithFourPeople() {
        unit = fixtures.grassroots("培训提醒测试工会");
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "training-reminders.csv", rows);
        people.clear();
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            people.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
    }

    private List<Long> ids() {
        return people.stream().map(Viewer::employeeId).toList();
    }

    private long course(String title) {
        long course = admin.createCourse(officer, new Courses.Draft(title, "", "EMPLOYEES", unit.unit().id(),
                unit.unit().id(), null));
        admin.addLesson(officer, course, "第一课", "TEXT", "正文", null, null, null);
        admin.publishCourse(officer, course);
        return course;
    }

    /** An assessment of the unit, on a one-question exam, open from yesterday to {@code endsOn}. */
    private long assessment(String title, LocalDate endsOn) {
        String skill = "提醒" + System.nanoTime() % 100000;
        admin.addQuestion(officer, new Questions.Draft("TRUE_FALSE", "收费站实行 24 小时值班。", List.of(), new int[]{0},
                List.of(), skill, 1, ""));
        long exam = admin.createExam(officer, new Exams.Draft(title + "试卷", unit.unit().id(), 10, 60, null, 0, false,
                false, "NONE", Grading.MultipleScoring.ALL_OR_NOTHING, null, null),
                List.of(new Exams.Part(1, "TRUE_FALSE", skill, null, null, 1, BigDecimal.ONE)));
        admin.publishExam(officer, exam);
        return assessmentService.create(officer, new Assessments.Draft(title, exam, course(title + "补训"),
                unit.unit().id(), 60, LocalDate.now().minusDays(1), endsOn, null));
    }

    private long notices(long employeeId, String title) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE employee_id = ? AND title = ?")
                .params(employeeId, title).query(Long.class).single();
    }

    /** Runs {@code job} on two threads released at the same moment, as two nodes would; returns the total count. */
    private static int onTwoNodes(Callable<Integer> job) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        int total = 0;
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                runs.add(nodes.submit(() -> {
                    go.await();
                    return job.call();
                }));
            }
            go.countDown();
            for (Future<Integer> r : runs) {
                total += r.get(60, TimeUnit.SECONDS);
            }
        }
        return total;
    }

    @Test
    void aPersonWhoChoseEnglishReadsTheNoticeInEnglishAndTheOthersInChinese() {
        jdbc.sql("UPDATE account SET locale = 'en' WHERE employee_id = ?").param(people.get(0).employeeId()).update();
        String title = "收费业务考核 " + System.nanoTime() % 100000;
        LocalDate ends = LocalDate.now().plusDays(20);
        long a = assessment(title, ends);
        assessmentService.assign(officer, a, AssessmentService.Group.LIST, null,
                List.of(people.get(0).employeeId(), people.get(1).employeeId()));

        String english = "Assessment: " + title;
        String chinese = "考核通知：" + title;
        Awaitility.await().atMost(WAIT).until(() -> notices(people.get(0).employeeId(), english) == 1
                && notices(people.get(1).employeeId(), chinese) == 1);
        assertThat(jdbc.sql("SELECT body FROM notification WHERE employee_id = ? AND title = ?")
                .params(people.get(0).employeeId(), english).query(String.class).single())
                .isEqualTo("Please take the assessment " + title + " between " + LocalDate.now().minusDays(1) + " and "
                        + ends + "; the pass mark is 60.");
        assertThat(jdbc.sql("SELECT body FROM notification WHERE employee_id = ? AND title = ?")
                .params(people.get(1).employeeId(), chinese).query(String.class).single())
                .isEqualTo("请在 " + LocalDate.now().minusDays(1) + " 至 " + ends + " 期间完成考核「" + title
                        + "」，合格线 60 分。");
        assertThat(notices(people.get(0).employeeId(), chinese)).isZero();
        assertThat(notices(people.get(1).employeeId(), english)).isZero();
    }

    @Test
    void aCourseFallingDueIsRemindedOncePerPersonWhenTwoNodesRunTheJobAtOnce() throws Exception {
        String title = "防汛知识 " + System.nanoTime() % 100000;
        long course = course(title);
        LocalDate due = LocalDate.now().plusDays(2);
        assertThat(courseService.assign(officer, course, ids(), due)).isEqualTo(4);
        jdbc.sql("UPDATE training_enrolment SET enrolled_at = now() - interval '2 days' WHERE course_id = ?")
                .param(course).update();

        onTwoNodes(courseReminders::remind);
        onTwoNodes(courseReminders::remind);

        String reminder = "培训即将到期：" + title;
        for (Viewer v : people) {
            Awaitility.await().atMost(WAIT).until(() -> notices(v.employeeId(), reminder) >= 1);
        }
        Thread.sleep(500);
        for (Viewer v : people) {
            assertThat(notices(v.employeeId(), reminder)).as("one reminder, not one per node").isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT body FROM notification WHERE employee_id = ? AND title = ?")
                .params(people.get(0).employeeId(), reminder).query(String.class).single())
                .isEqualTo("「" + title + "」需在 " + due + " 前学完，请抓紧时间。");
    }

    @Test
    void whoeverHasNotPassedAnAssessmentIsRemindedOnceShortlyBeforeItClosesWhenTwoNodesRunTheJobAtOnce()
            throws Exception {
        String title = "路政安全考核 " + System.nanoTime() % 100000;
        LocalDate ends = LocalDate.now().plusDays(1);
        long closing = assessment(title, ends);
        String later = "年度考核 " + System.nanoTime() % 100000;
        long notYet = assessment(later, LocalDate.now().plusDays(20));
        assessmentService.assign(officer, closing, AssessmentService.Group.LIST, null, ids());
        assessmentService.assign(officer, notYet, AssessmentService.Group.LIST, null, ids());
        // The first has passed; the second was assigned a moment ago (the assignment notice names the date); the
        // other two were assigned two days ago and have not passed.
        jdbc.sql("UPDATE training_assessee SET updated_at = now() - interval '2 days' WHERE assessment_id IN (?, ?)"
                + " AND employee_id <> ?").params(closing, notYet, people.get(1).employeeId()).update();
        jdbc.sql("UPDATE training_assessee SET status = 'PASSED', passed_at = now() WHERE assessment_id = ?"
                + " AND employee_id = ?").params(closing, people.get(0).employeeId()).update();

        assertThat(onTwoNodes(assessmentReminders::remind)).isGreaterThanOrEqualTo(2);
        onTwoNodes(assessmentReminders::remind);

        String reminder = "考核即将截止：" + title;
        for (Viewer v : people.subList(2, 4)) {
            Awaitility.await().atMost(WAIT).until(() -> notices(v.employeeId(), reminder) >= 1);
        }
        Thread.sleep(500);
        for (Viewer v : people.subList(2, 4)) {
            assertThat(notices(v.employeeId(), reminder)).as("one reminder, not one per node").isEqualTo(1);
        }
        assertThat(notices(people.get(0).employeeId(), reminder)).as("passed already").isZero();
        assertThat(notices(people.get(1).employeeId(), reminder)).as("assigned a moment ago").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE title = ?").param("考核即将截止：" + later)
                .query(Long.class).single()).as("closes in twenty days").isZero();
        assertThat(jdbc.sql("SELECT body FROM notification WHERE employee_id = ? AND title = ?")
                .params(people.get(2).employeeId(), reminder).query(String.class).single())
                .isEqualTo("考核「" + title + "」将于 " + ends + " 截止，你还没有通过，请抓紧参加。");
        assertThat(jdbc.sql("SELECT link FROM notification WHERE employee_id = ? AND title = ?")
                .params(people.get(2).employeeId(), reminder).query(String.class).single())
                .isEqualTo("/training/assessments/" + closing);
    }
}
