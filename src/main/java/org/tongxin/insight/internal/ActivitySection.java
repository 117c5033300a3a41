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

/**
 * Activities held and how many came (checked in ÷ signed up): the trend, who hosted them (五个一起), each
 * sub-unit's as bars. An activity counts in its lead body's subtree in the month it started.
 */
@Component
class ActivitySection implements InsightSection {

    private final Figures figures;

    ActivitySection(Figures figures) {
        this.figures = figures;
    }

    @Override
    public String key() {
        return "activity";
    }

    @Override
    public int order() {
        return 30;
    }

    /** Activities held in some months, the people signed up for them and those who came. */
    private record Turnout(long held, BigDecimal signedUp, BigDecimal attended) {

        static Turnout of(Rollup r, long unit, YearMonth from, YearMonth to) {
            Rollup.Totals held = r.flow(ActivityKinds.ACTIVITY, null, unit, from, to);
            return new Turnout(held.started(), held.value(),
                    r.flow(ActivityKinds.ACTIVITY_ATTENDED, null, unit, from, to).value());
        }

        BigDecimal participation() {
            return Figures.percent(attended, signedUp);
        }
    }

    @Override
    public Section build(Scope scope) {
        Rollup r = figures.rollup(List.of(ActivityKinds.ACTIVITY, ActivityKinds.ACTIVITY_ATTENDED), scope.units(),
                scope.to());
        long node = scope.node().id();
        Turnout now = Turnout.of(r, node, scope.from(), scope.to());
        Turnout before = Turnout.of(r, node, scope.previousFrom(), scope.previousTo());

        List<BigDecimal> held = new ArrayList<>();
        List<BigDecimal> attended = new ArrayList<>();
        List<BigDecimal> participation = new ArrayList<>();
        for (YearMonth m : scope.months()) {
            Turnout t = Turnout.of(r, node, m, m);
            held.add(n(t.held()));
            attended.add(t.attended());
            participation.add(t.participation());
        }
        List<Label> hostLabels = new ArrayList<>();
        List<BigDecimal> byHosts = new ArrayList<>();
        for (String hosts : ActivityKinds.HOSTS) {
            hostLabels.add(Label.of("insight.activity.host." + hosts));
            byHosts.add(n(r.flow(ActivityKinds.ACTIVITY, hosts, node, scope.from(), scope.to()).started()));
        }
        List<BigDecimal> childHeld = new ArrayList<>();
        List<BigDecimal> childParticipation = new ArrayList<>();
        for (OrgUnit c : scope.children()) {
            Turnout t = Turnout.of(r, c.id(), scope.from(), scope.to());
            childHeld.add(n(t.held()));
            childParticipation.add(t.participation());
        }

        List<Section.Kpi> kpis = List.of(
                Section.kpi("held", Label.of("insight.activity.held"), Format.COUNT, n(now.held()), n(before.held())),
                Section.kpi("attended", Label.of("insight.activity.attended"), Format.COUNT, now.attended(),
                        before.attended()),
                Section.kpi("participation", Label.of("insight.activity.participation"), Format.PERCENT,
                        now.participation(), before.participation()),
                Section.kpi("joint", Label.of("insight.activity.joint"), Format.COUNT,
                        n(r.flow(ActivityKinds.ACTIVITY, "JOINT", node, scope.from(), scope.to()).started()),
                        n(r.flow(ActivityKinds.ACTIVITY, "JOINT", node, scope.previousFrom(), scope.previousTo())
                                .started())));

        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("activity-trend", Label.of("insight.activity.trend"), Type.LINE, scope.monthLabels(),
                List.of(new Series(Label.of("insight.activity.held"), held, Format.COUNT),
                        new Series(Label.of("insight.activity.attended"), attended, Format.COUNT),
                        new Series(Label.of("insight.activity.participation"), participation, Format.PERCENT))));
        charts.add(new Chart("activity-hosts", Label.of("insight.activity.hosts"), Type.PIE, hostLabels,
                List.of(new Series(Label.of("insight.activity.held"), byHosts, Format.COUNT))));
        if (!scope.children().isEmpty()) {
            charts.add(new Chart("activity-children", Label.of("insight.activity.byUnit"), Type.HBAR,
                    scope.childLabels(),
                    List.of(new Series(Label.of("insight.activity.held"), childHeld, Format.COUNT),
                            new Series(Label.of("insight.activity.participation"), childParticipation,
                                    Format.PERCENT))));
        }
        return new Section(key(), Label.of("insight.activity.title"), kpis, charts);
    }
}
