package org.tongxin.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
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
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.training.internal.AssessmentService;
import org.tongxin.training.internal.Assessments;
import org.tongxin.training.internal.Attempts;
import org.tongxin.training.internal.Certificates;
import org.tongxin.training.internal.CourseService;
import org.tongxin.training.internal.Courses;
import org.tongxin.training.internal.ExamService;
import org.tongxin.training.internal.Exams;
import org.tongxin.training.internal.Grading;
import org.tongxin.training.internal.Questions;
import org.tongxin.training.internal.TrainingAdmin;

/** Attempts with the deadline on the server, grading once, attempt rules, and the retraining loop. */
class TrainingTests extends IntegrationTestSupport {

    @Autowired
    TrainingAdmin admin;
    @Autowired
    ExamService examService;
    @Autowired
    AssessmentService assessmentService;
    @Autowired
    CourseService courseService;
    @Autowired
    Courses courses;
    @Autowired
    Assessments assessments;
    @Autowired
    Certificates certificates;

    Fixtures.UnitWithDepartment unit;
    Viewer officer;
    Viewer otherOfficer;
    List<Viewer> people = new ArrayList<>();
    String skill;

    @BeforeEach
    void aUnitWithPeopleAndABank() {
        unit = fixtures.grassroots("培训测试工会");
        Fixtures.UnitWithDepartment other = fixtures.grassroots("培训旁站工会");
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "training.csv", rows);
        people.clear();
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            people.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        otherOfficer = Fixtures.officer(fixtures.adminAccountId(), other.unit().id());
        skill = "网络安全" + System.nanoTime() % 100000;
        for (int i = 0; i < 4; i++) {
            admin.addQuestion(officer, new Questions.Draft("SINGLE", "单选题 " + i, List.of("甲", "乙", "丙", "丁"),
                    new int[]{i % 4}, List.of(), skill, 2, "因为 " + i));
        }
        for (int i = 0; i < 2; i++) {
            admin.addQuestion(officer, new Questions.Draft("MULTIPLE", "多选题 " + i, List.of("甲", "乙", "丙"),
                    new int[]{0, 2}, List.of(), skill, 3, ""));
        }
        admin.addQuestion(officer, new Questions.Draft("TRUE_FALSE", "判断题", List.of(), new int[]{1}, List.of(),
                skill, 1, ""));
        admin.addQuestion(officer, new Questions.Draft("FILL", "职工服务热线是多少？", List.of(), new int[0],
                List.of("12351"), skill, 1, ""));
    }

    private long exam(Integer attempts, int gapMinutes) {
        long id = admin.createExam(officer, new Exams.Draft("网络能力测验", unit.unit().id(), 30, 60, attempts, gapMinutes,
                true, true, "AFTER_SUBMIT", Grading.MultipleScoring.HALF_FOR_SUBSET, null, null), List.of(
                new Exams.Part(1, "SINGLE", skill, null, null, 3, new BigDecimal("10")),
                new Exams.Part(2, "MULTIPLE", skill, null, null, 2, new BigDecimal("10")),
                new Exams.Part(3, "TRUE_FALSE", skill, null, null, 1, new BigDecimal("10")),
                new Exams.Part(4, "FILL", skill, null, null, 1, new BigDecimal("10"))));
        admin.publishExam(officer, id);
        return id;
    }

    /** Answers every item: right, or wrong on purpose. */
    private void answerAll(Viewer v, long attemptId, boolean right) {
        for (Attempts.Item item : examService.view(v, attemptId).items()) {
            switch (item.type()) {
                case "FILL" -> examService.answer(v, attemptId, item.position(), null, right ? "１２３５１" : "110");
                case "MULTIPLE" -> examService.answer(v, attemptId, item.position(), right ? item.correct() : new int[]{1},
                        null);
                case "TRUE_FALSE" -> examService.answer(v, attemptId, item.position(),
                        new int[]{right ? item.correct()[0] : 1 - item.correct()[0]}, null);
                default -> examService.answer(v, attemptId, item.position(),
                        new int[]{right ? item.correct()[0] : (item.correct()[0] + 1) % 4}, null);
            }
        }
    }

    @Test
    void anAttemptKeepsItsDeadlineOnTheServerResumesAndIsGradedOnSubmit() {
        long examId = exam(null, 0);
        Viewer p = people.get(0);
        long attempt = examService.start(p, examId, null);
        assertThat(examService.start(p, examId, null)).isEqualTo(attempt);
        ExamService.AttemptView view = examService.view(p, attempt);
        assertThat(view.items()).hasSize(7);
        assertThat(Duration.between(view.attempt().startedAt(), view.attempt().deadlineAt())).isEqualTo(Duration.ofMinutes(30));
        assertThat(view.secondsLeft()).isBetween(1700L, 1800L);

        answerAll(p, attempt, true);
        assertThat(examService.view(p, attempt).answered()).isEqualTo(7);
        assertThatThrownBy(() -> examService.view(people.get(1), attempt)).isInstanceOf(NotFoundException.class);
        int single = examService.view(p, attempt).items().stream().filter(i -> i.type().equals("SINGLE")).findFirst()
                .orElseThrow().position();
        assertThatThrownBy(() -> examService.answer(p, attempt, single, new int[]{9}, null)).isInstanceOf(Refusal.class)
                .hasMessage("training.error.badAnswer");

        Attempts.Attempt graded = examService.submit(p, attempt);
        assertThat(graded.percent()).isEqualByComparingTo("100");
        assertThat(graded.passed()).isTrue();
        assertThat(graded.endedBy()).isEqualTo("SUBMITTED");
        assertThatThrownBy(() -> examService.answer(p, attempt, 1, new int[]{0}, null)).isInstanceOf(Refusal.class)
                .hasMessage("training.error.timeUp");
        // A later edit of the bank does not change the attempt.
        Attempts.Item first = examService.view(p, attempt).items().getFirst();
        admin.updateQuestion(officer, first.questionId(), new Questions.Draft("FILL", "改过的题", List.of(), new int[0],
                List.of("改"), skill, 1, ""));
        assertThat(examService.view(p, attempt).items().getFirst().stem()).isEqualTo(first.stem());
    }

    @Test
    void timeRunningOutGradesTheSavedAnswersOnceEvenWhenASubmitArrivesAtTheSameMoment() throws Exception {
        long examId = exam(null, 0);
        List<Long> ids = new ArrayList<>();
        for (Viewer p : people) {
            long a = examService.start(p, examId, null);
            answerAll(p, a, true);
            ids.add(a);
        }
        jdbc.sql("UPDATE training_attempt SET started_at = now() - interval '40 minutes', deadline_at = now() - interval '1 minute'"
                + " WHERE exam_id = ?").param(examId).update();
        assertThatThrownBy(() -> examService.answer(people.get(0), ids.get(0), 1, new int[]{0}, null))
                .isInstanceOf(Refusal.class).hasMessage("training.error.timeUp");

        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> jobs = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Viewer p = people.get(i);
            long a = ids.get(i);
            jobs.add(pool.submit(() -> {
                go.await();
                return examService.submit(p, a);
            }));
        }
        jobs.add(pool.submit(() -> {
            go.await();
            return examService.gradePastDeadline(100);
        }));
        go.countDown();
        for (Future<?> f : jobs) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(jdbc.sql("SELECT count(*) FROM training_attempt WHERE exam_id = ? AND status = 'GRADED' AND ended_by = 'DEADLINE'"
                + " AND percent = 100").param(examId).query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM training_attempt_item i JOIN training_attempt a ON a.id = i.attempt_id"
                + " WHERE a.exam_id = ? AND i.scored IS NULL").param(examId).query(Long.class).single()).isZero();
    }

    @Test
    void attemptsAllowedAndTheGapBetweenAttemptsAreKept() {
        long examId = exam(2, 60);
        Viewer p = people.get(0);
        long first = examService.start(p, examId, null);
        examService.submit(p, first);
        assertThatThrownBy(() -> examService.start(p, examId, null)).isInstanceOf(Refusal.class)
                .hasMessage("training.error.tooSoon");
        jdbc.sql("UPDATE training_attempt SET started_at = started_at - interval '2 hours', submitted_at = submitted_at - interval '2 hours',"
                + " deadline_at = deadline_at - interval '2 hours' WHERE id = ?").param(first).update();
        long second = examService.start(p, examId, null);
        assertThat(second).isNotEqualTo(first);
        examService.submit(p, second);
        jdbc.sql("UPDATE training_attempt SET submitted_at = submitted_at - interval '2 hours' WHERE id = ?").param(second).update();
        assertThatThrownBy(() -> examService.start(p, examId, null)).isInstanceOf(Refusal.class)
                .hasMessage("training.error.noAttemptsLeft");
        assertThatThrownBy(() -> examService.start(Fixtures.employee(1, 999_999_999L), examId, null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anExamNeedsEnoughQuestionsInTheBankAndAnotherUnitsOfficerCannotTouchIt() {
        long id = admin.createExam(officer, new Exams.Draft("过大的考试", unit.unit().id(), 30, 60, null, 0, true, true,
                "NONE", Grading.MultipleScoring.ALL_OR_NOTHING, null, null),
                List.of(new Exams.Part(1, "SINGLE", skill, null, null, 5, BigDecimal.ONE)));
        assertThatThrownBy(() -> admin.publishExam(officer, id)).isInstanceOf(Refusal.class)
                .hasMessage("training.error.bankTooSmall");
        assertThatThrownBy(() -> admin.publishExam(otherOfficer, id)).isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> admin.addQuestion(officer, new Questions.Draft("SINGLE", "两个答案", List.of("甲", "乙"),
                new int[]{0, 1}, List.of(), skill, 2, ""))).isInstanceOf(Refusal.class).hasMessage("training.error.badCorrect");
        assertThatThrownBy(() -> admin.addQuestion(officer, new Questions.Draft("FILL", "空", List.of(), new int[0],
                List.of(" "), skill, 2, ""))).isInstanceOf(Refusal.class).hasMessage("training.error.badAccepted");
    }

    @Test
    void whoeverFailsIsRetrainedAndMayTryAgainOnlyAfterCompletingTheCourseUntilTheyPass() {
        long examId = exam(null, 0);
        long course = admin.createCourse(officer, new Courses.Draft("互联网+补训", "补训课程", "OFFICERS", unit.unit().id(),
                unit.unit().id(), 24));
        long l1 = admin.addLesson(officer, course, "网络安全基础", "TEXT", "第一课的正文", null, null, null);
        long l2 = admin.addLesson(officer, course, "新媒体运营", "TEXT", "第二课的正文", null, null, null);
        admin.publishCourse(officer, course);
        long assessment = assessmentService.create(officer, new Assessments.Draft("互联网+工会工作能力考核", examId, course,
                unit.unit().id(), 80, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30), 12));
        Viewer p = people.get(0);
        assertThat(assessmentService.assign(officer, assessment, AssessmentService.Group.LIST, null,
                List.of(p.employeeId(), people.get(1).employeeId()))).isEqualTo(2);
        assertThatThrownBy(() -> assessmentService.assign(otherOfficer, assessment, AssessmentService.Group.LIST, null,
                List.of(p.employeeId()))).isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> assessmentService.board(otherOfficer, assessment, null))
                .isInstanceOf(OutOfScopeException.class);

        // Round 1: fails, is enrolled in retraining and told; may not try again yet.
        long a1 = examService.start(p, examId, assessment);
        answerAll(p, a1, false);
        assertThat(examService.submit(p, a1).passed()).isFalse();
        Assessments.Assessee s = assessments.assessee(assessment, p.employeeId()).orElseThrow();
        assertThat(s.status()).isEqualTo(Assessments.Standing.RETRAINING);
        assertThat(s.rounds()).isEqualTo(1);
        assertThat(courses.openEnrolment(course, p.employeeId()).orElseThrow().source()).isEqualTo("RETRAINING");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND title LIKE '需参加补训%'")
                .param(p.employeeId()).query(Long.class).single() == 1);
        assertThatThrownBy(() -> examService.start(p, examId, assessment)).isInstanceOf(Refusal.class)
                .hasMessage("training.error.retrainFirst");

        // Completing the course (both lessons) opens round 2; failing again starts round 2 of retraining.
        assertThat(courseService.recordProgress(p, course, l1, 0, 0, true)).isFalse();
        assertThat(courseService.recordProgress(p, course, l2, 0, 0, true)).isTrue();
        assertThat(assessments.assessee(assessment, p.employeeId()).orElseThrow().status())
                .isEqualTo(Assessments.Standing.MAY_RETRY);
        long a2 = examService.start(p, examId, assessment);
        answerAll(p, a2, false);
        examService.submit(p, a2);
        assertThat(assessments.assessee(assessment, p.employeeId()).orElseThrow().rounds()).isEqualTo(2);
        courseService.recordProgress(p, course, l1, 0, 0, true);
        courseService.recordProgress(p, course, l2, 0, 0, true);

        // Round 3: passes; the certificate is issued and checks valid by its code.
        long a3 = examService.start(p, examId, assessment);
        answerAll(p, a3, true);
        assertThat(examService.submit(p, a3).passed()).isTrue();
        Assessments.Assessee done = assessments.assessee(assessment, p.employeeId()).orElseThrow();
        assertThat(done.status()).isEqualTo(Assessments.Standing.PASSED);
        assertThat(done.rounds()).isEqualTo(2);
        Certificates.Certificate cert = certificates.of(p.employeeId()).stream()
                .filter(c -> c.assessmentId() != null && c.assessmentId() == assessment).findFirst().orElseThrow();
        assertThat(certificates.byCode(cert.code().toLowerCase()).orElseThrow().validOn(LocalDate.now())).isTrue();
        assertThat(cert.validUntil()).isEqualTo(LocalDate.now().plusMonths(12));
        // The retraining course's own certificate was issued once, not once per round.
        assertThat(certificates.of(p.employeeId()).stream().filter(c -> c.courseId() != null && c.courseId() == course))
                .hasSize(1);
        assertThatThrownBy(() -> examService.start(p, examId, assessment)).isInstanceOf(Refusal.class)
                .hasMessage("training.error.alreadyPassed");

        assertThat(assessmentService.board(officer, assessment, null)).extracting(r -> r.assessee().status())
                .containsExactlyInAnyOrder(Assessments.Standing.PASSED, Assessments.Standing.ASSIGNED);
    }

    @Test
    void aVideoLessonCompletesOnlyWhenMostOfItWasReallyWatched() {
        long course = admin.createCourse(officer, new Courses.Draft("视频课", "", "EMPLOYEES", unit.unit().id(),
                unit.unit().id(), null));
        long video = admin.addLesson(officer, course, "安全操作演示", "VIDEO", "", "videos/x.mp4", null, 100);
        admin.publishCourse(officer, course);
        Viewer p = people.get(2);
        courseService.enrolSelf(p, course);
        assertThatThrownBy(() -> courseService.enrolSelf(otherOfficer, course)).isInstanceOf(NotFoundException.class);
        // Jumping to the end with one big report counts as 30 seconds watched, not 100.
        assertThat(courseService.recordProgress(p, course, video, 100, 100, true)).isFalse();
        assertThat(courseService.recordProgress(p, course, video, 40, 30, false)).isFalse();
        assertThat(courseService.recordProgress(p, course, video, 65, 25, false)).isFalse();
        assertThat(courseService.recordProgress(p, course, video, 70, 5, false)).isTrue();
        assertThat(courses.latestEnrolment(course, p.employeeId()).orElseThrow().completedAt()).isNotNull();
    }
}
