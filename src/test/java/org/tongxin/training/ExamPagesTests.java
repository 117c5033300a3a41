package org.tongxin.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.training.internal.Attempts;
import org.tongxin.training.internal.ExamService;
import org.tongxin.training.internal.Exams;
import org.tongxin.training.internal.Questions;
import org.tongxin.training.internal.TrainingAdmin;

/** The officers' exam pages: the form with rules and fixed questions, the bank-too-small refusal, publishing, results. */
class ExamPagesTests extends IntegrationTestSupport {

    @Autowired
    TrainingAdmin admin;
    @Autowired
    Exams exams;
    @Autowired
    ExamService examService;

    Fixtures.UnitWithDepartment unit;
    Viewer officer;
    Viewer otherOfficer;
    List<Viewer> people = new ArrayList<>();
    List<String> names = new ArrayList<>();
    String skill;
    long fixedQuestion;

    @BeforeEach
    void aUnitWithPeopleAndABank() {
        unit = fixtures.grassroots("考试页测试工会");
        Fixtures.UnitWithDepartment other = fixtures.grassroots("考试页旁站工会");
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(unit.departmentCode()), Fixtures.row(unit.departmentCode()));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "exam-pages.csv", rows);
        people.clear();
        names.clear();
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            people.add(Fixtures.employee(fixtures.accountId(id), id));
            names.add(r.name());
        }
        officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        otherOfficer = Fixtures.officer(fixtures.adminAccountId(), other.unit().id());
        skill = "考试页技能" + System.nanoTime() % 1_000_000;
        for (int i = 0; i < 4; i++) {
            admin.addQuestion(officer, new Questions.Draft("SINGLE", "单选 " + i, List.of("甲", "乙", "丙"), new int[]{0},
                    List.of(), skill, 2, ""));
        }
        for (int i = 0; i < 2; i++) {
            admin.addQuestion(officer, new Questions.Draft("MULTIPLE", "多选 " + i, List.of("甲", "乙", "丙"),
                    new int[]{0, 1}, List.of(), skill, 3, ""));
        }
        fixedQuestion = admin.addQuestion(officer, new Questions.Draft("FILL", "固定的填空题", List.of(), new int[0],
                List.of("12351"), skill + "固定", 1, ""));
    }

    private String page(String url, Viewer viewer) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).with(as(viewer))).andReturn().getResponse();
        assertThat(r.getStatus()).as("GET %s", url).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private long examId(MvcResult created) {
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/training-admin/exams/\\d+");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void anExamIsWrittenWithRulesAndFixedQuestionsAndPublishedOnlyWhenTheBankHoldsEnough() throws Exception {
        assertThat(page("/training-admin/exams/new", officer)).contains("id=\"exam-form\"").contains(unit.unit().name())
                .contains("少选得一半，错选不得分").contains("只选了部分正确选项");
        // Two rules and a blank row: 3 single of the skill; 5 multiple of difficulty 3, of which the bank holds 2.
        MvcResult created = mvc.perform(post("/training-admin/exams").with(csrf()).with(as(officer))
                .param("title", "网络安全月考").param("ownerUnitId", Long.toString(unit.unit().id()))
                .param("timeLimitMin", "20").param("passPercent", "70").param("attemptsAllowed", "2")
                .param("minGapMinutes", "30").param("shuffleQuestions", "true").param("review", "NONE")
                .param("multipleScoring", "ALL_OR_NOTHING").param("closesAt", "2030-06-30T18:00")
                .param("partType", "SINGLE", "MULTIPLE", "SINGLE").param("partSkill", skill, skill, "")
                .param("partDifficulty", "", "3", "").param("partCount", "3", "5", "")
                .param("partPoints", "10", "5", "").param("partQuestionId", "", "", "")).andReturn();
        long id = examId(created);
        Exams.Exam exam = exams.find(id).orElseThrow();
        assertThat(exam.status()).isEqualTo("DRAFT");
        assertThat(exam.shuffleQuestions()).isTrue();
        assertThat(exam.shuffleOptions()).isFalse();
        assertThat(exam.attemptsAllowed()).isEqualTo(2);
        assertThat(exam.closesAt().toLocalDate()).hasToString("2030-06-30");
        assertThat(exams.parts(id)).extracting(p -> p.type() + " " + p.skill() + " " + p.difficulty() + " " + p.count()
                + " " + p.points().stripTrailingZeros().toPlainString())
                .containsExactly("SINGLE " + skill + " null 3 10", "MULTIPLE " + skill + " 3 5 5");

        String form = page("/training-admin/exams/" + id, officer);
        assertThat(form).contains("id=\"bank-short\"").contains("共 8 道题，满分 55 分");
        assertThat(form.substring(form.indexOf("id=\"p-stock-0\""), form.indexOf("id=\"p-stock-0\"") + 80))
                .contains("题库有 4 道，够用");
        assertThat(form.substring(form.indexOf("id=\"p-stock-1\""), form.indexOf("id=\"p-stock-1\"") + 80))
                .contains("题库只有 2 道，不够");

        MvcResult refused = mvc.perform(post("/training-admin/exams/" + id + "/publish").with(csrf()).with(as(officer)))
                .andReturn();
        assertThat(refused.getFlashMap().get("flashError")).isEqualTo("training.error.bankTooSmall");
        assertThat(exams.find(id).orElseThrow().status()).isEqualTo("DRAFT");

        // The multiple-choice rule goes (its row ticked for removal), the fixed fill-in is picked from the bank.
        mvc.perform(post("/training-admin/exams/" + id).with(csrf()).with(as(officer))
                .param("title", "网络安全月考").param("timeLimitMin", "20").param("passPercent", "70")
                .param("attemptsAllowed", "2").param("minGapMinutes", "30").param("shuffleQuestions", "true")
                .param("review", "NONE").param("multipleScoring", "ALL_OR_NOTHING")
                .param("partType", "SINGLE", "MULTIPLE", "SINGLE").param("partSkill", skill, skill, "")
                .param("partDifficulty", "", "3", "").param("partCount", "3", "5", "")
                .param("partPoints", "10", "5", "").param("partQuestionId", "", "", "").param("partRemove", "1"));
        assertThat(exams.parts(id)).hasSize(1);
        String picker = page("/training-admin/exams/" + id + "?pickSkill=" + skill + "固定", officer);
        assertThat(picker).contains("id=\"pick-" + fixedQuestion + "\"").doesNotContain("单选 0");
        mvc.perform(post("/training-admin/exams/" + id + "/questions").with(csrf()).with(as(officer))
                .param("questionIds", Long.toString(fixedQuestion)).param("points", "4"));
        assertThat(exams.parts(id)).extracting(p -> p.type() + " " + p.questionId() + " " + p.count())
                .containsExactly("SINGLE null 3", "FILL " + fixedQuestion + " 1");
        assertThat(page("/training-admin/exams/" + id, officer)).contains("固定题：固定的填空题")
                .doesNotContain("id=\"pick-" + fixedQuestion + "\"").doesNotContain("id=\"bank-short\"");

        MvcResult published = mvc.perform(post("/training-admin/exams/" + id + "/publish").with(csrf()).with(as(officer)))
                .andReturn();
        assertThat(published.getFlashMap().get("flash")).isEqualTo("training.exam.published");
        assertThat(exams.find(id).orElseThrow().status()).isEqualTo("PUBLISHED");
        assertThat(jdbc.sql("SELECT string_agg(action, ',' ORDER BY id) FROM audit_event WHERE target_type = 'training_exam'"
                        + " AND target_id = ?").param(Long.toString(id)).query(String.class).single())
                .isEqualTo("training.exam.create,training.exam.update,training.exam.update,training.exam.publish");

        // Published: the questions stay as they are, the settings may change.
        mvc.perform(post("/training-admin/exams/" + id).with(csrf()).with(as(officer))
                .param("title", "网络安全月考（补考）").param("timeLimitMin", "25").param("passPercent", "60")
                .param("minGapMinutes", "0").param("review", "AFTER_SUBMIT").param("multipleScoring", "ALL_OR_NOTHING")
                .param("partType", "MULTIPLE").param("partCount", "1").param("partPoints", "1"));
        assertThat(exams.find(id).orElseThrow().title()).isEqualTo("网络安全月考（补考）");
        assertThat(exams.find(id).orElseThrow().attemptsAllowed()).isNull();
        assertThat(exams.parts(id)).hasSize(2);
        assertThat(page("/training-admin/exams/" + id, officer)).contains("考试已发布，试题组成不能再修改")
                .doesNotContain("id=\"picker\"").doesNotContain("id=\"exam-publish\"");

        // A refused new exam keeps the rules typed.
        String again = mvc.perform(post("/training-admin/exams").with(csrf()).with(as(officer))
                        .param("title", "").param("ownerUnitId", Long.toString(unit.unit().id()))
                        .param("timeLimitMin", "20").param("passPercent", "70").param("review", "NONE")
                        .param("multipleScoring", "ALL_OR_NOTHING").param("partType", "FILL", "SINGLE")
                        .param("partSkill", "新媒体", "").param("partDifficulty", "", "").param("partCount", "7", "")
                        .param("partPoints", "3", "").param("partQuestionId", "", ""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("id=\"flash-error\"").contains("value=\"新媒体\"").contains("value=\"7\"");
    }

    @Test
    void theResultsAndTheExamAreForItsOwnUnitsOfficersOnly() throws Exception {
        long id = admin.createExam(officer, new Exams.Draft("结果测验", unit.unit().id(), 30, 50, null, 0, false, false,
                "AFTER_SUBMIT", org.tongxin.training.internal.Grading.MultipleScoring.ALL_OR_NOTHING, null, null),
                List.of(new Exams.Part(1, "SINGLE", skill, null, null, 2, BigDecimal.TEN)));
        admin.publishExam(officer, id);
        // The first person gets both right, the second one of two; the second is still taking a second attempt.
        for (int p = 0; p < 2; p++) {
            Viewer v = people.get(p);
            long attempt = examService.start(v, id, null);
            for (Attempts.Item item : examService.view(v, attempt).items()) {
                int right = item.correct()[0];
                examService.answer(v, attempt, item.position(), new int[]{p == 1 && item.position() == 2 ? 1 : right},
                        null);
            }
            examService.submit(v, attempt);
        }
        examService.start(people.get(1), id, null);

        String results = page("/training-admin/exams/" + id + "/results", officer);
        assertThat(results).contains(names.get(0)).contains(names.get(1));
        assertThat(text(results, "results-people")).isEqualTo("2");
        assertThat(text(results, "results-attempts")).isEqualTo("3");
        assertThat(text(results, "results-pass-rate")).isEqualTo("100.0%");
        assertThat(results).contains("作答中");

        for (String url : List.of("/training-admin/exams/" + id, "/training-admin/exams/" + id + "/results")) {
            assertThat(mvc.perform(get(url).with(as(otherOfficer))).andReturn().getResponse().getStatus())
                    .as(url).isEqualTo(404);
            assertThat(mvc.perform(get(url).with(as(people.get(0)))).andReturn().getResponse().getStatus())
                    .as(url).isEqualTo(403);
        }
        assertThat(page("/training-admin/exams", otherOfficer)).doesNotContain("结果测验");
        assertThat(page("/training-admin/exams", officer)).contains("结果测验");
    }

    private static String text(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isPositive();
        return html.substring(html.indexOf('>', at) + 1, html.indexOf('<', at)).strip();
    }
}
