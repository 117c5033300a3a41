package org.tongxin.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongxin.support.Fixtures.as;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.training.internal.AssessmentService;
import org.tongxin.training.internal.Attempts;
import org.tongxin.training.internal.CompetenceMatrix;
import org.tongxin.training.internal.CompetenceMatrix.Level;
import org.tongxin.training.internal.ExamService;

/** Competence levels come from real graded attempts; officers see the officers of their own subtree only. */
class CompetenceTests extends IntegrationTestSupport {

    @Autowired
    TrainingSetup training;
    @Autowired
    ExamService exams;
    @Autowired
    AssessmentService assessments;
    @Autowired
    CompetenceMatrix matrix;

    LoopFixture f;
    Viewer chair;
    Viewer teamChair;
    Viewer besideChair;

    @BeforeEach
    void officersInAUnitItsTeamAndBesideIt() {
        f = new LoopFixture(fixtures, orgSetup, training, "能力");
        chair = f.people.get(0);
        teamChair = f.teamPeople.get(0);
        fixtures.chair(chair.accountId(), f.unit.unit().id(), false);
        fixtures.chair(teamChair.accountId(), f.team.id(), false);
        fixtures.chair(f.people.get(1).accountId(), f.unit.unit().id(), false);
        OrgSetup.HrRow beside = Fixtures.row(f.beside.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "beside.csv", List.of(beside));
        long besideId = fixtures.employeeId(beside.employeeNo());
        besideChair = Fixtures.employee(fixtures.accountId(besideId), besideId);
        fixtures.chair(besideChair.accountId(), f.beside.unit().id(), false);
    }

    /** Takes the assessment answering right exactly the questions of the skills given. */
    private void take(Viewer person, long assessment, Set<String> rightSkills) {
        long attempt = exams.start(person, f.exam, assessment);
        for (Attempts.Item item : exams.view(person, attempt).items()) {
            int c = item.correct()[0];
            int wrong = item.type().equals("TRUE_FALSE") ? 1 - c : (c + 1) % item.options().size();
            exams.answer(person, attempt, item.position(), new int[]{rightSkills.contains(item.skill()) ? c : wrong},
                    null);
        }
        exams.submit(person, attempt);
    }

    @Test
    void levelsAreTheShareOfPointsScoredWithTheStatedThresholds() {
        assertThat(Level.of(new BigDecimal("85"))).isEqualTo(Level.PROFICIENT);
        assertThat(Level.of(new BigDecimal("84.9"))).isEqualTo(Level.COMPETENT);
        assertThat(Level.of(new BigDecimal("60"))).isEqualTo(Level.COMPETENT);
        assertThat(Level.of(new BigDecimal("59.9"))).isEqualTo(Level.NEEDS_WORK);
        assertThat(Level.of(BigDecimal.ZERO)).isEqualTo(Level.NEEDS_WORK);
        assertThat(Level.of(null)).isEqualTo(Level.UNTESTED);
        assertThat(Level.NEEDS_WORK.gap()).isTrue();
        assertThat(Level.UNTESTED.gap()).isTrue();
        assertThat(Level.COMPETENT.gap()).isFalse();
    }

    @Test
    void theMatrixTakesEachOfficersLatestAttemptPerSkillAndShowsGaps() throws Exception {
        long assessment = f.assessment("能力考核");
        assessments.assign(f.officer, assessment, AssessmentService.Group.OFFICERS, f.unit.unit().id(), List.of());
        // The chair fails on publicity, retrains, and then answers everything right: the latest attempt counts.
        take(chair, assessment, Set.of(f.safety));
        training.study(chair, f.course, 2);
        take(chair, assessment, Set.of(f.safety, f.media));
        // The team's chair knows safety but not publicity, and stays in retraining.
        take(teamChair, assessment, Set.of(f.safety));

        CompetenceMatrix.Matrix m = matrix.of(f.officer, null);
        assertThat(m.officers()).extracting(CompetenceMatrix.Officer::employeeId)
                .contains(chair.employeeId(), teamChair.employeeId(), f.people.get(1).employeeId())
                .doesNotContain(besideChair.employeeId());
        assertThat(m.skills()).containsExactlyInAnyOrder(f.safety, f.media);
        CompetenceMatrix.Officer c = m.officers().stream().filter(o -> o.employeeId() == chair.employeeId())
                .findFirst().orElseThrow();
        assertThat(c.cell(f.safety).level()).isEqualTo(Level.PROFICIENT);
        assertThat(c.cell(f.media).level()).isEqualTo(Level.PROFICIENT);
        assertThat(c.cell(f.media).percent()).isEqualByComparingTo("100");
        assertThat(c.assessmentsPassed()).isEqualTo(1);
        CompetenceMatrix.Officer t = m.officers().stream().filter(o -> o.employeeId() == teamChair.employeeId())
                .findFirst().orElseThrow();
        assertThat(t.cell(f.safety).level()).isEqualTo(Level.PROFICIENT);
        assertThat(t.cell(f.media).level()).isEqualTo(Level.NEEDS_WORK);
        assertThat(t.cell(f.media).percent()).isEqualByComparingTo("0");
        assertThat(t.assessmentsPassed()).isZero();
        assertThat(t.posts()).extracting(CompetenceMatrix.Post::unitName).containsExactly(f.team.name());
        CompetenceMatrix.Officer untested = m.officers().stream()
                .filter(o -> o.employeeId() == f.people.get(1).employeeId()).findFirst().orElseThrow();
        assertThat(untested.cell(f.safety).level()).isEqualTo(Level.UNTESTED);
        CompetenceMatrix.SkillRow media = m.skillRows().stream().filter(r -> r.skill().equals(f.media)).findFirst()
                .orElseThrow();
        assertThat(media.count("PROFICIENT")).isEqualTo(1);
        assertThat(media.count("NEEDS_WORK")).isEqualTo(1);
        assertThat(media.count("UNTESTED")).isEqualTo(1);
        assertThat(media.average()).isEqualByComparingTo("50");

        String page = mvc.perform(get("/training-admin/competence").with(as(f.officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String teamRow = page.substring(page.indexOf("id=\"officer-" + teamChair.employeeId() + "\""));
        teamRow = teamRow.substring(0, teamRow.indexOf("</tr>"));
        assertThat(teamRow).contains("data-level=\"NEEDS_WORK\"").contains("table-warning gap").contains("待提高 0%")
                .contains("熟练 100%");
        String teamOnly = mvc.perform(get("/training-admin/competence").param("unitId", Long.toString(f.team.id()))
                .with(as(f.officer))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(teamOnly).contains("id=\"officer-" + teamChair.employeeId() + "\"")
                .doesNotContain("id=\"officer-" + chair.employeeId() + "\"");
    }

    @Test
    void anotherUnitsOfficerSeesNothingOfThisSubtree() throws Exception {
        long assessment = f.assessment("旁观考核");
        assessments.assign(f.officer, assessment, AssessmentService.Group.OFFICERS, f.unit.unit().id(), List.of());
        take(chair, assessment, Set.of(f.safety, f.media));

        String besidePage = mvc.perform(get("/training-admin/competence").with(as(f.besideOfficer))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(besidePage).contains("id=\"officer-" + besideChair.employeeId() + "\"")
                .doesNotContain("id=\"officer-" + chair.employeeId() + "\"")
                .doesNotContain(f.unit.unit().name()).doesNotContain(f.safety);
        assertThat(mvc.perform(get("/training-admin/competence").param("unitId", Long.toString(f.unit.unit().id()))
                .with(as(f.besideOfficer))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThatThrownBy(() -> matrix.of(f.besideOfficer, f.team.id())).isInstanceOf(OutOfScopeException.class);
        assertThat(mvc.perform(get("/training-admin/competence").with(as(chair))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }
}
