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
import org.tongxin.rights.AppealProgress;

/**
 * Employees' appeals (职工诉求), counted where the appellants work: raised by category, open and overdue, days to
 * resolve, satisfaction with the replies, the trend and each sub-unit's. As on the rights module's own figures, a
 * sensitive category raised by fewer than {@link Figures#SMALLEST_GROUP} different people in a period is left out of
 * every figure of that period, totals included, so that no figure can be subtracted from another to find them. The
 * bars by sub-unit always leave the sensitive categories out: one sub-unit's few people would otherwise be the
 * difference between the node's total and the other sub-units' bars. The people are counted over all sensitive
 * categories together, which is the module's rule while harassment is the only one.
 */
@Component
class RightsSection implements InsightSection {

    private static final List<String> RATINGS = List.of("SATISFIED", "PARTLY", "UNSATISFIED");

    private final Figures figures;

    RightsSection(Figures figures) {
        this.figures = figures;
    }

    @Override
    public String key() {
        return "rights";
    }

    @Override
    public int order() {
        return 80;
    }

    /** The categories other than the sensitive ones. */
    private static final List<String> PLAIN = AppealProgress.CATEGORIES.stream()
            .filter(c -> !AppealProgress.SENSITIVE.contains(c)).toList();

    /** The categories shown for a subtree over some months. */
    private List<String> counted(String path, YearMonth from, YearMonth to) {
        return figures.enoughPeople(RightsKinds.APPEAL, path, from, to) ? AppealProgress.CATEGORIES : PLAIN;
    }

    private static Rollup.Totals flow(Rollup r, List<String> categories, long unit, YearMonth from, YearMonth to) {
        long started = 0;
        long ended = 0;
        long days = 0;
        for (String c : categories) {
            Rollup.Totals t = r.flow(RightsKinds.APPEAL, c, unit, from, to);
            started += t.started();
            ended += t.ended();
            days += t.endedDays();
        }
        return new Rollup.Totals(started, ended, BigDecimal.ZERO, days);
    }

    private static long open(Rollup r, List<String> categories, long unit, YearMonth at) {
        return categories.stream().mapToLong(c -> r.level(RightsKinds.APPEAL, c, unit, at)).sum();
    }

    /** Ratings given in the months, by rating, of the categories shown. */
    private static List<Long> ratings(Rollup r, List<String> categories, long unit, YearMonth from, YearMonth to) {
        Map<String, Rollup.Totals> given = r.flowByCategory(RightsKinds.APPEAL_RATING, unit, from, to);
        List<Long> out = new ArrayList<>();
        for (String rating : RATINGS) {
            out.add(categories.stream().mapToLong(c -> given.getOrDefault(RightsKinds.rating(c, rating),
                    Rollup.Totals.NONE).started()).sum());
        }
        return out;
    }

    private static BigDecimal satisfied(List<Long> ratings) {
        return Figures.percent(ratings.getFirst(), ratings.stream().mapToLong(Long::longValue).sum());
    }

    @Override
    public Section build(Scope scope) {
        Rollup r = figures.rollup(List.of(RightsKinds.APPEAL, RightsKinds.APPEAL_RATING), scope.units(), scope.to());
        long node = scope.node().id();
        String path = scope.node().path();
        List<String> shown = counted(path, scope.from(), scope.to());
        List<String> shownBefore = counted(path, scope.previousFrom(), scope.previousTo());
        Rollup.Totals now = flow(r, shown, node, scope.from(), scope.to());
        Rollup.Totals then = flow(r, shownBefore, node, scope.previousFrom(), scope.previousTo());
        List<Long> ratings = ratings(r, shown, node, scope.from(), scope.to());
        List<Long> ratingsBefore = ratings(r, shownBefore, node, scope.previousFrom(), scope.previousTo());
        List<Figures.Overdue> overdue = figures.overdue(RightsKinds.APPEAL, path, LocalDate.now()).stream()
                .filter(o -> shown.contains(o.category())).toList();

        List<Section.Kpi> kpis = List.of(
                Section.kpi("rights-raised", Label.of("insight.rights.raised"), Format.COUNT, n(now.started()),
                        n(then.started())),
                Section.kpi("rights-open", Label.of("insight.rights.open"), Format.COUNT,
                        n(open(r, shown, node, scope.to())), n(open(r, shownBefore, node, scope.previousTo()))),
                Section.kpi("rights-overdue", Label.of("insight.rights.overdue"), Format.COUNT,
                        n(overdue.stream().mapToLong(Figures.Overdue::count).sum()), null),
                Section.kpi("rights-days", Label.of("insight.rights.days"), Format.DAYS, now.averageDays(),
                        then.averageDays()),
                Section.kpi("rights-satisfied", Label.of("insight.rights.satisfied"), Format.PERCENT,
                        satisfied(ratings), satisfied(ratingsBefore)));

        List<Label> categories = shown.stream().map(c -> Label.of("insight.rights.category." + c)).toList();
        List<BigDecimal> raised = new ArrayList<>();
        List<BigDecimal> openNow = new ArrayList<>();
        List<BigDecimal> late = new ArrayList<>();
        for (String c : shown) {
            raised.add(n(r.flow(RightsKinds.APPEAL, c, node, scope.from(), scope.to()).started()));
            openNow.add(n(r.level(RightsKinds.APPEAL, c, node, scope.to())));
            late.add(n(overdue.stream().filter(o -> o.category().equals(c)).mapToLong(Figures.Overdue::count).sum()));
        }
        List<BigDecimal> raisedByMonth = new ArrayList<>();
        List<BigDecimal> resolvedByMonth = new ArrayList<>();
        for (YearMonth m : scope.months()) {
            Rollup.Totals t = flow(r, shown, node, m, m);
            raisedByMonth.add(n(t.started()));
            resolvedByMonth.add(n(t.ended()));
        }

        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("rights-categories", Label.of("insight.rights.byCategory"), Type.BAR, categories,
                List.of(new Series(Label.of("insight.rights.raised"), raised, Format.COUNT),
                        new Series(Label.of("insight.rights.open"), openNow, Format.COUNT),
                        new Series(Label.of("insight.rights.overdue"), late, Format.COUNT))));
        charts.add(new Chart("rights-trend", Label.of("insight.rights.trend"), Type.LINE, scope.monthLabels(),
                List.of(new Series(Label.of("insight.rights.raised"), raisedByMonth, Format.COUNT),
                        new Series(Label.of("insight.rights.resolved"), resolvedByMonth, Format.COUNT))));
        charts.add(new Chart("rights-ratings", Label.of("insight.rights.ratings"), Type.PIE,
                RATINGS.stream().map(x -> Label.of("insight.rights.rating." + x)).toList(),
                List.of(new Series(Label.of("insight.rights.rated"), ratings.stream().map(Section::n).toList(),
                        Format.COUNT))));
        if (!scope.children().isEmpty()) {
            List<BigDecimal> childRaised = new ArrayList<>();
            List<BigDecimal> childOpen = new ArrayList<>();
            for (OrgUnit c : scope.children()) {
                childRaised.add(n(flow(r, PLAIN, c.id(), scope.from(), scope.to()).started()));
                childOpen.add(n(open(r, PLAIN, c.id(), scope.to())));
            }
            charts.add(new Chart("rights-children", Label.of("insight.rights.byUnit"), Type.HBAR, scope.childLabels(),
                    List.of(new Series(Label.of("insight.rights.raised"), childRaised, Format.COUNT),
                            new Series(Label.of("insight.rights.open"), childOpen, Format.COUNT))));
        }
        return new Section(key(), Label.of("insight.rights.title"), kpis, charts);
    }
}
