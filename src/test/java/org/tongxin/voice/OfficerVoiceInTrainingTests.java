package org.tongxin.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongxin.support.Fixtures.as;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.training.TrainingSetup;
import org.tongxin.voice.internal.Evaluations;
import org.tongxin.voice.internal.SuggestionScheme;

/**
 * Members' evaluations of their officers appear in training's officer views beside the assessment results — only a
 * result of five ballots or more — and selection counts the named suggestions adopted, never the anonymous ones.
 */
class OfficerVoiceInTrainingTests extends IntegrationTestSupport {

    @Autowired
    Evaluations evaluations;
    @Autowired
    SuggestionScheme suggestions;
    @Autowired
    MembershipSetup membership;
    @Autowired
    TrainingSetup training;

    Fixtures.UnitWithDepartment unit;
    Viewer organiser;
    Viewer chair;
    Viewer vice;
    List<Viewer> members = new ArrayList<>();

    @BeforeEach
    void aUnitWithTwoOfficersAndMembers() {
        unit = fixtures.grassroots("评议入档测试工会");
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "voice-training.csv", rows);
        members.clear();
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            membership.enrol(id, unit.unit().id(), LocalDate.now().minusYears(2));
            members.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        chair = members.get(0);
        vice = members.get(1);
        fixtures.chair(chair.accountId(), unit.unit().id(), false);
        fixtures.chair(vice.accountId(), unit.unit().id(), false);
        organiser = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(as(organiser))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String row(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isPositive();
        return page.substring(at, page.indexOf("</tr>", at) > 0 ? page.indexOf("</tr>", at) : page.length());
    }

    @Test
    void aResultOfFiveBallotsShowsBesideTheAssessmentAndFewerShowNothing() throws Exception {
        long round = evaluations.create(organiser, unit.unit().id(), "2026年度民主评议", List.of("服务意识", "作风"),
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(7));
        for (int i = 2; i < 7; i++) {
            evaluations.vote(members.get(i), round, chair.employeeId(), List.of(4, 5), "");
        }
        for (int i = 2; i < 5; i++) {
            evaluations.vote(members.get(i), round, vice.employeeId(), List.of(2, 2), "");
        }
        evaluations.mix();

        long course = training.course(organiser, unit.unit().id(), "评议入档补训课", "", "OFFICERS", unit.unit().id(),
                null, List.of(new TrainingSetup.Lesson("第一课", "内容")));
        training.questions(organiser, List.of(TrainingSetup.Question.trueFalse("评议入档", 1, "工会是职工自愿结合的群众组织。", true, "")));
        long exam = training.exam(organiser, unit.unit().id(), "评议入档考试", 10, 60,
                List.of(new TrainingSetup.Rule("TRUE_FALSE", "评议入档", 1, BigDecimal.TEN)));
        long assessment = training.assessment(organiser, "评议入档考核", exam, course, unit.unit().id(), 60,
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(30), null);
        training.assignOfficers(organiser, assessment, unit.unit().id());

        String board = page("/training-admin/assessments/" + assessment);
        assertThat(row(board, "line-" + chair.employeeId())).contains("4.5 / 5（5 票）");
        assertThat(row(board, "line-" + vice.employeeId())).doesNotContain("/ 5").contains("—");
        byte[] sheet = mvc.perform(get("/training-admin/assessments/" + assessment + "/board.xlsx").with(as(organiser)))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            Sheet s = book.getSheetAt(0);
            int column = s.getRow(0).getLastCellNum() - 1;
            assertThat(s.getRow(0).getCell(column).getStringCellValue()).isEqualTo("职工评议");
            List<String> values = new ArrayList<>();
            for (Row r : s) {
                if (r.getRowNum() > 0 && r.getCell(column) != null) {
                    values.add(r.getCell(column).toString());
                }
            }
            assertThat(values).containsExactly("4.5");
        }

        String competence = page("/training-admin/competence?unitId=" + unit.unit().id());
        assertThat(row(competence, "officer-" + chair.employeeId())).contains("4.5 / 5（5 票）");
        assertThat(row(competence, "officer-" + vice.employeeId())).doesNotContain("/ 5");
    }

    @Test
    void selectionCountsNamedSuggestionsAdoptedAndNeverAnonymousOnes() throws Exception {
        Viewer committee = Fixtures.committee(fixtures.adminAccountId());
        for (boolean anonymous : List.of(false, false, true)) {
            long id = suggestions.submit(vice, new SuggestionScheme.Draft("收费亭降温建议" + anonymous + System.nanoTime(),
                    "夏季亭内温度高", "加装遮阳棚", "", anonymous));
            suggestions.accept(committee, id);
            suggestions.assign(committee, id, unit.unit().id());
            suggestions.adopt(committee, id, "采纳");
        }
        suggestions.submit(vice, new SuggestionScheme.Draft("尚未受理的建议" + System.nanoTime(), "问题", "办法", "",
                false));

        String selection = page("/training-admin/selection?unitId=" + unit.unit().id());
        int at = selection.indexOf("id=\"candidate-" + vice.employeeId() + "\"");
        String card = selection.substring(at, selection.indexOf("class=\"list-group-item\"", at + 10) > 0
                ? selection.indexOf("class=\"list-group-item\"", at + 10) : selection.length());
        assertThat(card).contains("建议采纳 2");
        int chairAt = selection.indexOf("id=\"candidate-" + chair.employeeId() + "\"");
        assertThat(selection.substring(chairAt, chairAt + 3000)).contains("建议采纳 0");
    }
}
