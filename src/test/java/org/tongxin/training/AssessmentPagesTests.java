package org.tongxin.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.training.internal.AssessmentBoard;
import org.tongxin.training.internal.AssessmentBoard.Stage;
import org.tongxin.training.internal.ExamService;

/** The officers' assessment pages (create, assign, board, export, all scoped) and the employee's own page. */
class AssessmentPagesTests extends IntegrationTestSupport {

    @Autowired
    TrainingSetup training;
    @Autowired
    AssessmentBoard boards;
    @Autowired
    ExamService exams;

    LoopFixture f;

    @BeforeEach
    void aUnitWithATeamAnExamAndACourse() {
        f = new LoopFixture(fixtures, orgSetup, training, "考核页");
    }

    private MockHttpServletResponse call(RequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private String page(String url, Viewer viewer) throws Exception {
        MockHttpServletResponse response = call(get(url).with(as(viewer)));
        assertThat(response.getStatus()).as("GET %s", url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MvcResult postAs(Viewer viewer, String url, Map<String, String> params) throws Exception {
        var request = post(url).with(csrf()).with(as(viewer));
        params.forEach(request::param);
        return mvc.perform(request).andReturn();
    }

    private long assessees(long assessment) {
        return jdbc.sql("SELECT count(*) FROM training_assessee WHERE assessment_id = ?").param(assessment)
                .query(Long.class).single();
    }

    @Test
    void anOfficerCreatesAnAssessmentOfTheirUnitAndAssignsPeopleWhileAnotherUnitsOfficerGetsNothing() throws Exception {
        String form = page("/training-admin/assessments/new", f.officer);
        assertThat(form).contains("考核页测验").contains("考核页补训");
        Map<String, String> fields = Map.of("title", "网络能力考核", "examId", Long.toString(f.exam),
                "retrainingCourseId", Long.toString(f.course), "ownerUnitId", Long.toString(f.unit.unit().id()),
                "passPercent", "80", "startsOn", LocalDate.now().toString(),
                "endsOn", LocalDate.now().plusDays(30).toString(), "certificateMonths", "12");

        assertThat(postAs(f.besideOfficer, "/training-admin/assessments", fields).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM training_assessment WHERE exam_id = ?").param(f.exam)
                .query(Long.class).single()).isZero();

        MvcResult created = postAs(f.officer, "/training-admin/assessments", fields);
        long id = jdbc.sql("SELECT id FROM training_assessment WHERE exam_id = ?").param(f.exam).query(Long.class)
                .single();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/training-admin/assessments/" + id);
        assertThat(created.getFlashMap().get("flash")).isEqualTo("training.assessment.created");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'training.assessment.create' AND target_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isOne();
        assertThat(page("/training-admin/assessments", f.officer)).contains("网络能力考核");
        assertThat(page("/training-admin/assessments", f.besideOfficer)).doesNotContain("网络能力考核");

        String url = "/training-admin/assessments/" + id + "/assign";
        MvcResult listed = postAs(f.officer, url, Map.of("group", "LIST",
                "employeeNos", f.rows.get(0).employeeNo() + "，" + f.rows.get(1).employeeNo()));
        assertThat(listed.getFlashMap().get("assigned")).isEqualTo(2);
        MvcResult unknown = postAs(f.officer, url, Map.of("group", "LIST",
                "employeeNos", f.rows.get(2).employeeNo() + " NOBODY-404"));
        assertThat(unknown.getFlashMap().get("flashError")).isEqualTo("training.assessment.unknownNumbers");
        assertThat(unknown.getFlashMap().get("unknownNumbers")).isEqualTo("NOBODY-404");
        assertThat(assessees(id)).isEqualTo(2);
        MvcResult team = postAs(f.officer, url, Map.of("group", "EMPLOYEES", "unitId", Long.toString(f.team.id())));
        assertThat(team.getFlashMap().get("assigned")).isEqualTo(2);
        assertThat(assessees(id)).isEqualTo(4);
        // Notices are delivered after the commit, through the event registry.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM notification WHERE employee_id = ? AND title LIKE '考核通知%'")
                .param(f.teamPeople.get(0).employeeId()).query(Long.class).single() == 1);

        // Another unit's officer learns nothing of it, by URL or by form.
        assertThat(call(get("/training-admin/assessments/" + id).with(as(f.besideOfficer))).getStatus()).isEqualTo(404);
        assertThat(call(get("/training-admin/assessments/" + id + "/board.xlsx").with(as(f.besideOfficer))).getStatus())
                .isEqualTo(404);
        assertThat(postAs(f.besideOfficer, url, Map.of("group", "EMPLOYEES",
                "unitId", Long.toString(f.beside.unit().id()))).getResponse().getStatus()).isEqualTo(404);
        assertThat(postAs(f.besideOfficer, url, Map.of("group", "LIST", "employeeNos", f.rows.get(3).employeeNo()))
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(assessees(id)).isEqualTo(4);
        assertThat(call(get("/training-admin/assessments").with(as(f.people.get(0)))).getStatus()).isEqualTo(403);
    }

    @Test
    void theBoardShowsWhereEachPersonStandsPerSubUnitAndExportsWhatItShows() throws Exception {
        long id = f.assessment("看板考核");
        List<Long> everyone = new ArrayList<>();
        f.people.forEach(p -> everyone.add(p.employeeId()));
        f.teamPeople.forEach(p -> everyone.add(p.employeeId()));
        postAs(f.officer, "/training-admin/assessments/" + id + "/assign", Map.of("group", "EMPLOYEES",
                "unitId", Long.toString(f.unit.unit().id())));
        assertThat(assessees(id)).isEqualTo(6);
        Viewer passed = f.people.get(0);
        Viewer retraining = f.people.get(1);
        Viewer mayRetry = f.people.get(2);
        Viewer inProgress = f.people.get(3);
        assertThat(training.attempt(passed, id, 1.0)).isTrue();
        assertThat(training.attempt(retraining, id, 0.0)).isFalse();
        training.study(retraining, f.course, 1);
        assertThat(training.attempt(mayRetry, id, 0.5)).isFalse();
        training.study(mayRetry, f.course, 2);
        exams.start(inProgress, f.exam, id);
        assertThat(training.attempt(f.teamPeople.get(0), id, 0.75)).isTrue();

        AssessmentBoard.Board board = boards.board(f.officer, id, null);
        assertThat(board.count("PASSED")).isEqualTo(2);
        assertThat(board.count("RETRAINING")).isEqualTo(1);
        assertThat(board.count("MAY_RETRY")).isEqualTo(1);
        assertThat(board.count("IN_PROGRESS")).isEqualTo(1);
        assertThat(board.count("NOT_STARTED")).isEqualTo(1);
        assertThat(board.lines()).extracting(AssessmentBoard.Line::stage).containsExactly(Stage.NOT_STARTED,
                Stage.IN_PROGRESS, Stage.RETRAINING, Stage.MAY_RETRY, Stage.PASSED, Stage.PASSED);
        assertThat(board.units()).extracting(u -> u.name() + ":" + u.total())
                .containsExactly(f.unit.unit().name() + ":4", f.team.name() + ":2");

        String html = page("/training-admin/assessments/" + id, f.officer);
        assertThat(html).contains("已学 1/2 课").contains("第 1 轮补训").contains("职工评议")
                .contains("id=\"line-" + retraining.employeeId() + "\"").contains("id=\"unit-" + f.team.id() + "\"");
        String teamOnly = page("/training-admin/assessments/" + id + "?unitId=" + f.team.id(), f.officer);
        assertThat(teamOnly).contains("id=\"line-" + f.teamPeople.get(0).employeeId() + "\"")
                .doesNotContain("id=\"line-" + passed.employeeId() + "\"");
        // The committee sees every subtree; an officer of the team below does not manage the assessment.
        assertThat(page("/training-admin/assessments/" + id + "?unitId=" + f.team.id(),
                Fixtures.committee(fixtures.adminAccountId()))).contains(f.team.name());
        assertThat(call(get("/training-admin/assessments/" + id).with(as(Fixtures.officer(fixtures.adminAccountId(),
                f.team.id())))).getStatus()).isEqualTo(404);

        MockHttpServletResponse export = call(get("/training-admin/assessments/" + id + "/board.xlsx").with(as(f.officer)));
        assertThat(export.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            Row header = sheet.getRow(0);
            int evaluation = header.getLastCellNum() - 1;
            assertThat(text.formatCellValue(header.getCell(evaluation))).isEqualTo("职工评议");
            assertThat(sheet.getLastRowNum()).isEqualTo(6);
            List<String> stages = new ArrayList<>();
            for (int r = 1; r <= 6; r++) {
                stages.add(text.formatCellValue(sheet.getRow(r).getCell(3)));
                assertThat(text.formatCellValue(sheet.getRow(r).getCell(evaluation))).isEmpty();
            }
            assertThat(stages).containsExactly("未开始", "作答中", "补训中", "可重考", "已通过", "已通过");
            Row first = sheet.getRow(5);
            assertThat(first.getCell(6).getNumericCellValue()).isIn(75.0, 100.0);
        }
    }

    @Test
    void anEmployeeSeesTheirStandingStartsAndIsToldWhyTheyMayNot() throws Exception {
        long id = f.assessment("我的考核");
        String url = "/training/assessments/" + id;
        Viewer fresh = f.people.get(0);
        Viewer failing = f.people.get(1);
        Viewer passing = f.people.get(2);
        Viewer outsider = f.people.get(3);
        postAs(f.officer, "/training-admin/assessments/" + id + "/assign", Map.of("group", "LIST", "employeeNos",
                f.employeeNo(fresh) + " " + f.employeeNo(failing) + " " + f.employeeNo(passing)));

        assertThat(call(get(url).with(as(outsider))).getStatus()).isEqualTo(404);
        assertThat(postAs(outsider, url + "/start", Map.of()).getResponse().getStatus()).isEqualTo(404);

        assertThat(page(url, fresh)).contains("待参加考核").contains("id=\"start\"").contains("合格线");
        MvcResult started = postAs(fresh, url + "/start", Map.of());
        long attempt = jdbc.sql("SELECT id FROM training_attempt WHERE assessment_id = ? AND employee_id = ?")
                .params(id, fresh.employeeId()).query(Long.class).single();
        assertThat(started.getResponse().getRedirectedUrl()).isEqualTo("/training/attempts/" + attempt);
        assertThat(postAs(fresh, url + "/start", Map.of()).getResponse().getRedirectedUrl())
                .isEqualTo("/training/attempts/" + attempt);
        assertThat(page(url, fresh)).contains("继续作答").contains("/training/attempts/" + attempt);

        training.attempt(failing, id, 0.0);
        training.study(failing, f.course, 1);
        assertThat(page(url, failing)).contains("补训中（第 1 轮）").contains("/training/courses/" + f.course)
                .contains("已学 1/2 课").doesNotContain("id=\"start\"");
        MvcResult refused = postAs(failing, url + "/start", Map.of());
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(url);
        assertThat(refused.getFlashMap().get("flashError")).isEqualTo("training.error.retrainFirst");
        training.study(failing, f.course, 2);
        assertThat(page(url, failing)).contains("可以再次考核").contains("id=\"start\"");

        training.attempt(passing, id, 1.0);
        long certificate = jdbc.sql("SELECT id FROM training_certificate WHERE assessment_id = ? AND employee_id = ?")
                .params(id, passing.employeeId()).query(Long.class).single();
        assertThat(page(url, passing)).contains("已通过：100 分").contains("/training/certificates/" + certificate)
                .doesNotContain("id=\"start\"");
        assertThat(postAs(passing, url + "/start", Map.of()).getFlashMap().get("flashError"))
                .isEqualTo("training.error.alreadyPassed");

        long later = training.assessment(f.officer, "下月考核", f.exam, f.course, f.unit.unit().id(), 60,
                LocalDate.now().plusDays(1), LocalDate.now().plusDays(10), null);
        postAs(f.officer, "/training-admin/assessments/" + later + "/assign", Map.of("group", "LIST",
                "employeeNos", f.employeeNo(outsider)));
        assertThat(page("/training/assessments/" + later, outsider)).contains("id=\"outside-period\"")
                .doesNotContain("id=\"start\"");
        assertThat(postAs(outsider, "/training/assessments/" + later + "/start", Map.of()).getFlashMap()
                .get("flashError")).isEqualTo("training.error.outsidePeriod");
    }
}
