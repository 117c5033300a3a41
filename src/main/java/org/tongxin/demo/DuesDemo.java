package org.tongxin.demo;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongxin.benefits.DuesSetup;
import org.tongxin.identity.AccountSetup;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup.HrRow;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;

/**
 * A year of dues: the last twelve months of payroll for every member (one run a month, base wages between ¥4,000 and
 * ¥12,000 at the default rate), written in batches. At the demo toll station three members owe the last months (one
 * of them never recorded), one is exempt for hardship and one for long sick leave; two more exemptions elsewhere. The
 * demo log-ins always have a full record.
 */
@Component
class DuesDemo {

    private final DuesSetup dues;
    private final OrgDirectory directory;
    private final MemberDirectory members;
    private final AccountSetup accounts;
    private final long seed;

    DuesDemo(DuesSetup dues, OrgDirectory directory, MemberDirectory members, AccountSetup accounts,
             @Value("${tongxin.demo.seed:2026}") long seed) {
        this.dues = dues;
        this.directory = directory;
        this.members = members;
        this.accounts = accounts;
        this.seed = seed;
    }

    /**
     * @param demoLogins the demo officer, employee and committee member, in that order
     */
    void load(List<OrgUnit> units, long stationId, List<HrRow> demoLogins) {
        Random random = new Random(seed + 13);
        OrgUnit company = units.stream().filter(u -> u.kind() == UnitKind.COMPANY_UNION).findFirst().orElseThrow();
        List<Long> everyone = directory.activeEmployeesInSubtree(company.id());
        Map<Long, Long> unitOf = directory.unitIdsOf(everyone);
        Set<Long> logins = new HashSet<>(directory.employeeIdsByNumber(
                demoLogins.stream().map(HrRow::employeeNo).toList()).values());
        List<Long> station = new ArrayList<>(directory.activeEmployeesInSubtree(stationId));
        station.removeAll(logins);
        YearMonth now = YearMonth.now();
        YearMonth first = now.minusMonths(11);
        List<Long> stationMembers = station.stream()
                .filter(members.membersDuring(station, first.atDay(1), first.atEndOfMonth())::contains).sorted().toList();
        // At the station: three owe (the last two, three and all twelve months), two are exempt.
        Map<Long, YearMonth> paysUntil = new HashMap<>();
        if (stationMembers.size() >= 5) {
            paysUntil.put(stationMembers.get(0), now.minusMonths(2));
            paysUntil.put(stationMembers.get(1), now.minusMonths(3));
            paysUntil.put(stationMembers.get(2), first.minusMonths(1));
        }
        EmployeeSummary committee = directory.employee(directory.employeeIdsByNumber(
                List.of(demoLogins.get(2).employeeNo())).values().iterator().next()).orElseThrow();
        long actor = accounts.accountId(committee.employeeNo());
        Map<Long, YearMonth[]> exempt = new HashMap<>();
        if (stationMembers.size() >= 5) {
            exempt.put(stationMembers.get(3), new YearMonth[]{now.minusMonths(5), null});
            dues.exemption(stationMembers.get(3), stationId, "HARDSHIP", "家庭重大变故", now.minusMonths(5), null, actor);
            exempt.put(stationMembers.get(4), new YearMonth[]{now.minusMonths(8), now.minusMonths(4)});
            dues.exemption(stationMembers.get(4), stationId, "LONG_SICK_LEAVE", null, now.minusMonths(8),
                    now.minusMonths(4), actor);
        }
        List<Long> elsewhere = everyone.stream().filter(id -> !station.contains(id) && !logins.contains(id)).toList();
        Set<Long> elsewhereMembers = members.membersDuring(elsewhere, now.atDay(1), now.atEndOfMonth());
        List<Long> twoMore = elsewhere.stream().filter(elsewhereMembers::contains).limit(2).toList();
        for (int i = 0; i < twoMore.size(); i++) {
            YearMonth from = now.minusMonths(3 + i * 3);
            exempt.put(twoMore.get(i), new YearMonth[]{from, null});
            dues.exemption(twoMore.get(i), unitOf.get(twoMore.get(i)), i == 0 ? "LONG_SICK_LEAVE" : "OTHER",
                    i == 0 ? null : "援藏挂职，工资由对口单位发放", from, null, actor);
        }
        Map<Long, BigDecimal> base = new HashMap<>();
        for (long id : everyone) {
            base.put(id, BigDecimal.valueOf(4000 + random.nextInt(81) * 100L).setScale(2));
        }
        BigDecimal rate = dues.defaultRate();
        for (YearMonth m = first; !m.isAfter(now); m = m.plusMonths(1)) {
            YearMonth month = m;
            List<DuesSetup.Month> rows = new ArrayList<>();
            for (long id : members.membersDuring(everyone, m.atDay(1), m.atEndOfMonth())) {
                YearMonth until = paysUntil.get(id);
                YearMonth[] x = exempt.get(id);
                boolean isExempt = x != null && !month.isBefore(x[0]) && (x[1] == null || !month.isAfter(x[1]));
                if ((until == null || !month.isAfter(until)) && !isExempt && unitOf.containsKey(id)) {
                    rows.add(new DuesSetup.Month(id, unitOf.get(id), base.get(id), rate));
                }
            }
            if (!rows.isEmpty()) {
                dues.payroll(actor, committee.name(), month, rows);
            }
        }
    }
}
