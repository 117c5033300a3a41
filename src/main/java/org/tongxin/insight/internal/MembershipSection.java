package org.tongxin.insight.internal;

import static org.tongxin.insight.internal.Section.n;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.insight.internal.Section.Chart;
import org.tongxin.insight.internal.Section.Format;
import org.tongxin.insight.internal.Section.Series;
import org.tongxin.insight.internal.Section.Type;
import org.tongxin.org.OrgUnit;

/** Members, employees and coverage: the trend, each sub-unit's coverage as bars and as a tree map. */
@Component
class MembershipSection implements InsightSection {

    private final Figures figures;

    MembershipSection(Figures figures) {
        this.figures = figures;
    }

    @Override
    public String key() {
        return "membership";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Section build(Scope scope) {
        Rollup r = figures.rollup(List.of(Kinds.MEMBER, Kinds.RETIREE, Kinds.HEADCOUNT), scope.units(), scope.to());
        long node = scope.node().id();
        YearMonth to = scope.to();
        YearMonth before = scope.previousTo();

        List<BigDecimal> members = new ArrayList<>();
        List<BigDecimal> employees = new ArrayList<>();
        List<BigDecimal> coverage = new ArrayList<>();
        for (YearMonth m : scope.months()) {
            long count = r.level(Kinds.MEMBER, null, node, m);
            BigDecimal staff = r.valueLevel(Kinds.HEADCOUNT, node, m);
            members.add(n(count));
            employees.add(staff);
            coverage.add(Figures.percent(n(count), staff));
        }
        List<BigDecimal> childMembers = new ArrayList<>();
        List<BigDecimal> childCoverage = new ArrayList<>();
        for (OrgUnit c : scope.children()) {
            long count = r.level(Kinds.MEMBER, null, c.id(), to);
            childMembers.add(n(count));
            childCoverage.add(Figures.percent(n(count), r.valueLevel(Kinds.HEADCOUNT, c.id(), to)));
        }

        long nowMembers = r.level(Kinds.MEMBER, null, node, to);
        long thenMembers = r.level(Kinds.MEMBER, null, node, before);
        Rollup.Totals joined = r.flow(Kinds.MEMBER, null, node, scope.from(), to);
        Rollup.Totals joinedBefore = r.flow(Kinds.MEMBER, null, node, scope.previousFrom(), before);
        List<Section.Kpi> kpis = List.of(
                Section.kpi("coverage", Label.of("insight.membership.coverage"), Format.PERCENT,
                        Figures.percent(n(nowMembers), r.valueLevel(Kinds.HEADCOUNT, node, to)),
                        Figures.percent(n(thenMembers), r.valueLevel(Kinds.HEADCOUNT, node, before))),
                Section.kpi("members", Label.of("insight.membership.members"), Format.COUNT, n(nowMembers),
                        n(thenMembers)),
                Section.kpi("joined", Label.of("insight.membership.joined"), Format.COUNT, n(joined.started()),
                        n(joinedBefore.started())),
                Section.kpi("left", Label.of("insight.membership.left"), Format.COUNT, n(joined.ended()),
                        n(joinedBefore.ended())),
                Section.kpi("retirees", Label.of("insight.membership.retirees"), Format.COUNT,
                        n(r.level(Kinds.RETIREE, null, node, to)), n(r.level(Kinds.RETIREE, null, node, before))));

        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("membership-trend", Label.of("insight.membership.trend"), Type.LINE, scope.monthLabels(),
                List.of(new Series(Label.of("insight.membership.members"), members, Format.COUNT),
                        new Series(Label.of("insight.membership.employees"), employees, Format.COUNT),
                        new Series(Label.of("insight.membership.coverage"), coverage, Format.PERCENT))));
        if (!scope.children().isEmpty()) {
            charts.add(new Chart("membership-children", Label.of("insight.membership.byUnit"), Type.HBAR,
                    scope.childLabels(),
                    List.of(new Series(Label.of("insight.membership.coverage"), childCoverage, Format.PERCENT))));
            charts.add(new Chart("membership-map", Label.of("insight.membership.map"), Type.TREEMAP,
                    scope.childLabels(),
                    List.of(new Series(Label.of("insight.membership.members"), childMembers, Format.COUNT),
                            new Series(Label.of("insight.membership.coverage"), childCoverage, Format.PERCENT))));
        }
        return new Section(key(), Label.of("insight.membership.title"), kpis, charts);
    }
}
