package org.tongxin.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tongxin.insight.internal.Facts;
import org.tongxin.insight.internal.InsightSection;
import org.tongxin.insight.internal.Scope;
import org.tongxin.insight.internal.Section;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;

/**
 * A grassroots union with a branch below it, each with members, for the insight stories of the voice, rights and
 * benefits modules: their roll-up rows, and their sections built for this month against the last.
 */
final class InsightStory {

    final OrgUnit station;
    final OrgUnit branch;
    final List<Viewer> stationPeople = new ArrayList<>();
    final List<Viewer> branchPeople = new ArrayList<>();

    private InsightStory(OrgUnit station, OrgUnit branch) {
        this.station = station;
        this.branch = branch;
    }

    /** A station with {@code atStation} members and a branch with {@code atBranch}, all members for two years. */
    static InsightStory of(Fixtures fixtures, OrgSetup orgSetup, MembershipSetup membership, String name,
                           int atStation, int atBranch) {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots(name);
        OrgUnit branch = orgSetup.createUnit(unit.unit().id(), name + "分会" + System.nanoTime(), UnitKind.BRANCH);
        String branchDepartment = "B" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(branchDepartment, name + "分会部门", branch.id());
        InsightStory story = new InsightStory(unit.unit(), branch);
        story.people(fixtures, orgSetup, membership, unit.departmentCode(), unit.unit().id(), atStation,
                story.stationPeople);
        story.people(fixtures, orgSetup, membership, branchDepartment, branch.id(), atBranch, story.branchPeople);
        return story;
    }

    private void people(Fixtures fixtures, OrgSetup orgSetup, MembershipSetup membership, String department,
                        long unitId, int n, List<Viewer> into) {
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Fixtures.row(department));
        }
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "insight-story.csv", rows);
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            membership.enrol(id, unitId, LocalDate.now().minusYears(2));
            into.add(Fixtures.employee(fixtures.accountId(id), id));
        }
    }

    /** The roll-up rows of the kinds in the station's and the branch's subtrees. */
    List<String> rows(Facts facts, String... kinds) {
        List<String> wanted = Arrays.asList(kinds);
        return facts.rollUp().stream().filter(r -> {
            String[] cells = r.split("\\|");
            long unit = Long.parseLong(cells[2]);
            return wanted.contains(cells[0]) && (unit == station.id() || unit == branch.id());
        }).toList();
    }

    /** The section for the station this month, with the branch as its child. */
    Section station(List<InsightSection> sections, String key, Viewer viewer) {
        return section(sections, key, viewer, station, List.of(branch));
    }

    static Section section(List<InsightSection> sections, String key, Viewer viewer, OrgUnit node,
                           List<OrgUnit> children) {
        YearMonth month = YearMonth.now();
        InsightSection section = sections.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
        return section.build(new Scope(viewer, node, children, month, month));
    }

    static Section.Kpi kpi(Section section, String id) {
        return section.kpis().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
    }

    static Section.Chart chart(Section section, String id) {
        return section.charts().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** The values of a chart's series, as plain strings (null for a value withheld). */
    static List<String> values(Section section, String chart, int series) {
        return chart(section, chart).series().get(series).values().stream()
                .map(v -> v == null ? null : v.stripTrailingZeros().toPlainString()).toList();
    }

    static String value(Section.Kpi kpi) {
        return plain(kpi.value());
    }

    static String previous(Section.Kpi kpi) {
        return plain(kpi.previous());
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }

    /**
     * Whether this machine's month is the platform's (Beijing) month: rights and benefits count days in Beijing,
     * the scope's months are the machine's, and for some hours at a month's end they differ.
     */
    static boolean sameMonthAsBeijing() {
        return YearMonth.now().equals(YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")));
    }

    /** Days ago that fall in the previous month, whatever today is. */
    static int lastMonth() {
        return LocalDate.now().getDayOfMonth() + 3;
    }
}
