package org.tongxin.insight.internal;

import static org.tongxin.insight.internal.Section.n;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * Democratic evaluation of officers (民主评议), in aggregate only: rounds, officers evaluated and ballots counted, the
 * average score (1–5) and the share of ballots averaging 4 or more, per round, per month and per sub-unit, counted in
 * the officers' units. Never a person. A score or share resting on fewer than {@link Figures#SMALLEST_GROUP} ballots
 * is withheld. The module counts an officer's ballots only in groups of five or more, each from a different member,
 * so five ballots anywhere in a figure always come from at least five people.
 */
@Component
class EvaluationSection implements InsightSection {

    private static final List<String> KINDS = List.of(VoiceKinds.EVAL_BALLOTS, VoiceKinds.EVAL_SCORES,
            VoiceKinds.EVAL_MARKS, VoiceKinds.EVAL_SATISFIED);

    private final Figures figures;

    EvaluationSection(Figures figures) {
        this.figures = figures;
    }

    @Override
    public String key() {
        return "evaluation";
    }

    @Override
    public int order() {
        return 75;
    }

    /** The counted ballots of one unit's subtree over some months (of one round when {@code round} is set). */
    private record Counted(long officers, BigDecimal ballots, BigDecimal scores, BigDecimal marks,
                           BigDecimal satisfied) {

        static Counted of(Rollup r, String round, long unit, YearMonth from, YearMonth to) {
            Rollup.Totals ballots = r.flow(VoiceKinds.EVAL_BALLOTS, round, unit, from, to);
            return new Counted(ballots.started(), ballots.value(),
                    r.flow(VoiceKinds.EVAL_SCORES, round, unit, from, to).value(),
                    r.flow(VoiceKinds.EVAL_MARKS, round, unit, from, to).value(),
                    r.flow(VoiceKinds.EVAL_SATISFIED, round, unit, from, to).value());
        }

        boolean shown() {
            return ballots.compareTo(BigDecimal.valueOf(Figures.SMALLEST_GROUP)) >= 0;
        }

        BigDecimal average() {
            return shown() && marks.signum() > 0 ? scores.divide(marks, 2, RoundingMode.HALF_UP) : null;
        }

        BigDecimal satisfiedShare() {
            return shown() ? Figures.percent(satisfied, ballots) : null;
        }
    }

    @Override
    public Section build(Scope scope) {
        Rollup r = figures.rollup(KINDS, scope.units(), scope.to());
        long node = scope.node().id();
        Counted now = Counted.of(r, null, node, scope.from(), scope.to());
        Counted then = Counted.of(r, null, node, scope.previousFrom(), scope.previousTo());
        Map<String, Rollup.Totals> rounds = r.flowByCategory(VoiceKinds.EVAL_BALLOTS, node, scope.from(), scope.to());
        Map<String, Rollup.Totals> roundsBefore = r.flowByCategory(VoiceKinds.EVAL_BALLOTS, node,
                scope.previousFrom(), scope.previousTo());

        List<Section.Kpi> kpis = List.of(
                Section.kpi("evaluation-rounds", Label.of("insight.evaluation.rounds"), Format.COUNT,
                        n(rounds.size()), n(roundsBefore.size())),
                Section.kpi("evaluation-officers", Label.of("insight.evaluation.officers"), Format.COUNT,
                        n(now.officers()), n(then.officers())),
                Section.kpi("evaluation-ballots", Label.of("insight.evaluation.ballots"), Format.COUNT,
                        now.ballots(), then.ballots()),
                Section.kpi("evaluation-average", Label.of("insight.evaluation.average"), Format.SCORE,
                        now.average(), then.average()),
                Section.kpi("evaluation-satisfied", Label.of("insight.evaluation.satisfied"), Format.PERCENT,
                        now.satisfiedShare(), then.satisfiedShare()));

        List<Label> titles = new ArrayList<>();
        List<BigDecimal> roundBallots = new ArrayList<>();
        List<BigDecimal> roundAverage = new ArrayList<>();
        List<BigDecimal> roundSatisfied = new ArrayList<>();
        for (String title : rounds.keySet()) {
            Counted c = Counted.of(r, title, node, scope.from(), scope.to());
            titles.add(Label.text(title));
            roundBallots.add(c.ballots());
            roundAverage.add(c.average());
            roundSatisfied.add(c.satisfiedShare());
        }
        List<BigDecimal> monthAverage = new ArrayList<>();
        List<BigDecimal> monthBallots = new ArrayList<>();
        for (YearMonth m : scope.months()) {
            Counted c = Counted.of(r, null, node, m, m);
            monthAverage.add(c.average());
            monthBallots.add(c.ballots());
        }

        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("evaluation-rounds", Label.of("insight.evaluation.byRound"), Type.BAR, titles,
                List.of(new Series(Label.of("insight.evaluation.ballots"), roundBallots, Format.COUNT),
                        new Series(Label.of("insight.evaluation.average"), roundAverage, Format.SCORE),
                        new Series(Label.of("insight.evaluation.satisfied"), roundSatisfied, Format.PERCENT))));
        charts.add(new Chart("evaluation-trend", Label.of("insight.evaluation.trend"), Type.LINE, scope.monthLabels(),
                List.of(new Series(Label.of("insight.evaluation.average"), monthAverage, Format.SCORE),
                        new Series(Label.of("insight.evaluation.ballots"), monthBallots, Format.COUNT))));
        if (!scope.children().isEmpty()) {
            List<BigDecimal> childAverage = new ArrayList<>();
            List<BigDecimal> childSatisfied = new ArrayList<>();
            for (OrgUnit c : scope.children()) {
                Counted counted = Counted.of(r, null, c.id(), scope.from(), scope.to());
                childAverage.add(counted.average());
                childSatisfied.add(counted.satisfiedShare());
            }
            charts.add(new Chart("evaluation-children", Label.of("insight.evaluation.byUnit"), Type.HBAR,
                    scope.childLabels(),
                    List.of(new Series(Label.of("insight.evaluation.average"), childAverage, Format.SCORE),
                            new Series(Label.of("insight.evaluation.satisfied"), childSatisfied, Format.PERCENT))));
        }
        return new Section(key(), Label.of("insight.evaluation.title"), kpis, charts);
    }
}
