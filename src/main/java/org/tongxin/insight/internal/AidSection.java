package org.tongxin.insight.internal;

import static org.tongxin.insight.internal.CareSection.count;
import static org.tongxin.insight.internal.PeopleKinds.AID;
import static org.tongxin.insight.internal.PeopleKinds.AID_APPROVED;
import static org.tongxin.insight.internal.PeopleKinds.AID_CATEGORIES;
import static org.tongxin.insight.internal.PeopleKinds.AID_PAID;

import java.math.BigDecimal;
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
 * Hardship aid: applications, those in review, approved and paid with the yuan; the trend, the kinds of hardship
 * and each sub-unit's. Shown to those holding the care right on the node; applications, approvals and payments each
 * only when they concern at least {@link Figures#SMALLEST_GROUP} people.
 */
@Component
class AidSection implements InsightSection {

    private final Figures figures;

    AidSection(Figures figures) {
        this.figures = figures;
    }

    @Override
    public String key() {
        return "aid";
    }

    @Override
    public int order() {
        return 22;
    }

    @Override
    public boolean shownTo(Scope scope) {
        return scope.viewer().caresFor(scope.node().pathIds());
    }

    /** Which of a range's figures concern enough people to be shown. */
    private record Shown(boolean applied, boolean approved, boolean paid) {
    }

    private Shown shown(OrgUnit unit, YearMonth from, YearMonth to) {
        return new Shown(figures.enoughPeople(AID, unit.path(), from, to),
                figures.enoughPeople(AID_APPROVED, unit.path(), from, to),
                figures.enoughPeople(AID_PAID, unit.path(), from, to));
    }

    private static BigDecimal money(boolean shown, BigDecimal yuan) {
        return shown ? yuan : null;
    }

    @Override
    public Section build(Scope scope) {
        Rollup r = figures.rollup(List.of(AID, AID_APPROVED, AID_PAID), scope.units(), scope.to());
        OrgUnit node = scope.node();
        YearMonth from = scope.from();
        YearMonth to = scope.to();
        YearMonth before = scope.previousTo();
        Shown now = shown(node, from, to);
        Shown then = shown(node, scope.previousFrom(), before);

        Rollup.Totals applied = r.flow(AID, null, node.id(), from, to);
        Rollup.Totals appliedBefore = r.flow(AID, null, node.id(), scope.previousFrom(), before);
        Rollup.Totals approved = r.flow(AID_APPROVED, null, node.id(), from, to);
        Rollup.Totals approvedBefore = r.flow(AID_APPROVED, null, node.id(), scope.previousFrom(), before);
        Rollup.Totals paid = r.flow(AID_PAID, null, node.id(), from, to);
        Rollup.Totals paidBefore = r.flow(AID_PAID, null, node.id(), scope.previousFrom(), before);
        List<Section.Kpi> kpis = List.of(
                Section.kpi("applications", Label.of("insight.aid.applications"), Format.COUNT,
                        count(now.applied(), applied.started()), count(then.applied(), appliedBefore.started())),
                Section.kpi("inReview", Label.of("insight.aid.inReview"), Format.COUNT,
                        count(now.applied(), r.level(AID, null, node.id(), to)),
                        count(then.applied(), r.level(AID, null, node.id(), before))),
                Section.kpi("approved", Label.of("insight.aid.approved"), Format.COUNT,
                        count(now.approved(), approved.started()), count(then.approved(), approvedBefore.started())),
                Section.kpi("approvedYuan", Label.of("insight.aid.approvedYuan"), Format.MONEY,
                        money(now.approved(), approved.value()), money(then.approved(), approvedBefore.value())),
                Section.kpi("paidYuan", Label.of("insight.aid.paidYuan"), Format.MONEY,
                        money(now.paid(), paid.value()), money(then.paid(), paidBefore.value())));

        List<Chart> charts = new ArrayList<>();
        List<BigDecimal> applications = new ArrayList<>();
        List<BigDecimal> approvedYuan = new ArrayList<>();
        List<BigDecimal> paidYuan = new ArrayList<>();
        for (YearMonth m : scope.months()) {
            applications.add(count(now.applied(), r.flow(AID, null, node.id(), m, m).started()));
            approvedYuan.add(money(now.approved(), r.flow(AID_APPROVED, null, node.id(), m, m).value()));
            paidYuan.add(money(now.paid(), r.flow(AID_PAID, null, node.id(), m, m).value()));
        }
        charts.add(new Chart("aid-trend", Label.of("insight.aid.trend"), Type.LINE, scope.monthLabels(),
                List.of(new Series(Label.of("insight.aid.applications"), applications, Format.COUNT),
                        new Series(Label.of("insight.aid.approvedYuan"), approvedYuan, Format.MONEY),
                        new Series(Label.of("insight.aid.paidYuan"), paidYuan, Format.MONEY))));

        Map<String, Rollup.Totals> appliedByKind = r.flowByCategory(AID, node.id(), from, to);
        Map<String, Rollup.Totals> paidByKind = r.flowByCategory(AID_PAID, node.id(), from, to);
        List<BigDecimal> kindApplications = new ArrayList<>();
        List<BigDecimal> kindPaid = new ArrayList<>();
        for (String kind : AID_CATEGORIES) {
            kindApplications.add(count(now.applied(), appliedByKind.getOrDefault(kind, Rollup.Totals.NONE).started()));
            kindPaid.add(money(now.paid(), paidByKind.getOrDefault(kind, Rollup.Totals.NONE).value()));
        }
        charts.add(new Chart("aid-categories", Label.of("insight.aid.byCategory"), Type.BAR,
                AID_CATEGORIES.stream().map(k -> Label.of("insight.aid.category." + k)).toList(),
                List.of(new Series(Label.of("insight.aid.applications"), kindApplications, Format.COUNT),
                        new Series(Label.of("insight.aid.paidYuan"), kindPaid, Format.MONEY))));

        if (!scope.children().isEmpty()) {
            List<BigDecimal> childApplications = new ArrayList<>();
            List<BigDecimal> childPaid = new ArrayList<>();
            for (OrgUnit c : scope.children()) {
                childApplications.add(count(figures.enoughPeople(AID, c.path(), from, to),
                        r.flow(AID, null, c.id(), from, to).started()));
                childPaid.add(money(figures.enoughPeople(AID_PAID, c.path(), from, to),
                        r.flow(AID_PAID, null, c.id(), from, to).value()));
            }
            charts.add(new Chart("aid-children", Label.of("insight.aid.byUnit"), Type.HBAR, scope.childLabels(),
                    List.of(new Series(Label.of("insight.aid.applications"), childApplications, Format.COUNT),
                            new Series(Label.of("insight.aid.paidYuan"), childPaid, Format.MONEY))));
        }
        return new Section(key(), Label.of("insight.aid.title"), kpis, charts);
    }
}
