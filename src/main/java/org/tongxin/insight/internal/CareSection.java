package org.tongxin.insight.internal;

import static org.tongxin.insight.internal.PeopleKinds.CARE_CASE;
import static org.tongxin.insight.internal.PeopleKinds.DIRECTIONS;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tongxin.insight.internal.Section.Chart;
import org.tongxin.insight.internal.Section.Format;
import org.tongxin.insight.internal.Section.Series;
import org.tongxin.insight.internal.Section.Type;
import org.tongxin.org.OrgUnit;

/**
 * Care cases of downward and outward moves: open and overdue by direction of the move, opened and closed, days to
 * close; the trend and each sub-unit's open cases. Shown to those holding the care right on the node, and only for
 * groups of at least {@link Figures#SMALLEST_GROUP} people.
 */
@Component
class CareSection implements InsightSection {

    private final Figures figures;
    private final Clock clock;

    CareSection(Figures figures, Optional<Clock> clock) {
        this.figures = figures;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @Override
    public String key() {
        return "care";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public boolean shownTo(Scope scope) {
        return scope.viewer().caresFor(scope.node().pathIds());
    }

    @Override
    public Section build(Scope scope) {
        Rollup r = figures.rollup(List.of(CARE_CASE), scope.units(), scope.to());
        OrgUnit node = scope.node();
        YearMonth to = scope.to();
        YearMonth before = scope.previousTo();
        LocalDate today = LocalDate.now(clock);
        boolean shown = figures.enoughPeople(CARE_CASE, node.path(), scope.from(), to);
        boolean shownBefore = figures.enoughPeople(CARE_CASE, node.path(), scope.previousFrom(), before);
        // Overdue is today's: it concerns the cases open this month.
        boolean shownToday = figures.enoughPeople(CARE_CASE, node.path(), YearMonth.from(today), YearMonth.from(today));
        Map<String, Long> overdue = figures.overdue(CARE_CASE, node.path(), today).stream()
                .collect(Collectors.toMap(Figures.Overdue::category, Figures.Overdue::count));

        Rollup.Totals period = r.flow(CARE_CASE, null, node.id(), scope.from(), to);
        Rollup.Totals previous = r.flow(CARE_CASE, null, node.id(), scope.previousFrom(), before);
        List<Section.Kpi> kpis = List.of(
                Section.kpi("open", Label.of("insight.care.open"), Format.COUNT,
                        count(shown, r.level(CARE_CASE, null, node.id(), to)),
                        count(shownBefore, r.level(CARE_CASE, null, node.id(), before))),
                Section.kpi("overdue", Label.of("insight.care.overdue"), Format.COUNT,
                        count(shownToday, overdue.values().stream().mapToLong(Long::longValue).sum()), null),
                Section.kpi("opened", Label.of("insight.care.opened"), Format.COUNT, count(shown, period.started()),
                        count(shownBefore, previous.started())),
                Section.kpi("closed", Label.of("insight.care.closed"), Format.COUNT, count(shown, period.ended()),
                        count(shownBefore, previous.ended())),
                Section.kpi("daysToClose", Label.of("insight.care.daysToClose"), Format.DAYS,
                        shown ? period.averageDays() : null, shownBefore ? previous.averageDays() : null));

        List<Chart> charts = new ArrayList<>();
        List<BigDecimal> open = new ArrayList<>();
        List<BigDecimal> opened = new ArrayList<>();
        List<BigDecimal> closed = new ArrayList<>();
        for (YearMonth m : scope.months()) {
            Rollup.Totals month = r.flow(CARE_CASE, null, node.id(), m, m);
            open.add(count(shown, r.level(CARE_CASE, null, node.id(), m)));
            opened.add(count(shown, month.started()));
            closed.add(count(shown, month.ended()));
        }
        charts.add(new Chart("care-trend", Label.of("insight.care.trend"), Type.LINE, scope.monthLabels(),
                List.of(new Series(Label.of("insight.care.open"), open, Format.COUNT),
                        new Series(Label.of("insight.care.opened"), opened, Format.COUNT),
                        new Series(Label.of("insight.care.closed"), closed, Format.COUNT))));

        Map<String, Long> openByDirection = r.levelByCategory(CARE_CASE, node.id(), to);
        Map<String, Rollup.Totals> flowByDirection = r.flowByCategory(CARE_CASE, node.id(), scope.from(), to);
        List<BigDecimal> openNow = new ArrayList<>();
        List<BigDecimal> overdueNow = new ArrayList<>();
        List<BigDecimal> openedIn = new ArrayList<>();
        for (String direction : DIRECTIONS) {
            openNow.add(count(shown, openByDirection.getOrDefault(direction, 0L)));
            overdueNow.add(count(shownToday, overdue.getOrDefault(direction, 0L)));
            openedIn.add(count(shown, flowByDirection.getOrDefault(direction, Rollup.Totals.NONE).started()));
        }
        charts.add(new Chart("care-directions", Label.of("insight.care.byDirection"), Type.BAR,
                DIRECTIONS.stream().map(d -> Label.of("insight.care.direction." + d)).toList(),
                List.of(new Series(Label.of("insight.care.open"), openNow, Format.COUNT),
                        new Series(Label.of("insight.care.overdue"), overdueNow, Format.COUNT),
                        new Series(Label.of("insight.care.opened"), openedIn, Format.COUNT))));

        if (!scope.children().isEmpty()) {
            List<BigDecimal> childOpen = new ArrayList<>();
            List<BigDecimal> childOpened = new ArrayList<>();
            for (OrgUnit c : scope.children()) {
                boolean enough = figures.enoughPeople(CARE_CASE, c.path(), scope.from(), to);
                childOpen.add(count(enough, r.level(CARE_CASE, null, c.id(), to)));
                childOpened.add(count(enough, r.flow(CARE_CASE, null, c.id(), scope.from(), to).started()));
            }
            charts.add(new Chart("care-children", Label.of("insight.care.byUnit"), Type.HBAR, scope.childLabels(),
                    List.of(new Series(Label.of("insight.care.open"), childOpen, Format.COUNT),
                            new Series(Label.of("insight.care.opened"), childOpened, Format.COUNT))));
        }
        return new Section(key(), Label.of("insight.care.title"), kpis, charts);
    }

    /** The count, or null (withheld) when it concerns too few people. */
    static BigDecimal count(boolean shown, long count) {
        return shown ? Section.n(count) : null;
    }
}
