package org.tongxin.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.training.internal.AssessmentBoard;
import org.tongxin.training.internal.AssessmentBoard.Stage;

/** The demo enterprise's training story: a real course and bank, and officers at every stage of the loop. */
class TrainingDemoTests extends IntegrationTestSupport {

    @Autowired
    AssessmentBoard boards;

    private long assessment() {
        return jdbc.sql("SELECT id FROM training_assessment WHERE title = '互联网+ 工会工作能力考核'").query(Long.class).single();
    }

    private Viewer committee() {
        long employee = fixtures.employeeId("100023");
        return new Viewer(fixtures.accountId(employee), employee, "committee", Set.of(Role.EMPLOYEE, Role.COMMITTEE),
                Set.of(), Set.of(), false);
    }

    @Test
    void theCourseHasRealLessonsAndTheBankCoversEverySkillAndTypeWithExplanations() {
        List<String> lessons = jdbc.sql("""
                        SELECT l.title FROM training_lesson l JOIN training_course c ON c.id = l.course_id
                        WHERE c.title = '互联网+ 工会工作能力' AND c.status = 'PUBLISHED' ORDER BY l.position""")
                .query(String.class).list();
        assertThat(lessons).containsExactly("网上入会与会员管理", "新媒体宣传与短视频", "网络安全与个人信息保护", "线上活动组织",
                "数据看板与决策");
        assertThat(jdbc.sql("""
                        SELECT min(length(body)) FROM training_lesson l JOIN training_course c ON c.id = l.course_id
                        WHERE c.title = '互联网+ 工会工作能力'""").query(Integer.class).single()).isGreaterThan(400);
        List<String> skills = List.of("网络安全", "新媒体", "线上服务", "数据分析", "工会法规");
        Map<String, Long> perSkillAndType = jdbc.sql("""
                        SELECT skill || '/' || type AS k, count(*) FROM training_question
                        WHERE skill = ANY(?) AND explanation <> '' GROUP BY skill, type""")
                .param(skills.toArray(String[]::new))
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (String skill : skills) {
            for (String type : List.of("SINGLE", "MULTIPLE", "TRUE_FALSE", "FILL")) {
                assertThat(perSkillAndType).as("%s/%s", skill, type).containsKey(skill + "/" + type);
            }
        }
        assertThat(perSkillAndType.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(60);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM training_exam_part p JOIN training_exam e ON e.id = p.exam_id
                        WHERE e.title = '互联网+ 工会工作能力测试' AND e.status = 'PUBLISHED' AND p.skill IS NOT NULL""")
                .query(Long.class).single()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theOfficersOfTheTreeStandAtEveryStageOfTheLoopAndTheCommitteeSeesTheBoard() throws Exception {
        long assessment = assessment();
        AssessmentBoard.Board board = boards.board(committee(), assessment, null);
        Map<Stage, List<AssessmentBoard.Line>> byStage = board.lines().stream()
                .collect(Collectors.groupingBy(AssessmentBoard.Line::stage));
        assertThat(byStage).containsKeys(Stage.NOT_STARTED, Stage.RETRAINING, Stage.MAY_RETRY, Stage.PASSED);
        assertThat(byStage.get(Stage.PASSED)).anyMatch(l -> l.rounds() == 0 && l.attempts() == 1
                && l.certificateId() != null);
        assertThat(byStage.get(Stage.PASSED)).anyMatch(l -> l.rounds() == 1 && l.attempts() == 2
                && l.certificateId() != null);
        assertThat(byStage.get(Stage.RETRAINING)).anyMatch(l -> l.rounds() == 1 && l.retraining().done() > 0
                && l.retraining().done() < l.retraining().lessons());
        assertThat(byStage.get(Stage.MAY_RETRY)).allMatch(l -> l.rounds() >= 1 && l.attempts() >= 1);
        assertThat(byStage.get(Stage.NOT_STARTED)).allMatch(l -> l.attempts() == 0);

        long demoOfficer = fixtures.employeeId("100066");
        assertThat(board.lines()).filteredOn(l -> l.employeeId() == demoOfficer).singleElement()
                .extracting(AssessmentBoard.Line::stage).isIn(Stage.MAY_RETRY, Stage.NOT_STARTED);
        // What happened is spread over the past weeks: first passes come before later ones.
        OffsetDateTime earliest = board.lines().stream().filter(l -> l.passedAt() != null)
                .map(AssessmentBoard.Line::passedAt).min(OffsetDateTime::compareTo).orElseThrow();
        assertThat(earliest).isBefore(OffsetDateTime.now().minusDays(14));

        String page = mvc.perform(get("/training-admin/assessments/" + assessment).with(as(committee()))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("互联网+ 工会工作能力考核").contains("id=\"count-PASSED\"").contains("补训中")
                .contains("职工评议");
        String matrix = mvc.perform(get("/training-admin/competence").with(as(committee()))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(matrix).contains("网络安全").contains("工会法规").contains("id=\"officer-" + demoOfficer + "\"");
    }
}
