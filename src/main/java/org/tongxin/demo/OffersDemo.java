package org.tongxin.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * the members born in it.
 */
@Component
class OffersDemo {

    private final OffersSetup offers;
    private final AccountSetup accounts;
    private final OrgDirectory directory;
    private final MemberDirectory members;

    OffersDemo(OffersSetup offers, AccountSetup accounts, OrgDirectory directory, MemberDirectory members) {
        this.offers = offers;
        this.accounts = accounts;
        this.directory = directory;
        this.members = members;
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
    }
}
