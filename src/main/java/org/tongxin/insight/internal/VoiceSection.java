package org.tongxin.insight.internal;

import static org.tongxin.insight.internal.Section.n;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tongxin.insight.internal.Section.Chart;
import org.tongxin.insight.internal.Section.Format;
import org.tongxin.insight.internal.Section.Series;
import org.tongxin.insight.internal.Section.Type;
import org.tongxin.org.OrgUnit;

/**
 * Suggestions (合理化建议): how many reached each stage in the period as a funnel, where the open ones stand and how
 * many are overdue, the verified benefit, the trend and each sub-unit's. Counted in the unit that reviews them.
 */
@Component
class VoiceSection implements InsightSection {

    private final Figures figures;

    VoiceSection(Figures figures) {
        this.figures = figures;
    }

    @Override
    public String key() {
        return "voice";
    }

    @Override
    public int order() {
        return 70;
    }

    private static long reached(Map<String, Rollup.Totals> flows, String stage) {
        return flows.getOrDefault(stage, Rollup.Totals.NONE).started();
    }

    private static BigDecimal verified(Map<String, Rollup.Totals> flows) {
        return flows.getOrDefault("VERIFIED", Rollup.Totals.NONE).value();
    }

    private static long open(Rollup r, long unit, YearMonth at) {
        long open = 0;
        for (String stage : VoiceKinds.OPEN) {
            open += r.level(VoiceKinds.SUGGESTION, stage, unit, at);
        }
        return open;
    }

    @Override
    public Section build(Scope scope) {
        String kind = VoiceKinds.SUGGESTION;
        Rollup r = figures.rollup(List.of(kind), scope.units(), scope.to());
        long node = scope.node().id();
        Map<String, Rollup.Totals> now = r.flowByCategory(kind, node, scope.from(), scope.to());
        Map<String, Rollup.Totals> then = r.flowByCategory(kind, node, scope.previousFrom(), scope.previousTo());
        List<Figures.Overdue> overdue = figures.overdue(kind, scope.node().path(), LocalDate.now());

        List<Section.Kpi> kpis = List.of(
                Section.kpi("voice-submitted", Label.of("insight.voice.submitted"), Format.COUNT,
                        n(reached(now, "SUBMITTED")), n(reached(then, "SUBMITTED"))),
                Section.kpi("voice-adopted", Label.of("insight.voice.adopted"), Format.COUNT,
                        n(reached(now, "ADOPTED")), n(reached(then, "ADOPTED"))),
                Section.kpi("voice-value", Label.of("insight.voice.value"), Format.MONEY, verified(now),
                        verified(then)),
                Section.kpi("voice-open", Label.of("insight.voice.open"), Format.COUNT,
                        n(open(r, node, scope.to())), n(open(r, node, scope.previousTo()))),
                Section.kpi("voice-overdue", Label.of("insight.voice.overdue"), Format.COUNT,
                        n(overdue.stream().mapToLong(Figures.Overdue::count).sum()), null));

        List<Label> funnelStages = VoiceKinds.FUNNEL.stream().map(VoiceSection::stage).toList();
        List<BigDecimal> reached = VoiceKinds.FUNNEL.stream().map(s -> n(reached(now, s))).toList();
        List<Label> openStages = VoiceKinds.OPEN.stream().map(VoiceSection::stage).toList();
        List<BigDecimal> waiting = new ArrayList<>();
        List<BigDecimal> late = new ArrayList<>();
        for (String stage : VoiceKinds.OPEN) {
            waiting.add(n(r.level(kind, stage, node, scope.to())));
            late.add(n(overdue.stream().filter(o -> o.category().equals(stage)).mapToLong(Figures.Overdue::count)
                    .sum()));
        }
        List<BigDecimal> submitted = new ArrayList<>();
        List<BigDecimal> adopted = new ArrayList<>();
        List<BigDecimal> value = new ArrayList<>();
        for (YearMonth m : scope.months()) {
            submitted.add(n(r.flow(kind, "SUBMITTED", node, m, m).started()));
            adopted.add(n(r.flow(kind, "ADOPTED", node, m, m).started()));
            value.add(r.flow(kind, "VERIFIED", node, m, m).value());
        }

        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("voice-funnel", Label.of("insight.voice.funnel"), Type.FUNNEL, funnelStages,
                List.of(new Series(Label.of("insight.voice.reached"), reached, Format.COUNT))));
        charts.add(new Chart("voice-stages", Label.of("insight.voice.stages"), Type.BAR, openStages,
                List.of(new Series(Label.of("insight.voice.waiting"), waiting, Format.COUNT),
                        new Series(Label.of("insight.voice.overdue"), late, Format.COUNT))));
        charts.add(new Chart("voice-trend", Label.of("insight.voice.trend"), Type.LINE, scope.monthLabels(),
                List.of(new Series(Label.of("insight.voice.submitted"), submitted, Format.COUNT),
                        new Series(Label.of("insight.voice.adopted"), adopted, Format.COUNT))));
        charts.add(new Chart("voice-value-trend", Label.of("insight.voice.valueTrend"), Type.LINE, scope.monthLabels(),
                List.of(new Series(Label.of("insight.voice.value"), value, Format.MONEY))));
        if (!scope.children().isEmpty()) {
            List<BigDecimal> childSubmitted = new ArrayList<>();
            List<BigDecimal> childAdopted = new ArrayList<>();
            for (OrgUnit c : scope.children()) {
                Map<String, Rollup.Totals> flows = r.flowByCategory(kind, c.id(), scope.from(), scope.to());
                childSubmitted.add(n(reached(flows, "SUBMITTED")));
                childAdopted.add(n(reached(flows, "ADOPTED")));
            }
            charts.add(new Chart("voice-children", Label.of("insight.voice.byUnit"), Type.HBAR, scope.childLabels(),
                    List.of(new Series(Label.of("insight.voice.submitted"), childSubmitted, Format.COUNT),
                            new Series(Label.of("insight.voice.adopted"), childAdopted, Format.COUNT))));
        }
        return new Section(key(), Label.of("insight.voice.title"), kpis, charts);
    }

    private static Label stage(String stage) {
        return Label.of("insight.voice.stage." + stage);
    }
}
