package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.insight.LearningSections.kpi;
import static org.tongxin.insight.LearningSections.last;
import static org.tongxin.insight.LearningSections.values;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.insight.internal.Facts;
import org.tongxin.insight.internal.InsightSection;
import org.tongxin.insight.internal.Rebuild;
import org.tongxin.insight.internal.Scope;
import org.tongxin.insight.internal.Section;
import org.tongxin.insight.internal.TrainingKinds;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.training.TrainingSetup;
import org.tongxin.training.internal.AssessmentService;
import org.tongxin.training.internal.CourseService;

/**
 * Training's figures kept from its snapshots: a small story of enrolments, an assessment with a failure, retraining
 * and a second attempt, counted by hand; and the same figures rebuilt from training's history.
 */
class TrainingInsightTests extends IntegrationTestSupport {

    private static final List<String> KINDS = List.of(TrainingKinds.ENROLMENT, TrainingKinds.ASSESSED,
            TrainingKinds.ATTEMPT, TrainingKinds.RETRAINING);

    @Autowired
    Facts facts;
    @Autowired
    Rebuild rebuild;
    @Autowired
    List<InsightSection> sections;
    @Autowired
    TrainingSetup training;
    @Autowired
    CourseService courses;
    @Autowired
    AssessmentService assessments;

    @Test
    void enrolmentsAssessmentsAndRetrainingAreCountedByHandAndTheSameRebuilt() {
        Fixtures.UnitWithDepartment station = fixtures.grassroots("培训看板收费站");
        OrgUnit team = orgSetup.createUnit(station.unit().id(), "培训看板一班" + System.nanoTime(), UnitKind.GROUP);
        String teamCode = "TI" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(teamCode, "培训看板一班", team.id());
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(station.departmentCode()),
                Fixtures.row(station.departmentCode()), Fixtures.row(station.departmentCode()), Fixtures.row(teamCode),
                Fixtures.row(teamCode));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "training-insight.csv", rows);
        List<Viewer> people = new ArrayList<>();
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            people.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        Viewer p1 = people.get(0);
        Viewer p2 = people.get(1);
        Viewer p3 = people.get(2);
        Viewer t1 = people.get(3);
        long unit = station.unit().id();
        Viewer officer = Fixtures.officer(fixtures.adminAccountId(), unit);

        String skill = "看板" + System.nanoTime() % 1_000_000;
        training.questions(officer, List.of(
                TrainingSetup.Question.single(skill, 1, "题一", 0, "因为", "甲", "乙"),
                TrainingSetup.Question.single(skill, 1, "题二", 1, "因为", "甲", "乙")));
        long exam = training.exam(officer, unit, "看板测验", 30, 60,
                List.of(new TrainingSetup.Rule("SINGLE", skill, 2, new BigDecimal("50"))));
        List<TrainingSetup.Lesson> lessons = List.of(new TrainingSetup.Lesson("第一课", "正文一"),
                new TrainingSetup.Lesson("第二课", "正文二"));
        long course = training.course(officer, unit, "看板课程", "", "EMPLOYEES", unit, null, lessons);
        long retraining = training.course(officer, unit, "看板补训", "", "EMPLOYEES", unit, null, lessons);

        // Enrolments: two completed, one assigned and open; one made four months ago, in the previous period.
        training.enrol(p1, course);
        training.study(p1, course, 2);
        courses.assign(officer, course, List.of(p2.employeeId()), LocalDate.now().plusDays(5));
        training.enrol(t1, course);
        training.study(t1, course, 2);
        training.enrol(p3, course);
        training.backdateEnrolments(course, p3.employeeId(), Duration.ofDays(120));

        // Everyone of the station is assessed: p1 passes, p2 fails and is in retraining, t1 fails, retrains and
        // passes; p3 and the second of the team have not taken it.
        long assessment = training.assessment(officer, "看板考核", exam, retraining, unit, 60,
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(20), null);
        assessments.assign(officer, assessment, AssessmentService.Group.EMPLOYEES, unit, List.of());
        assertThat(training.attempt(p1, assessment, 1.0)).isTrue();
        assertThat(training.attempt(p2, assessment, 0.0)).isFalse();
        assertThat(training.attempt(t1, assessment, 0.0)).isFalse();
        training.study(t1, retraining, 2);
        assertThat(training.attempt(t1, assessment, 1.0)).isTrue();

        YearMonth now = YearMonth.now();
        Scope scope = new Scope(officer, station.unit(), List.of(team), now.minusMonths(2), now);
        Awaitility.await("the snapshots reach insight").atMost(Duration.ofSeconds(30)).until(() -> {
            Section s = LearningSections.build(sections, "training", scope);
            return n(kpi(s, "enrolled").value()) == 5 && n(kpi(s, "enrolled").previous()) == 1
                    && n(kpi(s, "completed").value()) == 3 && n(kpi(s, "retraining").value()) == 1
                    && n(values(s, "training-funnel", 0).get(2)) == 2
                    && n(last(s, "training-trend", 1)) == 3;
        });
        Section s = LearningSections.build(sections, "training", scope);
        // Enrolled in the months: p1, p2, t1 in the course, p2 and t1 in retraining; done: p1, t1, t1's retraining.
        assertThat(kpi(s, "completion").value()).isEqualByComparingTo("60.0");
        assertThat(kpi(s, "completion").previous()).isEqualByComparingTo("0.0");
        assertThat(kpi(s, "completed").previous()).isEqualByComparingTo("0");
        // Five assessed, two passed; no assessment opened in the previous period.
        assertThat(kpi(s, "passRate").value()).isEqualByComparingTo("40.0");
        assertThat(kpi(s, "passRate").previous()).isNull();
        assertThat(kpi(s, "retraining").previous()).isEqualByComparingTo("0");
        assertThat(kpi(s, "retrainingOverdue").value()).isEqualByComparingTo("0");
        assertThat(values(s, "training-funnel", 0)).extracting(BigDecimal::longValue).containsExactly(5L, 3L, 2L);
        assertThat(values(s, "training-trend", 0)).extracting(BigDecimal::longValue).containsExactly(0L, 0L, 5L);
        assertThat(last(s, "training-trend", 2)).isEqualByComparingTo("1");
        assertThat(last(s, "training-rates", 0)).isEqualByComparingTo("60.0");
        // Four attempts, two passed.
        assertThat(last(s, "training-rates", 1)).isEqualByComparingTo("50.0");
        // The team: t1's two enrolments done; t1 passed, the other not yet.
        assertThat(values(s, "training-children", 0)).containsExactly(new BigDecimal("100.0"));
        assertThat(values(s, "training-children", 1)).containsExactly(new BigDecimal("50.0"));
        assertThat(values(s, "training-children-people", 0)).extracting(BigDecimal::longValue).containsExactly(2L);
        assertThat(values(s, "training-children-people", 1)).extracting(BigDecimal::longValue).containsExactly(0L);

        List<String> live = LearningSections.rows(facts, KINDS, unit, team.id());
        assertThat(live).isNotEmpty();
        rebuild.run();
        assertThat(LearningSections.rows(facts, KINDS, unit, team.id())).isEqualTo(live);
    }

    private static long n(BigDecimal value) {
        return value == null ? -1 : value.longValue();
    }
}
