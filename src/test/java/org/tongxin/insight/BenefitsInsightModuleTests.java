package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.tongxin.benefits.internal.DuesService;
import org.tongxin.benefits.internal.Offers;
import org.tongxin.benefits.internal.Welfare;
import org.tongxin.benefits.internal.WelfareRound;
import org.tongxin.insight.internal.BenefitsKinds;
import org.tongxin.insight.internal.Figures;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;

/**
 * The benefits module's snapshots — a welfare round's sites, vouchers, dues — flow into insight's read model.
 * Identity comes in too: it provides the officers of a unit ({@code org.UnitOfficers}) that voice and rights need, yet
 * no module depends on it.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "identity")
@ActiveProfiles("test")
class BenefitsInsightModuleTests {

    @Autowired
    Welfare welfare;
    @Autowired
    Offers offers;
    @Autowired
    DuesService dues;
    @Autowired
    OrgSetup orgSetup;
    @Autowired
    OrgDirectory org;
    @Autowired
    MembershipSetup membership;
    @Autowired
    Figures figures;

    private OrgUnit unit;
    private long member;

    private void aUnitWithAMember(String name) {
        unit = orgSetup.createUnit(null, name + System.nanoTime(), UnitKind.COMPANY_UNION);
        String department = "BIM" + System.nanoTime() % 100_000;
        orgSetup.createDepartment(department, name + "部门", unit.id());
        OrgSetup.HrRow row = Fixtures.row(department);
        orgSetup.importEmployees(Fixtures.admin(1), "insight-benefits.csv", List.of(row));
        member = org.employeeIdsByNumber(List.of(row.employeeNo())).get(row.employeeNo());
        membership.enrol(member, unit.id(), LocalDate.now().minusYears(1));
    }

    private BigDecimal value(String kind, String category) {
        YearMonth now = YearMonth.now();
        return figures.rollup(List.of(kind), List.of(unit.id()), now).flow(kind, category, unit.id(), now, now).value();
    }

    private long started(String kind, String category) {
        YearMonth now = YearMonth.now();
        return figures.rollup(List.of(kind), List.of(unit.id()), now).flow(kind, category, unit.id(), now, now)
                .started();
    }

    @Test
    void anOpenedRoundCountsItsMembersAtTheirSite(Scenario scenario) {
        Assumptions.assumeTrue(InsightStory.sameMonthAsBeijing());
        aUnitWithAMember("福利看板模块工会");
        Viewer officer = Fixtures.officer(1, unit.id());
        int year = welfare.today().getYear();
        if (welfare.cap(year).isEmpty()) {
            welfare.setCap(Fixtures.committee(1), year, new BigDecimal("1800"));
        }
        long round = welfare.create(officer, new Welfare.Draft(unit.id(), WelfareRound.Occasion.OTHER, "看板模块福利",
                new BigDecimal("200"), welfare.today(), welfare.now().minusMinutes(1), welfare.now().plusDays(3)));
        welfare.setDefault(officer, round, welfare.addPackage(officer, round, new Welfare.PackageDraft("礼包", "",
                new BigDecimal("150"), "供应商", 10)));

        scenario.stimulate(() -> welfare.open(officer, round))
                .andWaitForStateChange(() -> value(BenefitsKinds.WELFARE_MEMBERS, null), v -> v.signum() > 0)
                .andVerify(members -> assertThat(members).isEqualByComparingTo("1"));
    }

    @Test
    void aClaimedVoucherIsCountedInTheHoldersUnit(Scenario scenario) {
        Assumptions.assumeTrue(InsightStory.sameMonthAsBeijing());
        aUnitWithAMember("券看板模块工会");
        Offers.Published offer = offers.publish(Fixtures.officer(1, unit.id()), new Offers.Draft(unit.id(), "景区",
                "门票 5 折", "", "TICKETS", offers.today().toString(), offers.today().plusDays(10).toString(), "5"));

        scenario.stimulate(() -> offers.claim(Fixtures.employee(1, member), offer.id()))
                .andWaitForStateChange(() -> started(BenefitsKinds.VOUCHER_ISSUED, "TICKETS"), n -> n > 0)
                .andVerify(n -> assertThat(n).isEqualTo(1));
    }

    @Test
    void duesPaidInCashAreCountedInTheMonth(Scenario scenario) {
        aUnitWithAMember("会费看板模块工会");

        scenario.stimulate(() -> dues.recordCash(Fixtures.officer(1, unit.id()), member, YearMonth.now().toString(),
                        "15.00"))
                .andWaitForStateChange(() -> value(BenefitsKinds.DUES, null), v -> v.signum() > 0)
                .andVerify(yuan -> assertThat(yuan).isEqualByComparingTo("15.00"));
    }
}
