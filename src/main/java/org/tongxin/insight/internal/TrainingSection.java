package org.tongxin.insight.internal;

import static org.tongxin.insight.internal.Section.n;
import static org.tongxin.insight.internal.TrainingKinds.ASSESSED;
import static org.tongxin.insight.internal.TrainingKinds.ATTEMPT;
import static org.tongxin.insight.internal.TrainingKinds.ENROLMENT;
import static org.tongxin.insight.internal.TrainingKinds.RETRAINING;

import java.math.BigDecimal;
import java.time.LocalDate;
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
 * Training and assessment: enrolments and their completion, the share of people assessed who passed, the people in
 * retraining (failed and not passed yet) — the trend, each sub-unit, and the assessments' funnel.
 * <ul>
 * <li>Completion rate: of the enrolments made in the months, the share completed by now.</li>
 * <li>Pass rate: of the people in assessments that opened in the months, the share who have passed.</li>
 * <li>Attempts passed (trend): of the attempts graded in a month, the share that reached the pass mark.</li>
 * </ul>
 */
@Component
class TrainingSection implements InsightSection {

    private final Figures figures;

    TrainingSection(Figures figures) {
        this.figures = figures;
    }

    @Override
    public String key() {
        return "training";
    }

    @Override
    public int order() {
        return 50;
    }

    /** The figures of one unit over some months. */
    private record Period(long enrolled, long completed, long enrolledDone, long assessed, long passed,
                          long attempted) {

        static Period of(Rollup r, long unit, YearMonth from, YearMonth to) {
            Rollup.Totals enrolments = r.flow(ENROLMENT, null, unit, from, to);
            long assessed = r.flow(ASSESSED, null, unit, from, to).started();
            long pending = r.flow(ASSESSED, TrainingKinds.PENDING, unit, from, to).started();
            return new Period(enrolments.started(), enrolments.ended(),
                    r.flow(ENROLMENT, TrainingKinds.DONE, unit, from, to).started(), assessed,
                    r.flow(ASSESSED, TrainingKinds.PASSED, unit, from, to).started(), assessed - pending);
        }

        BigDecimal completionRate() {
            return Figures.percent(enrolledDone, enrolled);
        }

        BigDecimal passRate() {
            return Figures.percent(passed, assessed);
        }
    }

    @Override
    public Section build(Scope scope) {
        Rollup r = figures.rollup(List.of(ENROLMENT, ASSESSED, ATTEMPT, RETRAINING), scope.units(), scope.to());
        long node = scope.node().id();
        YearMonth to = scope.to();
        YearMonth before = scope.previousTo();
        Period now = Period.of(r, node, scope.from(), to);
        Period then = Period.of(r, node, scope.previousFrom(), before);
        long overdue = figures.overdue(RETRAINING, scope.node().path(), LocalDate.now()).stream()
                .mapToLong(Figures.Overdue::count).sum();

        List<Section.Kpi> kpis = List.of(
                Section.kpi("enrolled", Label.of("insight.training.enrolled"), Format.COUNT, n(now.enrolled()),
                        n(then.enrolled())),
                Section.kpi("completed", Label.of("insight.training.completed"), Format.COUNT, n(now.completed()),
                        n(then.completed())),
                Section.kpi("completion", Label.of("insight.training.completion"), Format.PERCENT,
                        now.completionRate(), then.completionRate()),
                Section.kpi("passRate", Label.of("insight.training.passRate"), Format.PERCENT, now.passRate(),
                        then.passRate()),
                Section.kpi("retraining", Label.of("insight.training.retraining"), Format.COUNT,
                        n(r.level(RETRAINING, null, node, to)), n(r.level(RETRAINING, null, node, before))),
                Section.kpi("retrainingOverdue", Label.of("insight.training.retrainingOverdue"), Format.COUNT,
                        n(overdue), null));

        List<BigDecimal> enrolled = new ArrayList<>();
        List<BigDecimal> completed = new ArrayList<>();
        List<BigDecimal> retraining = new ArrayList<>();
        List<BigDecimal> completion = new ArrayList<>();
        List<BigDecimal> attemptsPassed = new ArrayList<>();
        for (YearMonth m : scope.months()) {
            Period p = Period.of(r, node, m, m);
            enrolled.add(n(p.enrolled()));
            completed.add(n(p.completed()));
            retraining.add(n(r.level(RETRAINING, null, node, m)));
            completion.add(p.completionRate());
            attemptsPassed.add(Figures.percent(r.flow(ATTEMPT, TrainingKinds.PASSED, node, m, m).started(),
                    r.flow(ATTEMPT, null, node, m, m).started()));
        }
        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("training-trend", Label.of("insight.training.trend"), Type.LINE, scope.monthLabels(),
                List.of(new Series(Label.of("insight.training.enrolled"), enrolled, Format.COUNT),
                        new Series(Label.of("insight.training.completed"), completed, Format.COUNT),
                        new Series(Label.of("insight.training.retraining"), retraining, Format.COUNT))));
        charts.add(new Chart("training-rates", Label.of("insight.training.rates"), Type.LINE, scope.monthLabels(),
                List.of(new Series(Label.of("insight.training.completion"), completion, Format.PERCENT),
                        new Series(Label.of("insight.training.attemptsPassed"), attemptsPassed, Format.PERCENT))));
        charts.add(new Chart("training-funnel", Label.of("insight.training.funnel"), Type.FUNNEL,
                List.of(Label.of("insight.training.stage.assessed"), Label.of("insight.training.stage.attempted"),
                        Label.of("insight.training.stage.passed")),
                List.of(Series.of(Label.of("insight.training.people"), Format.COUNT, n(now.assessed()),
                        n(now.attempted()), n(now.passed())))));
        if (!scope.children().isEmpty()) {
            List<BigDecimal> childCompletion = new ArrayList<>();
            List<BigDecimal> childPass = new ArrayList<>();
            List<BigDecimal> childEnrolled = new ArrayList<>();
            List<BigDecimal> childRetraining = new ArrayList<>();
            for (OrgUnit c : scope.children()) {
                Period p = Period.of(r, c.id(), scope.from(), to);
                childCompletion.add(p.completionRate());
                childPass.add(p.passRate());
                childEnrolled.add(n(p.enrolled()));
                childRetraining.add(n(r.level(RETRAINING, null, c.id(), to)));
            }
            charts.add(new Chart("training-children", Label.of("insight.training.byUnit"), Type.HBAR,
                    scope.childLabels(),
                    List.of(new Series(Label.of("insight.training.completion"), childCompletion, Format.PERCENT),
                            new Series(Label.of("insight.training.passRate"), childPass, Format.PERCENT))));
            charts.add(new Chart("training-children-people", Label.of("insight.training.byUnitPeople"), Type.HBAR,
                    scope.childLabels(),
                    List.of(new Series(Label.of("insight.training.enrolled"), childEnrolled, Format.COUNT),
                            new Series(Label.of("insight.training.retraining"), childRetraining, Format.COUNT))));
        }
        return new Section(key(), Label.of("insight.training.title"), kpis, charts);
    }
}
