package org.tongxin.insight.internal;

import static org.tongxin.insight.internal.PeopleKinds.APPLICATION;
import static org.tongxin.insight.internal.PeopleKinds.APPROVED;
import static org.tongxin.insight.internal.PeopleKinds.REJECTED;
import static org.tongxin.insight.internal.PeopleKinds.WITHDRAWN;
import static org.tongxin.insight.internal.Section.n;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongxin.insight.internal.Section.Chart;
import org.tongxin.insight.internal.Section.Format;
import org.tongxin.insight.internal.Section.Series;
import org.tongxin.insight.internal.Section.Type;
import org.tongxin.org.OrgUnit;

/**
 * Applications to join: pending and overdue, submitted and decided, how long a decision takes; a funnel of the
 * period's applications (submitted, decided, approved), the trend, the outcomes and each sub-unit's queue.
 */
@Component
class ApplicationsSection implements InsightSection {

    private final Figures figures;
    private final Clock clock;

    ApplicationsSection(Figures figures, Optional<Clock> clock) {
        this.figures = figures;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @Override
    public String key() {
        return "applications";
    }

    @Override
    public int order() {
        return 15;
    }

    /** The period's flows: what was submitted, decided and approved, and how long decisions took. */
    private record Period(long submitted, long submittedDecided, long submittedApproved, long approved,
                          long rejected, long withdrawn, BigDecimal decisionDays) {

        static Period of(Rollup r, long unit, YearMonth from, YearMonth to) {
            Map<String, Rollup.Totals> byStatus = r.flowByCategory(APPLICATION, unit, from, to);
            Rollup.Totals none = Rollup.Totals.NONE;
            Rollup.Totals approved = byStatus.getOrDefault(APPROVED, none);
            Rollup.Totals rejected = byStatus.getOrDefault(REJECTED, none);
            long submitted = byStatus.values().stream().mapToLong(Rollup.Totals::started).sum();
            // Withdrawn applications were never decided: the time to decide counts approvals and rejections.
            Rollup.Totals decided = new Rollup.Totals(approved.started() + rejected.started(),
                    approved.ended() + rejected.ended(), BigDecimal.ZERO, approved.endedDays() + rejected.endedDays());
            return new Period(submitted, decided.started(), approved.started(), approved.ended(), rejected.ended(),
                    byStatus.getOrDefault(WITHDRAWN, none).ended(), decided.averageDays());
        }
    }

    @Override
    public Section build(Scope scope) {
        Rollup r = figures.rollup(List.of(APPLICATION), scope.units(), scope.to());
        OrgUnit node = scope.node();
        YearMonth to = scope.to();
        YearMonth before = scope.previousTo();
        LocalDate today = LocalDate.now(clock);

        Period now = Period.of(r, node.id(), scope.from(), to);
        Period then = Period.of(r, node.id(), scope.previousFrom(), before);
        List<Section.Kpi> kpis = List.of(
                Section.kpi("pending", Label.of("insight.applications.pending"), Format.COUNT,
                        n(r.level(APPLICATION, null, node.id(), to)), n(r.level(APPLICATION, null, node.id(), before))),
                Section.kpi("overdue", Label.of("insight.applications.overdue"), Format.COUNT,
                        n(overdue(node, today)), null),
                Section.kpi("submitted", Label.of("insight.applications.submitted"), Format.COUNT, n(now.submitted()),
                        n(then.submitted())),
                Section.kpi("approved", Label.of("insight.applications.approved"), Format.COUNT, n(now.approved()),
                        n(then.approved())),
                Section.kpi("rejected", Label.of("insight.applications.rejected"), Format.COUNT, n(now.rejected()),
                        n(then.rejected())),
                Section.kpi("decisionDays", Label.of("insight.applications.decisionDays"), Format.DAYS,
                        now.decisionDays(), then.decisionDays()));

        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("applications-funnel", Label.of("insight.applications.funnel"), Type.FUNNEL,
                List.of(Label.of("insight.applications.submitted"), Label.of("insight.applications.decided"),
                        Label.of("insight.applications.joined")),
                List.of(Series.of(Label.of("insight.applications.count"), Format.COUNT, n(now.submitted()),
                        n(now.submittedDecided()), n(now.submittedApproved())))));

        List<BigDecimal> submitted = new ArrayList<>();
        List<BigDecimal> approved = new ArrayList<>();
        List<BigDecimal> pending = new ArrayList<>();
        for (YearMonth m : scope.months()) {
            Period month = Period.of(r, node.id(), m, m);
            submitted.add(n(month.submitted()));
            approved.add(n(month.approved()));
            pending.add(n(r.level(APPLICATION, null, node.id(), m)));
        }
        charts.add(new Chart("applications-trend", Label.of("insight.applications.trend"), Type.LINE,
                scope.monthLabels(),
                List.of(new Series(Label.of("insight.applications.submitted"), submitted, Format.COUNT),
                        new Series(Label.of("insight.applications.approved"), approved, Format.COUNT),
                        new Series(Label.of("insight.applications.pending"), pending, Format.COUNT))));

        charts.add(new Chart("applications-outcomes", Label.of("insight.applications.outcomes"), Type.PIE,
                List.of(Label.of("insight.applications.approved"), Label.of("insight.applications.rejected"),
                        Label.of("insight.applications.withdrawn")),
                List.of(Series.of(Label.of("insight.applications.count"), Format.COUNT, n(now.approved()),
                        n(now.rejected()), n(now.withdrawn())))));

        if (!scope.children().isEmpty()) {
            List<BigDecimal> childSubmitted = new ArrayList<>();
            List<BigDecimal> childPending = new ArrayList<>();
            List<BigDecimal> childOverdue = new ArrayList<>();
            for (OrgUnit c : scope.children()) {
                childSubmitted.add(n(Period.of(r, c.id(), scope.from(), to).submitted()));
                childPending.add(n(r.level(APPLICATION, null, c.id(), to)));
                childOverdue.add(n(overdue(c, today)));
            }
            charts.add(new Chart("applications-children", Label.of("insight.applications.byUnit"), Type.HBAR,
                    scope.childLabels(),
                    List.of(new Series(Label.of("insight.applications.submitted"), childSubmitted, Format.COUNT),
                            new Series(Label.of("insight.applications.pending"), childPending, Format.COUNT),
                            new Series(Label.of("insight.applications.overdue"), childOverdue, Format.COUNT))));
        }
        return new Section(key(), Label.of("insight.applications.title"), kpis, charts);
    }

    /** Pending applications of the unit's subtree past their deadline today. */
    private long overdue(OrgUnit unit, LocalDate today) {
        return figures.overdue(APPLICATION, unit.path(), today).stream().mapToLong(Figures.Overdue::count).sum();
    }
}
