package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.tongxin.care.internal.AidService;
import org.tongxin.care.internal.CareRecords;
import org.tongxin.care.internal.CareService;
import org.tongxin.insight.internal.Figures;
import org.tongxin.insight.internal.PeopleKinds;
import org.tongxin.insight.internal.Rollup;
import org.tongxin.membership.internal.MembershipService;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.support.Fixtures;

/**
 * Insight with the modules it reads: applications to join, care cases and hardship aid reach its figures through
 * their snapshot events.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "identity")
@ActiveProfiles("test")
class PeopleInsightModuleTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    MembershipService membership;
    @Autowired
    CareService care;
    @Autowired
    CareRecords careRecords;
    @Autowired
    AidService aid;
    @Autowired
    OrgSetup orgSetup;
    @Autowired
    OrgDirectory org;
    @Autowired
    Figures figures;

    private OrgUnit unitWithDepartment(String name, String code) {
        OrgUnit unit = orgSetup.createUnit(null, name + System.nanoTime() % 100000, UnitKind.COMPANY_UNION);
        orgSetup.createDepartment(code, name + "部门", unit.id());
        return unit;
    }

    private long employeeIn(String department) {
        OrgSetup.HrRow row = Fixtures.row(department);
        orgSetup.importEmployees(Fixtures.admin(1), "people-module.csv", List.of(row));
        return org.employeeIdsByNumber(List.of(row.employeeNo())).get(row.employeeNo());
    }

    private Rollup rollup(String kind, long unit) {
        return figures.rollup(List.of(kind), List.of(unit), YearMonth.now());
    }

    private long level(String kind, long unit) {
        return rollup(kind, unit).level(kind, null, unit, YearMonth.now());
    }

    private Rollup.Totals flow(String kind, long unit) {
        return rollup(kind, unit).flow(kind, null, unit, YearMonth.now(), YearMonth.now());
    }

    @Test
    void anApplicationIsPendingUntilItIsApproved(Scenario scenario) {
        String code = "PIM" + System.nanoTime() % 1_000_000;
        OrgUnit unit = unitWithDepartment("看板模块申请工会", code);
        long employee = employeeIn(code);

        AtomicLong application = new AtomicLong();
        scenario.stimulate(() -> membership.apply(Fixtures.employee(2, employee), true))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> level(PeopleKinds.APPLICATION, unit.id()), pending -> pending == 1)
                .andVerify((pending, id) -> {
                    application.set(id);
                    assertThat(figures.overdue(PeopleKinds.APPLICATION, unit.path(), LocalDate.now())).isEmpty();
                });
        scenario.stimulate(() -> membership.approve(Fixtures.officer(1, unit.id()), application.get()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> flow(PeopleKinds.APPLICATION, unit.id()), t -> t.ended() == 1)
                .andVerify(t -> assertThat(level(PeopleKinds.APPLICATION, unit.id())).isZero());
    }

    @Test
    void aDownwardMoveOpensACaseUntilItIsClosed(Scenario scenario) {
        String code = "PIC" + System.nanoTime() % 1_000_000;
        OrgUnit unit = unitWithDepartment("看板模块关爱工会", code);
        long employee = employeeIn(code);

        AtomicLong move = new AtomicLong();
        scenario.stimulate(() -> care.recordMove(Fixtures.committee(1), new CareService.MoveForm(employee,
                        LocalDate.now(), "G6", "养护工区", "养护工", "G3", "", "撤并", null)))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> level(PeopleKinds.CARE_CASE, unit.id()), open -> open == 1)
                .andVerify((open, id) -> {
                    move.set(id);
                    assertThat(rollup(PeopleKinds.CARE_CASE, unit.id())
                            .levelByCategory(PeopleKinds.CARE_CASE, unit.id(), YearMonth.now()))
                            .containsEntry("DOWN", 1L);
                });
        long caseId = careRecords.caseOfMove(move.get()).orElseThrow().id();
        scenario.stimulate(() -> care.close(Fixtures.committee(1), caseId, "已适应新岗位"))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> flow(PeopleKinds.CARE_CASE, unit.id()), t -> t.ended() == 1)
                .andVerify(t -> assertThat(level(PeopleKinds.CARE_CASE, unit.id())).isZero());
    }

    @Test
    void hardshipAidAppliedForIsInReviewAndOncePaidCountsItsYuan(Scenario scenario) {
        String code = "PIA" + System.nanoTime() % 1_000_000;
        OrgUnit unit = unitWithDepartment("看板模块帮扶工会", code);
        long employee = employeeIn(code);

        AtomicLong applied = new AtomicLong();
        scenario.stimulate(() -> aid.applyForSelf(Fixtures.employee(2, employee),
                        new AidService.AidForm("ILLNESS", "3000", "住院治疗，自付较多。"), List.of()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> level(PeopleKinds.AID, unit.id()), inReview -> inReview == 1)
                .andVerify((inReview, id) -> applied.set(id));
        scenario.stimulate(() -> {
                    aid.review(Fixtures.committee(1), applied.get(), "APPROVE", "2000", "同意");
                    aid.pay(Fixtures.committee(1), applied.get(), LocalDate.now(), "2000", "CASH");
                })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> flow(PeopleKinds.AID_PAID, unit.id()).value(),
                        paid -> paid.signum() > 0)
                .andVerify(paid -> {
                    assertThat(paid).isEqualByComparingTo(new BigDecimal("2000"));
                    assertThat(level(PeopleKinds.AID, unit.id())).isZero();
                });
    }
}
