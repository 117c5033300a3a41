package org.tongxin.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.PageTestSupport;
import org.tongxin.voice.internal.Surveys;

/**
 * The survey pages: an officer writes a survey through the forms (every kind of question, moved, edited, removed)
 * and publishes it; employees answer on the survey's page without script — a required question left out is pointed
 * to with what was chosen kept, a second response refused; the officer reads the results with their bars and
 * exports them to a workbook, opened back here: named answers with the person, anonymous ones without anyone. An
 * officer of another unit gets 404 everywhere.
 */
class SurveyPagesTests extends PageTestSupport {

    @Autowired
    Surveys surveys;
    @Autowired
    MembershipSetup membership;
    @Autowired
    OrgDirectory org;

    Fixtures.UnitWithDepartment unit;
    Viewer officer;
    Viewer otherOfficer;
    List<Viewer> people = new ArrayList<>();

    @BeforeEach
    void aUnitWithPeople() {
        unit = fixtures.grassroots("问卷页面工会");
        Fixtures.UnitWithDepartment other = fixtures.grassroots("问卷页面旁站");
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "survey-pages.csv", rows);
        people.clear();
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            membership.enrol(id, unit.unit().id(), LocalDate.now().minusYears(1));
            people.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        officer = Fixtures.officerWithoutCare(fixtures.adminAccountId(), unit.unit().id());
        otherOfficer = Fixtures.officerWithoutCare(fixtures.adminAccountId(), other.unit().id());
    }

    private long create(boolean anonymous) throws Exception {
        MvcResult created = mvc.perform(post("/voice-admin/surveys").with(csrf()).with(as(officer))
                .param("unitId", Long.toString(unit.unit().id())).param("title", anonymous ? "食堂满意度调查" : "职工之家活动调查")
                .param("intro", "请大家如实填写。").param("audience", "EMPLOYEES")
                .param("opensOn", LocalDate.now().toString()).param("closesOn", LocalDate.now().plusDays(7).toString())
                .param("anonymous", Boolean.toString(anonymous))).andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/voice-admin/surveys/");
        return Long.parseLong(location.substring("/voice-admin/surveys/".length()));
    }

    private void addQuestions(long id) throws Exception {
        String base = "/voice-admin/surveys/" + id + "/questions";
        assertThat(outcome(post(base).param("kind", "SINGLE").param("prompt", "你在哪个班组？").param("required", "true")
                .param("options", "一班\n二班\r\n三班\n"), officer)).isEqualTo("flash:voice.survey.questionAdded");
        assertThat(outcome(post(base).param("kind", "MULTIPLE").param("prompt", "希望增加哪些活动？")
                .param("options", "羽毛球\n乒乓球\n读书会").param("maxChoices", "2"), officer))
                .isEqualTo("flash:voice.survey.questionAdded");
        assertThat(outcome(post(base).param("kind", "SCALE").param("prompt", "总体满意度").param("required", "true")
                .param("scaleMax", "10").param("lowLabel", "很不满意").param("highLabel", "非常满意"), officer))
                .isEqualTo("flash:voice.survey.questionAdded");
        assertThat(outcome(post(base).param("kind", "TEXT").param("prompt", "其他意见"), officer))
                .isEqualTo("flash:voice.survey.questionAdded");
        assertThat(outcome(post(base).param("kind", "SINGLE").param("prompt", "只有一个选项").param("options", "是"),
                officer)).isEqualTo("error:voice.error.survey.options");
    }

    @Test
    void anOfficerWritesASurveyAndEmployeesAnswerItOnceWithoutScript() throws Exception {
        String list = page("/voice-admin/surveys", officer);
        assertThat(list).contains("id=\"survey-new\"");
        long id = create(false);
        addQuestions(id);
        List<Surveys.Question> q = surveys.questions(id);
        assertThat(q).extracting(Surveys.Question::kind).containsExactly("SINGLE", "MULTIPLE", "SCALE", "TEXT");
        assertThat(q.get(0).options()).containsExactly("一班", "二班", "三班");
        assertThat(q.get(2).scaleMax()).isEqualTo(10);

        String base = "/voice-admin/surveys/" + id;
        assertThat(outcome(post(base + "/questions/" + q.get(3).id() + "/move").param("by", "-1"), officer))
                .isEqualTo("flash:voice.survey.questionMoved");
        assertThat(surveys.questions(id)).extracting(Surveys.Question::kind).containsExactly("SINGLE", "MULTIPLE", "TEXT",
                "SCALE");
        String edit = page(base + "/questions/" + q.get(1).id(), officer);
        assertThat(edit).contains("id=\"question-form\"", "羽毛球\n乒乓球\n读书会");
        assertThat(outcome(post(base + "/questions/" + q.get(1).id()).param("kind", "MULTIPLE")
                .param("prompt", "希望增加哪些活动？（最多两项）").param("options", "羽毛球\n乒乓球\n读书会\n书法")
                .param("maxChoices", "2").param("required", "true"), officer)).isEqualTo("flash:voice.survey.saved");
        assertThat(surveys.question(id, q.get(1).id()).options()).hasSize(4);
        long extra = surveys.addQuestion(officer, id, new Surveys.QuestionDraft("TEXT", "多余的题", false, List.of(),
                null, null, null, null));
        assertThat(outcome(post(base + "/questions/" + extra + "/remove"), officer))
                .isEqualTo("flash:voice.survey.questionRemoved");

        String draft = page(base, officer);
        assertThat(draft).contains("id=\"publish\"", "id=\"add-SCALE\"", "id=\"survey-settings\"", "草稿");
        assertThat(page("/voice/surveys", people.getFirst())).as("a draft is not shown").doesNotContain("职工之家活动调查");
        assertThat(outcome(post(base + "/publish"), officer)).isEqualTo("flash:voice.survey.published");
        assertThat(page(base, officer)).contains("进行中", "id=\"close\"", "id=\"results-link\"")
                .doesNotContain("id=\"publish\"");

        Viewer employee = people.getFirst();
        // The home card names the survey closing first (the company's open surveys count too).
        assertThat(page("/", employee)).contains("id=\"survey-home\"", "职工之家活动调查");
        assertThat(page("/voice", employee)).contains("id=\"surveys-link\"");
        assertThat(page("/voice/surveys", employee)).contains("id=\"survey-" + id + "\"", "待填写");
        String form = page("/voice/surveys/" + id, employee);
        assertThat(form).contains("id=\"survey-form\"", "实名问卷", "请大家如实填写。", "name=\"q" + q.get(0).id() + "\"",
                "很不满意", "最多选 2 项");

        // A required question left out: the form again with what was chosen, the question pointed to, nothing saved.
        MockHttpServletResponse missing = perform(post("/voice/surveys/" + id).with(csrf()).with(as(employee))
                .param("q" + q.get(1).id(), "0").param("q" + q.get(3).id(), "也想要篮球场"));
        assertThat(missing.getStatus()).isEqualTo(200);
        String again = missing.getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("id=\"answer-error\"", "第 1 题：这是必答题，请作答。", "也想要篮球场")
                .containsPattern("id=\"q" + q.get(1).id() + "-0\"[^>]*checked")
                .doesNotContainPattern("id=\"q" + q.get(1).id() + "-1\"[^>]*checked");
        assertThat(surveys.hasResponded(employee, id)).isFalse();
        MockHttpServletResponse tooMany = perform(post("/voice/surveys/" + id).with(csrf()).with(as(employee))
                .param("q" + q.get(0).id(), "1").param("q" + q.get(1).id(), "0", "1", "2").param("q" + q.get(3).id(), "9"));
        assertThat(tooMany.getContentAsString(StandardCharsets.UTF_8)).contains("第 2 题：选得太多了。");

        assertThat(outcome(post("/voice/surveys/" + id).param("q" + q.get(0).id(), "1").param("q" + q.get(1).id(), "0", "1")
                .param("q" + q.get(2).id(), "8").param("q" + q.get(3).id(), "我可以教羽毛球"), employee))
                .isEqualTo("flash:voice.survey.thanks");
        String done = page("/voice/surveys/" + id, employee);
        assertThat(done).contains("id=\"survey-done\"").doesNotContain("id=\"survey-form\"");
        assertThat(page("/", employee)).doesNotContain("职工之家活动调查");
        assertThat(outcome(post("/voice/surveys/" + id).param("q" + q.get(0).id(), "0").param("q" + q.get(3).id(), "1"),
                employee)).isEqualTo("error:voice.error.survey.alreadyResponded");
        assertThat(jdbc.sql("SELECT count(*) FROM voice_survey_responded WHERE survey_id = ?").param(id).query(Long.class)
                .single()).isOne();
        assertThat(page(base, officer)).contains("id=\"questions-locked\"").doesNotContain("id=\"add-questions\"");

        // The results: a bar per option and score, the mean, and the text answer with the respondent's name.
        surveys.respond(people.get(1), id, java.util.Map.of(q.get(0).id(), List.of("1"), q.get(1).id(), List.of("1"),
                q.get(2).id(), List.of("6")));
        String results = page(base + "/results", officer);
        EmployeeSummary first = org.employee(employee.employeeId()).orElseThrow();
        assertThat(results).contains("id=\"result-" + q.get(0).id() + "\"", "2 人作答", "平均 7.00 / 10", "我可以教羽毛球",
                first.name(), "width: 100%", "7 人中 2 人已提交", "28.6%")
                .doesNotContain("id=\"not-shown\"");

        // Closed early: no more answers, the employee is told.
        assertThat(outcome(post(base + "/close"), officer)).isEqualTo("flash:voice.survey.closedEarly");
        assertThat(page("/voice/surveys/" + id, people.get(2))).contains("id=\"survey-closed\"")
                .doesNotContain("id=\"survey-form\"");
        assertThat(outcome(post("/voice/surveys/" + id).param("q" + q.get(0).id(), "0").param("q" + q.get(3).id(), "1"),
                people.get(2))).isEqualTo("error:voice.error.survey.closed");
    }

    private XSSFWorkbook workbook(long id) throws Exception {
        MockHttpServletResponse xlsx = perform(get("/voice-admin/surveys/" + id + "/results.xlsx").with(as(officer)));
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentType()).contains("spreadsheetml");
        assertThat(xlsx.getHeader("Content-Disposition")).contains("survey-" + id + ".xlsx");
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()));
    }

    private static List<String> texts(Sheet sheet) {
        List<String> out = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                out.add(cell.getCellType() == CellType.NUMERIC ? Double.toString(cell.getNumericCellValue())
                        : cell.getStringCellValue());
            }
        }
        return out;
    }

    private static Row find(Sheet sheet, String first, String third) {
        for (Row row : sheet) {
            Cell a = row.getCell(0);
            Cell c = row.getCell(2);
            if (a != null && c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(third)
                    && (a.getCellType() == CellType.NUMERIC ? Integer.toString((int) a.getNumericCellValue())
                    : a.getStringCellValue()).equals(first)) {
                return row;
            }
        }
        throw new AssertionError("no row " + first + " / " + third);
    }

    @Test
    void theResultsExportToAWorkbookWithThePersonOnlyOnNamedSurveys() throws Exception {
        long named = create(false);
        addQuestions(named);
        surveys.publish(officer, named);
        List<Surveys.Question> q = surveys.questions(named);
        surveys.respond(people.get(0), named, java.util.Map.of(q.get(0).id(), List.of("0"), q.get(1).id(),
                List.of("0", "2"), q.get(2).id(), List.of("9"), q.get(3).id(), List.of("希望有羽毛球场")));
        surveys.respond(people.get(1), named, java.util.Map.of(q.get(0).id(), List.of("2"), q.get(2).id(), List.of("7")));
        EmployeeSummary first = org.employee(people.get(0).employeeId()).orElseThrow();
        try (XSSFWorkbook book = workbook(named)) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            Sheet summary = book.getSheetAt(0);
            assertThat(summary.getSheetName()).isEqualTo("汇总");
            assertThat(texts(summary)).contains("职工之家活动调查", "实名", "一班", "三班", "平均分", "文字回答");
            Row oneClass = find(summary, "1", "一班");
            assertThat(oneClass.getCell(3).getNumericCellValue()).isEqualTo(1);
            assertThat(oneClass.getCell(4).getNumericCellValue()).isEqualTo(50.0);
            assertThat(find(summary, "3", "平均分").getCell(3).getNumericCellValue()).isEqualTo(8.0);
            Sheet responses = book.getSheet("答卷");
            assertThat(responses.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
            assertThat(responses.getRow(0).getCell(4).getStringCellValue()).isEqualTo("1. 你在哪个班组？");
            Row row = responses.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(first.name());
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(first.employeeNo());
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("一班");
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("羽毛球；读书会");
            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(9);
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo("希望有羽毛球场");
            assertThat(responses.getPhysicalNumberOfRows()).isEqualTo(3);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'voice.survey.export' AND target_id = ?")
                .param(Long.toString(named)).query(Long.class).single()).as("the export is audited").isOne();

        long anonymous = create(true);
        addQuestions(anonymous);
        surveys.publish(officer, anonymous);
        List<Surveys.Question> a = surveys.questions(anonymous);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            surveys.respond(people.get(i), anonymous, java.util.Map.of(a.get(0).id(), List.of(Integer.toString(i % 3)),
                    a.get(2).id(), List.of(Integer.toString(5 + i)), a.get(3).id(), List.of("意见" + i)));
            EmployeeSummary p = org.employee(people.get(i).employeeId()).orElseThrow();
            names.add(p.name());
            names.add(p.employeeNo());
        }
        surveys.mix();
        assertThat(page("/voice-admin/surveys/" + anonymous + "/results", officer)).contains("id=\"not-shown\"")
                .doesNotContain("意见0");
        try (XSSFWorkbook book = workbook(anonymous)) {
            assertThat(book.getNumberOfSheets()).as("below five: the summary only").isOne();
            assertThat(texts(book.getSheetAt(0))).contains("计入不足 5 份，不公布结果。").doesNotContain("一班");
        }
        surveys.respond(people.get(4), anonymous, java.util.Map.of(a.get(0).id(), List.of("1"), a.get(2).id(),
                List.of("10")));
        surveys.mix();
        String results = page("/voice-admin/surveys/" + anonymous + "/results", officer);
        assertThat(results).contains("意见0", "意见3", "平均 7.20 / 10").doesNotContain("id=\"not-shown\"");
        assertThat(names).allSatisfy(n -> assertThat(results).doesNotContain(n));
        try (XSSFWorkbook book = workbook(anonymous)) {
            Sheet responses = book.getSheet("答卷");
            assertThat(responses.getRow(0).getCell(0).getStringCellValue()).as("no person column")
                    .isEqualTo("1. 你在哪个班组？");
            assertThat(responses.getPhysicalNumberOfRows()).isEqualTo(6);
            List<String> all = new ArrayList<>();
            for (Sheet s : book) {
                all.addAll(texts(s));
            }
            assertThat(all).contains("意见2", "匿名").noneMatch(names::contains);
            assertThat(texts(responses)).doesNotContain("姓名", "工号", "提交时间");
        }
    }

    @Test
    void anOfficerOfAnotherUnitGetsNothing() throws Exception {
        long id = create(false);
        addQuestions(id);
        long question = surveys.questions(id).getFirst().id();
        String base = "/voice-admin/surveys/" + id;
        for (String url : List.of(base, base + "/results", base + "/results.xlsx", base + "/questions/" + question)) {
            assertThat(perform(get(url).with(as(otherOfficer))).getStatus()).as(url).isEqualTo(404);
        }
        for (String url : List.of(base + "/publish", base + "/close", base + "/delete", base + "/settings",
                base + "/questions", base + "/questions/" + question, base + "/questions/" + question + "/remove",
                base + "/questions/" + question + "/move")) {
            assertThat(perform(post(url).with(csrf()).with(as(otherOfficer)).param("title", "越权").param("kind", "TEXT")
                    .param("prompt", "越权").param("by", "1")).getStatus()).as(url).isEqualTo(404);
        }
        assertThat(perform(post("/voice-admin/surveys").with(csrf()).with(as(otherOfficer))
                .param("unitId", Long.toString(unit.unit().id())).param("title", "越权问卷").param("audience", "EMPLOYEES")
                .param("opensOn", LocalDate.now().toString()).param("closesOn", LocalDate.now().toString())).getStatus())
                .isEqualTo(404);
        assertThat(page("/voice-admin/surveys", otherOfficer)).doesNotContain("/voice-admin/surveys/" + id + "\"");
        assertThat(surveys.find(id).status()).isEqualTo("DRAFT");
        assertThat(surveys.questions(id)).hasSize(4).noneMatch(x -> x.prompt().equals("越权"));
        assertThat(jdbc.sql("SELECT count(*) FROM voice_survey WHERE title = '越权问卷'").query(Long.class).single()).isZero();
        // Employees outside the audience cannot open it either, nor a draft.
        assertThat(perform(get("/voice/surveys/" + id).with(as(people.getFirst()))).getStatus()).isEqualTo(404);
    }
}
