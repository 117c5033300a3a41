package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.tongxin.insight.internal.Figures;
import org.tongxin.insight.internal.LiveKinds;
import org.tongxin.insight.internal.PublicityKinds;
import org.tongxin.insight.internal.Rollup;
import org.tongxin.insight.internal.TrainingKinds;
import org.tongxin.live.LiveSetup;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.publicity.PublicitySetup;
import org.tongxin.publicity.internal.Readership;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.training.TrainingSetup;
import org.tongxin.training.internal.AssessmentService;

/** Insight with every module it reads: each snapshot of training, publicity and live reaches its figures. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "identity")
@ActiveProfiles("test")
class LearningInsightModuleTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    Figures figures;
    @Autowired
    OrgSetup orgSetup;
    @Autowired
    OrgDirectory org;
    @Autowired
    TrainingSetup training;
    @Autowired
    AssessmentService assessments;
    @Autowired
    PublicitySetup publicity;
    @Autowired
    Readership readership;
    @Autowired
    LiveSetup live;

    /** A unit of its own with one employee: their viewer, the unit's officer (account 1) and the unit. */
    private record Place(OrgUnit unit, Viewer officer, Viewer person) {
    }

    private Place place(String name) {
        OrgUnit unit = orgSetup.createUnit(null, name + System.nanoTime(), UnitKind.COMPANY_UNION);
        String code = "LM" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(code, name + "部门", unit.id());
        OrgSetup.HrRow row = Fixtures.row(code);
        orgSetup.importEmployees(Fixtures.admin(1), "learning-module.csv", List.of(row));
        long employee = org.employeeIdsByNumber(List.of(row.employeeNo())).get(row.employeeNo());
        return new Place(unit, Fixtures.officer(1, unit.id()), Fixtures.employee(2, employee));
    }

    /** What this month added to a kind in the unit's subtree. */
    private Rollup.Totals month(String kind, long unit) {
        YearMonth now = YearMonth.now();
        return figures.rollup(List.of(kind), List.of(unit), now).flow(kind, null, unit, now, now);
    }

    private long course(Place p) {
        return training.course(p.officer(), p.unit().id(), "模块课程", "", "EMPLOYEES", p.unit().id(), null,
                List.of(new TrainingSetup.Lesson("第一课", "正文")));
    }

    @Test
    void anEnrolmentAndItsCompletionReachTheFigures(Scenario scenario) {
        Place p = place("模块培训工会");
        long course = course(p);
        long unit = p.unit().id();

        scenario.stimulate(() -> training.enrol(p.person(), course)).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> month(TrainingKinds.ENROLMENT, unit), t -> t.started() == 1)
                .andVerify(t -> assertThat(t.ended()).isZero());
        scenario.stimulate(() -> training.study(p.person(), course, 1)).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> month(TrainingKinds.ENROLMENT, unit), t -> t.ended() == 1)
                .andVerify(t -> assertThat(t.started()).isEqualTo(1));
    }

    @Test
    void aFailedAttemptPutsThePersonInRetraining(Scenario scenario) {
        Place p = place("模块考核工会");
        long unit = p.unit().id();
        String skill = "模块" + System.nanoTime() % 1_000_000;
        training.questions(p.officer(), List.of(TrainingSetup.Question.trueFalse(skill, 1, "对吗", true, "对")));
        long exam = training.exam(p.officer(), unit, "模块测验", 10, 60,
                List.of(new TrainingSetup.Rule("TRUE_FALSE", skill, 1, BigDecimal.TEN)));
        long assessment = training.assessment(p.officer(), "模块考核", exam, course(p), unit, 60,
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(10), null);

        scenario.stimulate(() -> assessments.assign(p.officer(), assessment, AssessmentService.Group.EMPLOYEES, unit,
                        List.of())).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> month(TrainingKinds.ASSESSED, unit), t -> t.started() == 1)
                .andVerify(t -> assertThat(month(TrainingKinds.ATTEMPT, unit).started()).isZero());
        scenario.stimulate(() -> training.attempt(p.person(), assessment, 0.0)).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> month(TrainingKinds.RETRAINING, unit), t -> t.started() == 1)
                .andVerify(t -> assertThat(month(TrainingKinds.ATTEMPT, unit).started()).isEqualTo(1));
    }

    @Test
    void publishingReadingAndSharingReachTheFigures(Scenario scenario) throws IOException {
        Place p = place("模块宣传工会");
        long unit = p.unit().id();
        Viewer writer = new Viewer(3, null, "写稿", Set.of(Role.OFFICER), Set.of(unit), Set.of(), false);
        Viewer reviewer = new Viewer(4, null, "审核", Set.of(Role.OFFICER), Set.of(unit), Set.of(), false);
        publicity.nameReviewer(writer, unit, reviewer.accountId());
        ByteArrayOutputStream cover = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1200, 630, BufferedImage.TYPE_INT_RGB), "png", cover);
        long item = publicity.write(writer, new PublicitySetup.Article(unit, "NEWS", "模块稿件", "", "<p>模块稿件</p>",
                cover.toByteArray(), List.of(), false));
        publicity.submit(writer, item);

        scenario.stimulate(() -> publicity.approve(reviewer, item, null)).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> month(PublicityKinds.ITEM, unit), t -> t.started() == 1)
                .andVerify(t -> assertThat(t.ended()).isZero());
        scenario.stimulate(() -> readership.read(item, "e:" + p.person().employeeId(), p.person().employeeId(), unit))
                .andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> month(PublicityKinds.READ, unit), t -> t.started() == 1)
                .andVerify(t -> assertThat(t.started()).isEqualTo(1));
        scenario.stimulate(() -> readership.shared(item, "WECHAT", LocalDate.now())).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> month(PublicityKinds.SHARE, unit), t -> t.value().signum() > 0)
                .andVerify(t -> assertThat(t.value()).isEqualByComparingTo("1"));
    }

    @Test
    void aSessionOnAirAndItsViewerReachTheFigures(Scenario scenario) {
        Place p = place("模块直播工会");
        long unit = p.unit().id();
        OffsetDateTime now = OffsetDateTime.now();
        long session = live.schedule(p.officer(), "模块直播", "", unit, 1, now.minusMinutes(1), now.plusMinutes(9),
                "SUBTREE", unit, List.of(), null, 50);

        scenario.stimulate(() -> live.push(p.officer(), session,
                        List.of(new LiveSetup.StreamFile("seg0.ts", new byte[188])))).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> month(LiveKinds.SESSION, unit), t -> t.started() == 1)
                .andVerify(t -> assertThat(t.started()).isEqualTo(1));
        // Ninety seconds: one whole minute, counted once the session has ended.
        scenario.stimulate(() -> live.watch(p.person(), session, false, 90_000, now.minusSeconds(5)))
                .andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> month(LiveKinds.VIEWER, unit), t -> t.started() == 1)
                .andVerify(t -> assertThat(t.value()).isEqualByComparingTo("0"));
        scenario.stimulate(() -> live.end(p.officer(), session)).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> month(LiveKinds.VIEWER, unit), t -> t.value().signum() > 0)
                .andVerify(t -> assertThat(t.value()).isEqualByComparingTo("1"));
    }
}
