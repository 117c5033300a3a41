package org.tongxin.insight.internal;

import static org.tongxin.insight.internal.LiveKinds.SESSION;
import static org.tongxin.insight.internal.LiveKinds.VIEWER;
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
 * Live sessions: sessions held by the node's units, and its people's watching — viewers (a person counts once per
 * session), those who attended, hours watched live and as replays (a session's live time counts once it has ended).
 */
@Component
class LiveSection implements InsightSection {

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    private final Figures figures;

    LiveSection(Figures figures) {
        this.figures = figures;
    }

    @Override
    public String key() {
        return "live";
    }

    @Override
    public int order() {
        return 65;
    }

    private static BigDecimal hours(Rollup.Totals viewers) {
        return viewers.value().divide(MINUTES_PER_HOUR, 1, RoundingMode.HALF_UP);
    }

    @Override
    public Section build(Scope scope) {
        Rollup r = figures.rollup(List.of(SESSION, VIEWER), scope.units(), scope.to());
        long node = scope.node().id();
        YearMonth from = scope.from();
        YearMonth to = scope.to();
        YearMonth previousFrom = scope.previousFrom();
        YearMonth before = scope.previousTo();
        Rollup.Totals viewers = r.flow(VIEWER, null, node, from, to);
        Rollup.Totals viewersBefore = r.flow(VIEWER, null, node, previousFrom, before);

        List<Section.Kpi> kpis = List.of(
                Section.kpi("sessions", Label.of("insight.live.sessions"), Format.COUNT,
                        n(r.flow(SESSION, null, node, from, to).started()),
                        n(r.flow(SESSION, null, node, previousFrom, before).started())),
                Section.kpi("viewers", Label.of("insight.live.viewers"), Format.COUNT, n(viewers.started()),
                        n(viewersBefore.started())),
                Section.kpi("attended", Label.of("insight.live.attended"), Format.COUNT,
                        n(r.flow(VIEWER, LiveKinds.ATTENDED, node, from, to).started()),
                        n(r.flow(VIEWER, LiveKinds.ATTENDED, node, previousFrom, before).started())),
                Section.kpi("hours", Label.of("insight.live.hours"), Format.HOURS, hours(viewers),
                        hours(viewersBefore)));

        List<BigDecimal> sessions = new ArrayList<>();
        List<BigDecimal> viewed = new ArrayList<>();
        List<BigDecimal> attended = new ArrayList<>();
        List<BigDecimal> hours = new ArrayList<>();
        for (YearMonth m : scope.months()) {
            Rollup.Totals month = r.flow(VIEWER, null, node, m, m);
            sessions.add(n(r.flow(SESSION, null, node, m, m).started()));
            viewed.add(n(month.started()));
            attended.add(n(r.flow(VIEWER, LiveKinds.ATTENDED, node, m, m).started()));
            hours.add(hours(month));
        }
        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("live-trend", Label.of("insight.live.trend"), Type.LINE, scope.monthLabels(),
                List.of(new Series(Label.of("insight.live.sessions"), sessions, Format.COUNT),
                        new Series(Label.of("insight.live.viewers"), viewed, Format.COUNT),
                        new Series(Label.of("insight.live.attended"), attended, Format.COUNT))));
        charts.add(new Chart("live-hours", Label.of("insight.live.hoursByMonth"), Type.BAR, scope.monthLabels(),
                List.of(new Series(Label.of("insight.live.hours"), hours, Format.HOURS))));
        if (!scope.children().isEmpty()) {
            List<BigDecimal> childSessions = new ArrayList<>();
            List<BigDecimal> childViewers = new ArrayList<>();
            List<BigDecimal> childHours = new ArrayList<>();
            for (OrgUnit c : scope.children()) {
                Rollup.Totals v = r.flow(VIEWER, null, c.id(), from, to);
                childSessions.add(n(r.flow(SESSION, null, c.id(), from, to).started()));
                childViewers.add(n(v.started()));
                childHours.add(hours(v));
            }
            charts.add(new Chart("live-children", Label.of("insight.live.byUnit"), Type.HBAR, scope.childLabels(),
                    List.of(new Series(Label.of("insight.live.sessions"), childSessions, Format.COUNT),
                            new Series(Label.of("insight.live.viewers"), childViewers, Format.COUNT))));
            charts.add(new Chart("live-children-hours", Label.of("insight.live.hoursByUnit"), Type.HBAR,
                    scope.childLabels(),
                    List.of(new Series(Label.of("insight.live.hours"), childHours, Format.HOURS))));
        }
        return new Section(key(), Label.of("insight.live.title"), kpis, charts);
    }
}
