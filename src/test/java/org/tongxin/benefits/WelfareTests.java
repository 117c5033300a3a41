package org.tongxin.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.benefits.internal.Welfare;
import org.tongxin.benefits.internal.WelfareRound;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

class WelfareTests extends IntegrationTestSupport {

    @Autowired
    Welfare welfare;
    @Autowired
    MembershipSetup membership;

    Fixtures.UnitWithDepartment station;
    Viewer chair;
    Viewer otherChair;
    Viewer committee;
    int year;

    @BeforeEach
    void aStationWithItsChairAndTheCommitteesCap() {
        station = fixtures.grassroots("福利测试收费站");
        Fixtures.UnitWithDepartment other = fixtures.grassroots("福利测试服务区");
        OrgSetup.HrRow c = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow o = Fixtures.row(other.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "welfare-chairs.csv", List.of(c, o));
        long chairAccount = fixtures.accountId(fixtures.employeeId(c.employeeNo()));
        fixtures.chair(chairAccount, station.unit().id(), false);
        chair = Fixtures.officerWithoutCare(chairAccount, station.unit().id());
        long otherAccount = fixtures.accountId(fixtures.employeeId(o.employeeNo()));
        fixtures.chair(otherAccount, other.unit().id(), false);
        otherChair = Fixtures.officerWithoutCare(otherAccount, other.unit().id());
        committee = Fixtures.committee(fixtures.adminAccountId());
        year = welfare.now().plusHours(1).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        if (welfare.cap(year).isEmpty()) {
            welfare.setCap(committee, year, new BigDecimal("1800"));
        }
    }

    /** Employees of the unit who joined the union a year ago. */
    List<Viewer> members(Fixtures.UnitWithDepartment unit, int n) {
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "welfare-members.csv", rows);
        List<Viewer> viewers = new ArrayList<>();
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            membership.enrol(id, unit.unit().id(), welfare.today().minusYears(1));
            viewers.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        return viewers;
    }

    long round(String budget) {
        OffsetDateTime now = welfare.now();
        return welfare.create(chair, new Welfare.Draft(station.unit().id(), WelfareRound.Occasion.MID_AUTUMN,
                "中秋福利测试", new BigDecimal(budget), welfare.today().minusDays(1), now.minusMinutes(1),
                now.plusDays(7)));
    }

    static String refusal(Runnable r) {
        try {
            r.run();
        } catch (Refusal e) {
            return e.messageKey();
        }
        return null;
    }

    int taken(long packageId) {
        return jdbc.sql("SELECT taken FROM welfare_package WHERE id = ?").param(packageId).query(Integer.class).single();
    }

    Long held(long roundId, Viewer member) {
        return jdbc.sql("SELECT package_id FROM welfare_entitlement WHERE round_id = ? AND employee_id = ?")
                .params(roundId, member.employeeId()).query(Long.class).optional().orElse(null);
    }

    @Test
    void aRoundFromPickToCollectionKeepsStockBudgetAndTotalsTrue() {
        List<Viewer> people = members(station, 3);
        // On maternity leave: still on the books, still in the round.
        jdbc.sql("UPDATE employee SET status = 'LEAVE' WHERE id = ?").param(people.get(2).employeeId()).update();
        // Employed but not a union member, and a member who joined after the eligibility day: neither is in.
        OrgSetup.HrRow outsider = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow late = Fixtures.row(station.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "welfare-out.csv", List.of(outsider, late));
        long lateId = fixtures.employeeId(late.employeeNo());
        membership.enrol(lateId, station.unit().id(), welfare.today());

        long round = round("300");
        long oil = welfare.addPackage(chair, round, new Welfare.PackageDraft("粮油礼包", "5L 油、10kg 米", new BigDecimal("280"),
                "粮油公司", 3));
        long fruit = welfare.addPackage(chair, round, new Welfare.PackageDraft("水果礼盒", "", new BigDecimal("300.00"),
                "果品公司", 1));
        assertThat(refusal(() -> welfare.addPackage(chair, round, new Welfare.PackageDraft("超标礼包", "",
                new BigDecimal("300.01"), "某公司", 9)))).isEqualTo("benefits.welfare.error.priceOverBudget");
        assertThat(welfare.find(round).orElseThrow().defaultPackageId()).isEqualTo(oil);

        assertThat(welfare.open(chair, round)).isEqualTo(3);
        WelfareRound opened = welfare.find(round).orElseThrow();
        assertThat(opened.budget()).isEqualByComparingTo("900");
        assertThat(refusal(() -> welfare.addPackage(chair, round, new Welfare.PackageDraft("迟到礼包", "",
                new BigDecimal("100"), "某公司", 9)))).isEqualTo("benefits.welfare.error.notDraft");
        long outsiderId = fixtures.employeeId(outsider.employeeNo());
        assertThatThrownBy(() -> welfare.pick(Fixtures.employee(fixtures.accountId(outsiderId), outsiderId), round, oil))
                .isInstanceOf(Refusal.class).hasMessage("benefits.welfare.error.notEligible");
        assertThatThrownBy(() -> welfare.forMember(Fixtures.employee(fixtures.accountId(lateId), lateId), round))
                .isInstanceOf(NotFoundException.class);

        Viewer a = people.get(0);
        Viewer b = people.get(1);
        Viewer c = people.get(2);
        welfare.pick(a, round, fruit);
        assertThat(refusal(() -> welfare.pick(b, round, fruit))).isEqualTo("benefits.welfare.error.soldOut");
        welfare.pick(b, round, oil);
        welfare.pick(a, round, oil); // a changes their mind: the fruit box is free again
        assertThat(taken(fruit)).isZero();
        welfare.pick(b, round, fruit);
        welfare.pick(b, round, fruit); // the same pick twice changes nothing
        assertThat(taken(fruit)).isEqualTo(1);
        assertThat(taken(oil)).isEqualTo(1);
        assertThat(held(round, a)).isEqualTo(oil);
        assertThat(held(round, b)).isEqualTo(fruit);

        assertThat(welfare.closeDue(opened.closesAt().minusSeconds(1))).doesNotContain(round);
        assertThat(welfare.closeDue(opened.closesAt().plusSeconds(1))).contains(round);
        assertThat(welfare.closeDue(opened.closesAt().plusSeconds(2))).doesNotContain(round);
        assertThat(held(round, c)).isEqualTo(oil);
        assertThat(taken(oil)).isEqualTo(2);
        assertThat(refusal(() -> welfare.pick(a, round, fruit))).isEqualTo("benefits.welfare.error.closed");
        Awaitility.await("the member who did not pick is told of the default").atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT count(*) FROM notification WHERE employee_id = ? AND title LIKE '%中秋福利测试%'"
                                + " AND body LIKE '%粮油礼包%'").param(c.employeeId()).query(Long.class).single() == 1);

        long site = station.unit().id();
        assertThat(refusal(() -> welfare.sign(a, round))).isEqualTo("benefits.welfare.error.notDelivered");
        assertThatThrownBy(() -> welfare.confirmDelivery(otherChair, round, site, "")).isInstanceOf(OutOfScopeException.class);
        welfare.confirmDelivery(chair, round, site, "下午两点到货");
        assertThat(refusal(() -> welfare.confirmDelivery(chair, round, site, ""))).isEqualTo("benefits.welfare.error.delivered");
        welfare.sign(a, round);
        assertThat(refusal(() -> welfare.sign(a, round))).isEqualTo("benefits.welfare.error.collected");
        long bPlace = placeOf(round, b);
        long cPlace = placeOf(round, c);
        assertThatThrownBy(() -> welfare.markCollected(otherChair, bPlace)).isInstanceOf(OutOfScopeException.class);
        welfare.markCollected(chair, bPlace);
        assertThat(refusal(() -> welfare.markException(chair, cPlace, "OTHER", " "))).isEqualTo("benefits.welfare.error.note");
        welfare.markException(chair, cPlace, "LEAVE", "休产假");
        assertThat(welfare.totals(chair, round).openExceptions()).isEqualTo(1);
        welfare.closeException(chair, cPlace, "RETURNED");

        Welfare.Totals totals = welfare.totals(chair, round);
        assertThat(totals.members()).isEqualTo(3);
        assertThat(totals.picked()).isEqualTo(2);
        assertThat(totals.byDefault()).isEqualTo(1);
        assertThat(totals.collected()).isEqualTo(2);
        assertThat(totals.openExceptions()).isZero();
        assertThat(totals.returned()).isEqualTo(1);
        assertThat(totals.spend()).isEqualByComparingTo("580").isLessThanOrEqualTo(totals.round().budget());
        assertThat(totals.sites()).singleElement().satisfies(s -> {
            assertThat(s.siteId()).isEqualTo(site);
            assertThat(s.deliveredAt()).isNotNull();
            assertThat(s.collected()).isEqualTo(2);
        });
        assertThat(totals.suppliers()).extracting(Welfare.Count::supplier, Welfare.Count::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("果品公司", 1), org.assertj.core.groups.Tuple.tuple("粮油公司", 1));
        assertThat(welfare.pickList(chair, round, site)).hasSize(3);
        assertThatThrownBy(() -> welfare.totals(otherChair, round)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> welfare.pickList(otherChair, round, site)).isInstanceOf(OutOfScopeException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action LIKE 'benefits.welfare.%' AND target_id = ?")
                .param(Long.toString(round)).query(Long.class).single()).isGreaterThanOrEqualTo(5);
    }

    long placeOf(long round, Viewer member) {
        return jdbc.sql("SELECT id FROM welfare_entitlement WHERE round_id = ? AND employee_id = ?")
                .params(round, member.employeeId()).query(Long.class).single();
    }

    @Test
    void theCapCountsEveryRoundOfTheYearAMemberIsIn() {
        members(station, 2);
        welfare.setCap(committee, year, new BigDecimal("1800"));
        long first = round("1500");
        welfare.setDefault(chair, first, welfare.addPackage(chair, first, new Welfare.PackageDraft("购物卡", "",
                new BigDecimal("1500"), "商场", 10)));
        welfare.open(chair, first);
        long second = round("300.01");
        welfare.addPackage(chair, second, new Welfare.PackageDraft("月饼", "", new BigDecimal("300"), "食品厂", 10));
        assertThat(refusal(() -> welfare.open(chair, second))).isEqualTo("benefits.welfare.error.overCapWithOthers");
        assertThat(welfare.find(second).orElseThrow().status()).isEqualTo(WelfareRound.Status.DRAFT);
        assertThat(jdbc.sql("SELECT count(*) FROM welfare_entitlement WHERE round_id = ?").param(second)
                .query(Long.class).single()).isZero();
        welfare.update(chair, second, new Welfare.Draft(station.unit().id(), WelfareRound.Occasion.MID_AUTUMN, "中秋福利测试",
                new BigDecimal("300"), welfare.today().minusDays(1), welfare.now().minusMinutes(1), welfare.now().plusDays(7)));
        assertThat(welfare.open(chair, second)).isEqualTo(2);
        assertThatThrownBy(() -> welfare.setCap(chair, year, BigDecimal.TEN)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDefaultNotStockedForEveryMemberOrAnOtherUnitsRoundIsRefused() {
        members(station, 3);
        long round = round("300");
        welfare.addPackage(chair, round, new Welfare.PackageDraft("电影卡", "", new BigDecimal("200"), "影院", 2));
        assertThat(refusal(() -> welfare.open(chair, round))).isEqualTo("benefits.welfare.error.defaultStock");
        assertThatThrownBy(() -> welfare.open(otherChair, round)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> welfare.create(otherChair, new Welfare.Draft(station.unit().id(),
                WelfareRound.Occasion.SPRING_FESTIVAL, "越权", new BigDecimal("100"), welfare.today(), welfare.now(),
                welfare.now().plusDays(1)))).isInstanceOf(OutOfScopeException.class);
        assertThat(refusal(() -> welfare.create(chair, new Welfare.Draft(station.unit().id(),
                WelfareRound.Occasion.SPRING_FESTIVAL, "超上限", new BigDecimal("1800.01"), welfare.today(),
                welfare.now(), welfare.now().plusDays(1))))).isEqualTo("benefits.welfare.error.overCap");
        assertThat(refusal(() -> welfare.create(chair, new Welfare.Draft(station.unit().id(),
                WelfareRound.Occasion.SPRING_FESTIVAL, "倒序", new BigDecimal("100"), welfare.today(),
                welfare.now().plusDays(2), welfare.now().plusDays(1))))).isEqualTo("benefits.welfare.error.window");
    }

    @Test
    void aBranchsOfficerDistributesTheStationsRoundAtTheBranchOnly() {
        members(station, 2);
        OrgUnit branch = orgSetup.createUnit(station.unit().id(), "福利测试养护分会" + System.nanoTime(), UnitKind.BRANCH);
        String code = "WB" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(code, "养护", branch.id());
        Fixtures.UnitWithDepartment crew = new Fixtures.UnitWithDepartment(branch, code);
        List<Viewer> crewMembers = members(crew, 1);
        OrgSetup.HrRow b = Fixtures.row(code);
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "welfare-branch.csv", List.of(b));
        long branchAccount = fixtures.accountId(fixtures.employeeId(b.employeeNo()));
        fixtures.chair(branchAccount, branch.id(), false);
        Viewer branchChair = Fixtures.officerWithoutCare(branchAccount, branch.id());
        long round = round("300");
        welfare.addPackage(chair, round, new Welfare.PackageDraft("粮油礼包", "", new BigDecimal("280"), "粮油公司", 10));
        assertThat(welfare.forOfficer(branchChair)).extracting(WelfareRound::id).doesNotContain(round);
        welfare.open(chair, round);

        assertThat(welfare.forOfficer(branchChair)).extracting(WelfareRound::id).contains(round);
        assertThat(welfare.forOfficer(otherChair)).extracting(WelfareRound::id).doesNotContain(round);
        assertThat(welfare.sitesManaged(branchChair, welfare.find(round).orElseThrow())).extracting(OrgUnit::id)
                .containsExactly(branch.id());
        assertThat(welfare.sitesManaged(chair, welfare.find(round).orElseThrow())).extracting(OrgUnit::id)
                .containsExactlyInAnyOrder(station.unit().id(), branch.id());
        Welfare.Totals seen = welfare.totals(branchChair, round);
        assertThat(seen.members()).isEqualTo(crewMembers.size());
        assertThat(seen.sites()).extracting(Welfare.Site::siteId).containsExactly(branch.id());
        assertThat(welfare.totals(chair, round).members()).isEqualTo(seen.members() + 2);
        assertThatThrownBy(() -> welfare.pickList(branchChair, round, station.unit().id()))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> welfare.restock(branchChair, round, welfare.packages(round).getFirst().id(), 20))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void membersOfAShiftGroupCollectAtTheirStation() {
        OrgUnit group = orgSetup.createUnit(station.unit().id(), "福利测试一班小组" + System.nanoTime(), UnitKind.GROUP);
        String code = "WG" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(code, "一班", group.id());
        List<Viewer> shift = members(new Fixtures.UnitWithDepartment(group, code), 1);
        long round = round("300");
        welfare.addPackage(chair, round, new Welfare.PackageDraft("粮油礼包", "", new BigDecimal("280"), "粮油公司", 10));
        welfare.open(chair, round);
        assertThat(jdbc.sql("SELECT site_id FROM welfare_entitlement WHERE round_id = ? AND employee_id = ?")
                .params(round, shift.getFirst().employeeId()).query(Long.class).single()).isEqualTo(station.unit().id());
    }

    /** More members than the last packages of the popular option tap at the same moment: exactly the stock is taken. */
    @Test
    void theLastPackagesOfAPopularOptionAreNeverOversold() throws Exception {
        int people = 24;
        int stock = 5;
        List<Viewer> rush = members(station, people);
        long round = round("300");
        long oil = welfare.addPackage(chair, round, new Welfare.PackageDraft("粮油礼包", "", new BigDecimal("280"),
                "粮油公司", people));
        long card = welfare.addPackage(chair, round, new Welfare.PackageDraft("购物卡", "", new BigDecimal("300"),
                "商场", stock));
        welfare.open(chair, round);
        // Half of them hold the oil first, so the rush also moves stock between two packages.
        for (int i = 0; i < people / 2; i++) {
            welfare.pick(rush.get(i), round, oil);
        }
        ExecutorService pool = Executors.newFixedThreadPool(people);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (Viewer v : rush) {
                results.add(pool.submit(() -> {
                    gate.await();
                    return refusal(() -> welfare.pick(v, round, card));
                }));
            }
            gate.countDown();
            int won = 0;
            for (Future<String> f : results) {
                String refused = f.get(60, TimeUnit.SECONDS);
                if (refused == null) {
                    won++;
                } else {
                    assertThat(refused).isEqualTo("benefits.welfare.error.soldOut");
                }
            }
            assertThat(won).isEqualTo(stock);
        } finally {
            pool.shutdownNow();
        }
        assertThat(taken(card)).isEqualTo(stock);
        assertThat(jdbc.sql("SELECT count(*) FROM welfare_entitlement WHERE package_id = ?").param(card)
                .query(Long.class).single()).isEqualTo(stock);
        assertThat(jdbc.sql("SELECT count(*) FROM welfare_entitlement WHERE package_id = ?").param(oil)
                .query(Long.class).single()).isEqualTo(taken(oil));
    }
}
