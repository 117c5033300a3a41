package org.tongxin.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.training.internal.Attempts;
import org.tongxin.training.internal.ExamService;
import org.tongxin.training.internal.Exams;
import org.tongxin.training.internal.Grading;
import org.tongxin.training.internal.Questions;
import org.tongxin.training.internal.TrainingAdmin;

/** Taking an exam through its pages: start, answer each type, reload, submit, the result with or without review. */
class AttemptPagesTests extends IntegrationTestSupport {

    private static final Pattern SECONDS_LEFT = Pattern.compile("data-seconds-left=\"(\\d+)\"");

    @Autowired
    TrainingAdmin admin;
    @Autowired
    Attempts attempts;
    @Autowired
    ExamService examService;
    @Autowired
    PlatformTransactionManager transactions;

    Viewer officer;
    List<Viewer> people = new ArrayList<>();
    Viewer outsider;
    String skill;
    long unitId;

    @BeforeEach
    void aUnitWithPeopleAndABankOfEachType() {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("答题测试工会");
        Fixtures.UnitWithDepartment other = fixtures.grassroots("答题旁站工会");
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(unit.departmentCode()), Fixtures.row(unit.departmentCode()),
                Fixtures.row(other.departmentCode()));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "attempts.csv", rows);
        people.clear();
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            people.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        outsider = people.remove(2);
        officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        skill = "答题技能" + System.nanoTime() % 1_000_000;
        admin.addQuestion(officer, new Questions.Draft("SINGLE", "单选：热线是？", List.of("12351", "12345", "12315", "110"),
                new int[]{0}, List.of(), skill, 1, "解析甲：全总热线"));
        admin.addQuestion(officer, new Questions.Draft("MULTIPLE", "多选：防诈做法？", List.of("不点链接", "核实身份", "给验证码"),
                new int[]{0, 1}, List.of(), skill, 2, "解析乙：验证码不外传"));
        admin.addQuestion(officer, new Questions.Draft("TRUE_FALSE", "判断：可以手机入会。", List.of(), new int[]{0},
                List.of(), skill, 1, "解析丙：可以"));
        admin.addQuestion(officer, new Questions.Draft("FILL", "填空：热线号码", List.of(), new int[0], List.of("12351"),
                skill, 1, "解析丁：12351"));
        unitId = unit.unit().id();
    }

    private long exam(String review) {
        long id = admin.createExam(officer, new Exams.Draft("手机答题测验", unitId, 30, 60, null, 0, true, true, review,
                Grading.MultipleScoring.HALF_FOR_SUBSET, null, null), List.of(
                new Exams.Part(1, "SINGLE", skill, null, null, 1, BigDecimal.TEN),
                new Exams.Part(2, "MULTIPLE", skill, null, null, 1, BigDecimal.TEN),
                new Exams.Part(3, "TRUE_FALSE", skill, null, null, 1, BigDecimal.TEN),
                new Exams.Part(4, "FILL", skill, null, null, 1, BigDecimal.TEN)));
        admin.publishExam(officer, id);
        return id;
    }

    private String page(String url, Viewer viewer) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).with(as(viewer))).andReturn().getResponse();
        assertThat(r.getStatus()).as("GET %s", url).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private long start(long examId, Viewer viewer) throws Exception {
        String location = mvc.perform(post("/training/exams/" + examId + "/start").with(csrf()).with(as(viewer)))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/training/attempts/\\d+");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private MockHttpServletRequestBuilder answer(long attempt, int position, Viewer viewer, String... values) {
        return post("/training/attempts/" + attempt + "/answers/" + position).with(csrf()).with(as(viewer))
                .accept(MediaType.APPLICATION_JSON).param("q-" + position, values);
    }

    private Attempts.Item item(long attempt, String type) {
        return attempts.items(attempt).stream().filter(i -> i.type().equals(type)).findFirst().orElseThrow();
    }

    private static long secondsLeft(String html) {
        Matcher m = SECONDS_LEFT.matcher(html);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void eachAnswerIsSavedAsGivenSurvivesAReloadAndTheResultShowsTheReview() throws Exception {
        long examId = exam("AFTER_SUBMIT");
        Viewer p = people.get(0);
        assertThat(page("/training/exams", p)).contains("/training/exams/" + examId + "\"");
        assertThat(page("/training/exams/" + examId, p)).contains("id=\"start\"").contains("开始考试")
                .contains("共 4 道题，满分 40 分").contains("关闭页面或断网计时也不会停止");
        long attempt = start(examId, p);
        assertThat(page("/training/exams/" + examId, p)).contains("继续答题");
        assertThat(start(examId, p)).isEqualTo(attempt);

        String taking = page("/training/attempts/" + attempt, p);
        assertThat(taking).contains("id=\"attempt-form\"").contains("id=\"submit\"").contains("name=\"carries\"")
                .contains("name=\"q-1\"").contains("name=\"q-4\"").contains("id=\"countdown\"").contains("/js/attempt-")
                .doesNotContain("id=\"result\"").doesNotContain("解析甲").doesNotContain("解析乙").doesNotContain("解析丁");
        long before = secondsLeft(taking);
        assertThat(before).isBetween(1790L, 1800L);
        // Choices are shown in the attempt's own order, posting the bank's numbers.
        Attempts.Item single = item(attempt, "SINGLE");
        int at = taking.indexOf("id=\"question-" + single.position() + "\"");
        String shown = taking.substring(at, taking.indexOf("</fieldset>", at));
        List<String> values = new ArrayList<>();
        Matcher v = Pattern.compile("name=\"q-" + single.position() + "\" id=\"q-\\d+-[A-H]\" value=\"(\\d)\"").matcher(shown);
        while (v.find()) {
            values.add(v.group(1));
        }
        assertThat(values).containsExactly(java.util.Arrays.stream(single.optionOrder()).mapToObj(Integer::toString)
                .toArray(String[]::new));

        Attempts.Item multiple = item(attempt, "MULTIPLE");
        Attempts.Item truth = item(attempt, "TRUE_FALSE");
        Attempts.Item fill = item(attempt, "FILL");
        for (MockHttpServletRequestBuilder given : List.of(answer(attempt, single.position(), p, "0"),
                answer(attempt, multiple.position(), p, "1"), answer(attempt, truth.position(), p, "0"),
                answer(attempt, fill.position(), p, " １２３５１ "))) {
            MockHttpServletResponse r = mvc.perform(given).andReturn().getResponse();
            assertThat(r.getStatus()).isEqualTo(200);
            assertThat(r.getContentAsString()).contains("\"saved\":true");
        }
        MockHttpServletResponse notAChoice = mvc.perform(answer(attempt, single.position(), p, "7")).andReturn().getResponse();
        assertThat(notAChoice.getStatus()).isEqualTo(409);
        assertThat(notAChoice.getContentAsString(StandardCharsets.UTF_8)).contains("training.error.badAnswer")
                .contains("这个答案无效");
        assertThat(mvc.perform(answer(attempt, truth.position(), p)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("training.error.noChoice");
        // Without the script the question's own save button posts the form and comes back to the question.
        MockHttpServletResponse plain = mvc.perform(post("/training/attempts/" + attempt + "/answers/" + multiple.position())
                .with(csrf()).with(as(p)).param("q-" + multiple.position(), "0", "1").param("q-" + single.position(), "3"))
                .andReturn().getResponse();
        assertThat(plain.getRedirectedUrl()).isEqualTo("/training/attempts/" + attempt + "#question-" + multiple.position());
        assertThat(item(attempt, "MULTIPLE").chosen()).containsExactly(0, 1);
        assertThat(item(attempt, "SINGLE").chosen()).containsExactly(0);
        mvc.perform(answer(attempt, multiple.position(), p, "1"));

        OffsetDateTime deadline = attempts.find(attempt).orElseThrow().deadlineAt();
        String reloaded = page("/training/attempts/" + attempt, p);
        assertThat(secondsLeft(reloaded)).isBetween(before - 60, before);
        assertThat(attempts.find(attempt).orElseThrow().deadlineAt()).isEqualTo(deadline);
        assertThat(reloaded).contains("已答 4/4").contains("value=\"１２３５１\"").doesNotContain("id=\"unanswered\"");
        for (Attempts.Item i : List.of(single, multiple, truth)) {
            String chosen = i.type().equals("MULTIPLE") ? "1" : "0";
            Matcher checked = Pattern.compile("name=\"q-" + i.position() + "\" id=\"q-\\d+-[A-H]\" value=\"" + chosen
                    + "\" checked=\"checked\"").matcher(reloaded);
            assertThat(checked.find()).as("question %d shows its saved answer", i.position()).isTrue();
        }
        assertThat(reloaded.split("\">✓ 已保存</span>", -1)).hasSize(5);

        MockHttpServletResponse submitted = mvc.perform(post("/training/attempts/" + attempt + "/submit").with(csrf())
                .with(as(p))).andReturn().getResponse();
        assertThat(submitted.getRedirectedUrl()).isEqualTo("/training/attempts/" + attempt + "#result");
        Attempts.Attempt graded = attempts.find(attempt).orElseThrow();
        // Single 10, multiple half (one of two right choices) 5, true/false 10, fill-in (full-width digits) 10.
        assertThat(graded.score()).isEqualByComparingTo("35");
        assertThat(graded.passed()).isTrue();
        mvc.perform(post("/training/attempts/" + attempt + "/submit").with(csrf()).with(as(p)));
        assertThat(attempts.find(attempt).orElseThrow().submittedAt()).isEqualTo(graded.submittedAt());
        assertThat(mvc.perform(answer(attempt, single.position(), p, "1")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("training.error.timeUp");

        String result = page("/training/attempts/" + attempt, p);
        assertThat(result).contains("id=\"result\"").contains("35 分（满分 40）").contains("通过").contains("id=\"review\"")
                .contains("解析甲：全总热线").contains("解析乙：验证码不外传").contains("部分正确").contains("正确答案：12351")
                .doesNotContain("id=\"attempt-form\"");
        String review = result.substring(result.indexOf("id=\"review-" + multiple.position() + "\""));
        char first = (char) ('A' + indexOf(multiple.optionOrder(), 0));
        char second = (char) ('A' + indexOf(multiple.optionOrder(), 1));
        String right = first < second ? "" + first + second : "" + second + first;
        assertThat(review).contains("正确答案：" + right).contains("你的答案：" + second);
    }

    private static int indexOf(int[] order, int bank) {
        for (int k = 0; k < order.length; k++) {
            if (order[k] == bank) {
                return k;
            }
        }
        throw new AssertionError(bank);
    }

    @Test
    void aPageWithoutScriptHandsInEveryAnswerWithTheSubmitAndAnExamWithoutReviewShowsOnlyTheScore() throws Exception {
        long examId = exam("NONE");
        Viewer p = people.get(1);
        long attempt = start(examId, p);
        mvc.perform(answer(attempt, item(attempt, "SINGLE").position(), p, "2"));
        MockHttpServletRequestBuilder submit = post("/training/attempts/" + attempt + "/submit").with(csrf()).with(as(p))
                .param("carries", "1");
        for (Attempts.Item i : attempts.items(attempt)) {
            String name = "q-" + i.position();
            switch (i.type()) {
                case "MULTIPLE" -> submit.param(name, "0", "1");
                case "FILL" -> submit.param(name, "12351");
                default -> submit.param(name, "0");
            }
        }
        mvc.perform(submit);
        Attempts.Attempt graded = attempts.find(attempt).orElseThrow();
        assertThat(graded.score()).isEqualByComparingTo("40");
        assertThat(graded.endedBy()).isEqualTo("SUBMITTED");
        String result = page("/training/attempts/" + attempt, p);
        assertThat(result).contains("id=\"result\"").contains("40 分（满分 40）").contains("id=\"no-review\"")
                .doesNotContain("解析甲").doesNotContain("单选：热线是").doesNotContain("正确答案");
    }

    @Test
    void nobodySeesOrAnswersAnotherPersonsAttemptNorAnExamOutsideTheirUnit() throws Exception {
        long examId = exam("AFTER_SUBMIT");
        Viewer owner = people.get(0);
        long attempt = start(examId, owner);
        Viewer other = people.get(1);
        assertThat(mvc.perform(get("/training/attempts/" + attempt).with(as(other))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(answer(attempt, 1, other, "0")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/training/attempts/" + attempt + "/submit").with(csrf()).with(as(other)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(attempts.find(attempt).orElseThrow().inProgress()).isTrue();
        assertThat(attempts.items(attempt)).allMatch(i -> i.answeredAt() == null);

        assertThat(mvc.perform(get("/training/exams/" + examId).with(as(outsider))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/training/exams/" + examId + "/start").with(csrf()).with(as(outsider)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(page("/training/exams", outsider)).doesNotContain("/training/exams/" + examId + "\"");
        assertThat(mvc.perform(get("/training/attempts/" + attempt).with(as(officer))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void anAnswerBeingSavedWhenTheAttemptIsHandedInIsCountedInTheGrade() throws Exception {
        long examId = exam("NONE");
        Viewer p = people.get(0);
        long attempt = start(examId, p);
        Attempts.Item single = item(attempt, "SINGLE");
        CountDownLatch saved = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The answer's transaction stays open a moment after the answer is written, as on a slow commit.
            Future<?> answering = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                examService.answer(p, attempt, single.position(), new int[]{0}, null);
                saved.countDown();
                try {
                    Thread.sleep(700);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(saved.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Attempts.Attempt> handedIn = pool.submit(() -> examService.submit(p, attempt));
            Thread.sleep(300);
            assertThat(handedIn.isDone()).as("grading waits for the answer being saved").isFalse();
            answering.get(10, TimeUnit.SECONDS);
            assertThat(handedIn.get(10, TimeUnit.SECONDS).score()).isEqualByComparingTo("10");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void whenTimeRunsOutWhileAwayTheAnswersSavedCountAndThePageShowsTheResult() throws Exception {
        long examId = exam("AFTER_SUBMIT");
        Viewer p = people.get(1);
        long attempt = start(examId, p);
        mvc.perform(answer(attempt, item(attempt, "TRUE_FALSE").position(), p, "0"));
        jdbc.sql("UPDATE training_attempt SET started_at = now() - interval '40 minutes', deadline_at = now() - interval '1 minute'"
                + " WHERE id = ?").param(attempt).update();
        MockHttpServletResponse late = mvc.perform(answer(attempt, item(attempt, "SINGLE").position(), p, "0"))
                .andReturn().getResponse();
        assertThat(late.getStatus()).isEqualTo(409);
        assertThat(late.getContentAsString(StandardCharsets.UTF_8)).contains("training.error.timeUp");

        String result = page("/training/attempts/" + attempt, p);
        assertThat(result).contains("id=\"result\"").contains("10 分（满分 40）").contains("未通过").contains("时间到");
        Attempts.Attempt graded = attempts.find(attempt).orElseThrow();
        assertThat(graded.endedBy()).isEqualTo("DEADLINE");
        assertThat(graded.submittedAt()).isEqualTo(graded.deadlineAt());
    }
}
