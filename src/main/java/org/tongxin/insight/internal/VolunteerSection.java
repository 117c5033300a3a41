package org.tongxin.insight.internal;

import static org.tongxin.insight.internal.Section.n;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * Volunteer hours (confirmed only) and volunteer turns (人次, a volunteer on a shift): the trend and each sub-unit's
 * hours as bars. Hours count in the subtree of the project's lead body in the month the shift started.
 */
@Component
class VolunteerSection implements InsightSection {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final Figures figures;

    VolunteerSection(Figures figures) {
        this.figures = figures;
    }

    @Override
    public String key() {
        return "volunteer";
    }

    @Override
    public int order() {
        return 35;
    }

    static BigDecimal hours(Rollup.Totals t) {
        return t.value().divide(SIXTY, 1, RoundingMode.HALF_UP);
    }

    /** Average hours per turn; null without turns. */
    static BigDecimal perTurn(Rollup.Totals t) {
        return t.started() == 0 ? null
                : t.value().divide(SIXTY.multiply(BigDecimal.valueOf(t.started())), 1, RoundingMode.HALF_UP);
    }

    @Override
    public Section build(Scope scope) {
        Rollup r = figures.rollup(List.of(ActivityKinds.VOLUNTEER), scope.units(), scope.to());
        long node = scope.node().id();
        Rollup.Totals now = r.flow(ActivityKinds.VOLUNTEER, null, node, scope.from(), scope.to());
        Rollup.Totals before = r.flow(ActivityKinds.VOLUNTEER, null, node, scope.previousFrom(), scope.previousTo());

        List<BigDecimal> hours = new ArrayList<>();
        List<BigDecimal> turns = new ArrayList<>();
        for (YearMonth m : scope.months()) {
            Rollup.Totals t = r.flow(ActivityKinds.VOLUNTEER, null, node, m, m);
            hours.add(hours(t));
            turns.add(n(t.started()));
        }
        List<BigDecimal> childHours = new ArrayList<>();
        List<BigDecimal> childTurns = new ArrayList<>();
        for (OrgUnit c : scope.children()) {
            Rollup.Totals t = r.flow(ActivityKinds.VOLUNTEER, null, c.id(), scope.from(), scope.to());
            childHours.add(hours(t));
            childTurns.add(n(t.started()));
        }

        List<Section.Kpi> kpis = List.of(
                Section.kpi("hours", Label.of("insight.volunteer.hours"), Format.HOURS, hours(now), hours(before)),
                Section.kpi("turns", Label.of("insight.volunteer.turns"), Format.COUNT, n(now.started()),
                        n(before.started())),
                Section.kpi("perTurn", Label.of("insight.volunteer.perTurn"), Format.HOURS, perTurn(now),
                        perTurn(before)));

        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("volunteer-trend", Label.of("insight.volunteer.trend"), Type.LINE, scope.monthLabels(),
                List.of(new Series(Label.of("insight.volunteer.hours"), hours, Format.HOURS),
                        new Series(Label.of("insight.volunteer.turns"), turns, Format.COUNT))));
        if (!scope.children().isEmpty()) {
            charts.add(new Chart("volunteer-children", Label.of("insight.volunteer.byUnit"), Type.HBAR,
                    scope.childLabels(),
                    List.of(new Series(Label.of("insight.volunteer.hours"), childHours, Format.HOURS),
                            new Series(Label.of("insight.volunteer.turns"), childTurns, Format.COUNT))));
        }
        return new Section(key(), Label.of("insight.volunteer.title"), kpis, charts);
    }
}
