package org.tongxin.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongxin.care.CareSetup;
import org.tongxin.identity.AccountSetup;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup.HrRow;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;

/**
 * A year of care behind the demo's current stories, for the dashboards' trends: a restructuring's moves three a
 * month, most of the cases they opened talked to and closed, some still open and a few past their follow-up; and
 * hardship aid applied for, decided and paid month by month. Most moves are in the first two grassroots unions under
 * the top and most aid in the first three, so their sub-unit bars show figures while the others stay below the group
 * of five. The demo officer's toll station keeps only its own stories.
 */
@Component
class CareYearDemo {

    private static final int MONTHS = 12;
    private static final String[][] MOVES = {
            {"G5", "G3", null}, {"G4", null, "EARLY_RETIREMENT"}, {"G4", "G2", null}, {"G3", "G3", null},
            {"G6", "G4", null}, {"G3", "G4", null}};
    private static final String[] CATEGORIES = {"ILLNESS", "FAMILY", "EDUCATION", "DISASTER", "ILLNESS", "OTHER"};
    private static final String[] SITUATIONS = {
            "本人患慢性肾病需定期透析，医保报销后每月自付约两千元，家中两位老人需赡养。",
            "配偶下岗后一直没有稳定工作，孩子患有哮喘，家庭月收入不足四千元。",
            "孩子考上大学，学费和住宿费每年约一万元，家中还有贷款未还清。",
            "老家房屋在暴雨引发的泥石流中受损，需要修缮后才能居住。",
            "父亲突发心梗做了支架手术，自付医药费三万余元。",
            "家中老人去世，丧葬费用较高，家庭积蓄不足。"};
    private static final BigDecimal[] ASKED = {new BigDecimal("3000"), new BigDecimal("5000"),
            new BigDecimal("8000"), new BigDecimal("2000"), new BigDecimal("10000")};

    private final CareSetup care;
    private final AccountSetup accounts;
    private final OrgDirectory directory;
    private final long seed;

    CareYearDemo(CareSetup care, AccountSetup accounts, OrgDirectory directory,
                 @Value("${tongxin.demo.seed:2026}") long seed) {
        this.care = care;
        this.accounts = accounts;
        this.directory = directory;
        this.seed = seed;
    }

    /**
     * @param demoLogins the demo officer, employee and committee member, in that order
     */
    void load(Collection<OrgUnit> units, long stationId, List<HrRow> demoLogins, long system) {
        Set<Long> skip = new HashSet<>(
                directory.employeeIdsByNumber(demoLogins.stream().map(HrRow::employeeNo).toList()).values());
        skip.addAll(directory.activeEmployeesInSubtree(stationId));
        OrgUnit top = units.stream().filter(u -> u.parentId() == null && u.kind() == UnitKind.COMPANY_UNION)
                .findFirst().orElseThrow();
        List<OrgUnit> unions = units.stream().filter(u -> u.parentId() != null && u.parentId() == top.id()
                && u.kind() == UnitKind.GRASSROOTS_UNION).sorted(Comparator.comparingLong(OrgUnit::id)).toList();
        if (unions.size() < 2) {
            return;
        }
        List<List<Long>> people = new ArrayList<>();
        for (OrgUnit union : unions) {
            List<Long> ids = new ArrayList<>(directory.activeEmployeesInSubtree(union.id()));
            ids.removeAll(skip);
            // The first few of each union are in the demo's other stories.
            people.add(new ArrayList<>(ids.subList(Math.min(10, ids.size()), ids.size())));
        }
        Random random = new Random(seed + 14);
        moves(unions, people, random, system);
        HrRow committee = demoLogins.get(2);
        aid(unions, people, random, accounts.accountId(committee.employeeNo()), committee.name());
    }

    /** The next unused employee of the union at {@code index}, or null when it has none left. */
    private EmployeeSummary next(List<List<Long>> people, int index) {
        List<Long> ids = people.get(index);
        return ids.isEmpty() ? null : directory.employee(ids.removeFirst()).orElse(null);
    }

    private void moves(List<OrgUnit> unions, List<List<Long>> people, Random random, long system) {
        LocalDate today = LocalDate.now();
        long project = care.project("收费站撤并与岗位调整", "REORGANISATION", today.minusMonths(MONTHS),
                "收费站撤并、岗位合并，部分人员转岗养护或提前退休。", system);
        String reason = "收费站撤并，岗位合并调整";
        int n = 0;
        for (int month = MONTHS - 1; month >= 0; month--) {
            for (int k = 0; k < 3; k++, n++) {
                // Two moves in three are in the first two unions, the rest spread over the others.
                int union = k < 2 || unions.size() == 2 ? n % 2 : 2 + random.nextInt(unions.size() - 2);
                EmployeeSummary e = next(people, union);
                if (e == null) {
                    continue;
                }
                LocalDate movedOn = today.minusMonths(month).minusDays(5 + random.nextInt(20));
                String[] move = MOVES[n % MOVES.length];
                boolean old = movedOn.isBefore(today.minusDays(40));
                // Of the older cases one in five is still open, its follow-up missed; the others closed.
                boolean closed = old && n % 5 != 0;
                care.move(e.id(), e.unitId(), movedOn, e.departmentName(), e.jobTitle(), move[0], move[1], move[2],
                        reason, project, system, movedOn.plusDays(1 + random.nextInt(3)),
                        "到家中谈心，说明调整安排和培训机会，本人表示理解，担心收入下降。",
                        closed ? "已适应新岗位，家庭情况稳定，结案。" : null);
            }
        }
    }

    private void aid(List<OrgUnit> unions, List<List<Long>> people, Random random, long committeeAccount,
                     String committeeName) {
        LocalDate today = LocalDate.now();
        int n = 0;
        for (int month = MONTHS - 1; month >= 0; month--) {
            for (int k = 0; k < 3; k++, n++) {
                // Three in four applications are in the first three unions, the rest spread over the others.
                int union = n % 4 < 3 || unions.size() <= 3 ? n % 4 % Math.min(3, unions.size())
                        : 3 + random.nextInt(unions.size() - 3);
                EmployeeSummary e = next(people, union);
                if (e == null) {
                    continue;
                }
                LocalDate appliedOn = today.minusMonths(month).minusDays(3 + random.nextInt(20));
                BigDecimal asked = ASKED[random.nextInt(ASKED.length)];
                String category = CATEGORIES[n % CATEGORIES.length];
                String situation = SITUATIONS[n % SITUATIONS.length];
                if (appliedOn.isAfter(today.minusDays(15))) {
                    care.aid(e.id(), e.unitId(), appliedOn, category, asked, situation, committeeAccount, List.of(),
                            null, null);
                } else if (n % 7 == 3) {
                    care.aid(e.id(), e.unitId(), appliedOn, category, asked, situation, committeeAccount,
                            List.of(CareSetup.AidDecision.decline(committeeAccount, committeeName, true,
                                    "经核实家庭收入高于帮扶标准，暂不予帮扶。")), null, null);
                } else {
                    String granted = asked.multiply(new BigDecimal("0.8")).setScale(0, RoundingMode.HALF_UP)
                            .toPlainString();
                    care.aid(e.id(), e.unitId(), appliedOn, category, asked, situation, committeeAccount,
                            List.of(CareSetup.AidDecision.approval(committeeAccount, committeeName, true, granted,
                                    "情况属实，同意帮扶。")), appliedOn.plusDays(5 + random.nextInt(5)),
                            n % 2 == 0 ? "TRANSFER" : "CASH");
                }
            }
        }
    }
}
