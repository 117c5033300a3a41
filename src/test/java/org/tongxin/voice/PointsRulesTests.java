package org.tongxin.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.activity.HonourChanged;
import org.tongxin.activity.VolunteerHoursConfirmed;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.training.AssessmentPassed;
import org.tongxin.voice.internal.Points;

/** Points credited from other modules' events by the configured rules, once each, and taken back on revocation. */
class PointsRulesTests extends IntegrationTestSupport {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Points points;

    @Test
    void volunteeringHonoursAndAssessmentsEarnPointsOnceAndARevokedHonourIsTakenBack() {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("积分测试工会");
        OrgSetup.HrRow row = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "points.csv", List.of(row));
        long person = fixtures.employeeId(row.employeeNo());

        tx.executeWithoutResult(s -> {
            events.publishEvent(new VolunteerHoursConfirmed(9_000_001L, person, 150, "服务区春运志愿服务"));
            events.publishEvent(new HonourChanged(9_000_002L, person, "优秀志愿者", false));
            events.publishEvent(new AssessmentPassed(9_000_003L, person, "互联网+ 工会工作能力考核"));
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> points.balance(person) == 5 + 30 + 10);
        tx.executeWithoutResult(s -> events.publishEvent(new AssessmentPassed(9_000_003L, person, "重复投递")));
        tx.executeWithoutResult(s -> events.publishEvent(new HonourChanged(9_000_002L, person, "优秀志愿者", true)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> points.balance(person) == 5 + 10);
        assertThat(points.history(person, 10)).extracting(Points.Entry::source)
                .containsExactlyInAnyOrder("VOLUNTEER_HOURS", "HONOUR", "ASSESSMENT_PASSED", "CORRECTION");
        assertThat(jdbc.sql("SELECT count(*) FROM voice_points WHERE employee_id = ? AND unit_id = ?")
                .params(person, unit.unit().id()).query(Long.class).single()).isEqualTo(4);
    }
}
