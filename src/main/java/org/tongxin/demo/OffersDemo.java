package org.tongxin.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongxin.benefits.OffersSetup;
import org.tongxin.identity.AccountSetup;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup.HrRow;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

/**
 * Two partner offers open to the whole enterprise — a health check at a hospital near the management centre and a
 * scenic-area ticket discount — published by the committee, with a few vouchers claimed at the demo officer's toll
 * station and one of them used; and the birthday benefit switched on (a ¥100 cake voucher) and issued this month to
 * the members born in it. A year of history for the dashboards: four earlier offers over the past year, each claimed
 * by some members across the enterprise and about half of the vouchers used, and the birthday benefits of the eleven
 * months before this one.
 */
@Component
class OffersDemo {

    private final OffersSetup offers;
    private final AccountSetup accounts;
    private final OrgDirectory directory;
    private final MemberDirectory members;
    private final long seed;

    OffersDemo(OffersSetup offers, AccountSetup accounts, OrgDirectory directory, MemberDirectory members,
               @Value("${tongxin.demo.seed:2026}") long seed) {
        this.offers = offers;
        this.accounts = accounts;
        this.directory = directory;
        this.members = members;
        this.seed = seed;
    }

    /**
     * @param demoLogins the demo officer, employee and committee member, in that order
     */
    void load(Collection<OrgUnit> units, long stationId, List<HrRow> demoLogins) {
        OrgUnit company = units.stream().filter(u -> u.kind() == UnitKind.COMPANY_UNION).findFirst().orElseThrow();
        HrRow committeeRow = demoLogins.get(2);
        Map<String, Long> ids = directory.employeeIdsByNumber(List.of(committeeRow.employeeNo()));
        EmployeeSummary committeePerson = directory.employee(ids.get(committeeRow.employeeNo())).orElseThrow();
        Viewer committee = new Viewer(accounts.accountId(committeeRow.employeeNo()), committeePerson.id(),
                committeePerson.name(), Set.of(Role.EMPLOYEE, Role.OFFICER, Role.COMMITTEE), Set.of(company.id()),
                Set.of(), false);
        LocalDate today = LocalDate.now();

        long health = offers.offer(committee, company.id(), "成都高新区第一人民医院体检中心", "职工健康体检套餐 6 折",
                "含血常规、肝肾功能、心电图、腹部彩超等 28 项，凭券预约，周一至周六上午体检。地址：管理中心向南 800 米。",
                "HEALTH", today.minusDays(10), today.plusMonths(3), 200);
        long tickets = offers.offer(committee, company.id(), "青城山—都江堰旅游景区", "景区门票 5 折",
                "凭券在景区游客中心售票窗口购票，每券限本人一张，节假日通用。", "TICKETS", today.minusDays(5),
                today.plusMonths(6), 300);

        List<Long> stationMembers = new ArrayList<>();
        for (long id : directory.activeEmployeesInSubtree(stationId)) {
            if (stationMembers.size() >= 6) {
                break;
            }
            if (members.isMember(id)) {
                stationMembers.add(id);
            }
        }
        for (int i = 0; i < stationMembers.size(); i++) {
            long voucher = offers.claim(stationMembers.get(i), i % 2 == 0 ? health : tickets);
            if (i == 0) {
                offers.redeemed(voucher, 2);
            }
        }

        offers.birthdayBenefit(committee, "CAKE", "100", "鲜之语蛋糕坊（全市 30 家门店）", "工会祝你生日快乐！");
        offers.issueBirthdays(today);
        offers.pastBirthdays(today, 11);
        pastOffers(committee, company.id(), today);
    }

    /** An earlier offer: partner, title, description, category, and how many days ago it opened. */
    private record Past(String partner, String title, String description, String category, int daysAgo) {
    }

    private static final List<Past> PAST = List.of(
            new Past("四川航空", "机票 9 折", "凭券在川航官网或售票处购买国内航线经济舱机票。", "TRAVEL", 320),
            new Past("红旗连锁", "满 200 减 30", "凭券在全省红旗连锁门店单笔消费满 200 元减 30 元。", "SHOPPING", 230),
            new Past("陈麻婆豆腐", "职工聚餐 85 折", "凭券在成都各门店堂食享 85 折，酒水除外。", "DINING", 150),
            new Past("成都大熊猫繁育研究基地", "门票 6 折", "凭券在售票窗口购票，每券限本人一张。", "TICKETS", 75));

    /**
     * Earlier offers of the committee, each claimed by a dozen or so members picked at random and about half of them
     * used the day they were claimed, then moved into the past.
     */
    private void pastOffers(Viewer committee, long companyId, LocalDate today) {
        Random random = new Random(seed + 29);
        List<Long> everyone = directory.activeEmployeesInSubtree(companyId);
        List<Long> memberIds = new ArrayList<>(members.membersOn(everyone, today));
        memberIds.sort(Long::compare);
        for (Past p : PAST) {
            long offer = offers.offer(committee, companyId, p.partner(), p.title(), p.description(), p.category(),
                    today, today.plusDays(30), 100);
            Collections.shuffle(memberIds, random);
            for (long member : memberIds.subList(0, Math.min(10 + random.nextInt(8), memberIds.size()))) {
                long voucher = offers.claim(member, offer);
                if (random.nextBoolean()) {
                    offers.redeemed(voucher, 0);
                }
            }
            offers.backdate(offer, p.daysAgo());
        }
    }
}
