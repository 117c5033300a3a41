package org.tongxin.insight.internal;

import static org.tongxin.insight.internal.Section.n;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tongxin.benefits.VoucherUse;
import org.tongxin.insight.internal.Section.Chart;
import org.tongxin.insight.internal.Section.Format;
import org.tongxin.insight.internal.Section.Series;
import org.tongxin.insight.internal.Section.Type;
import org.tongxin.org.OrgUnit;

/**
 * Benefits: the holiday welfare rounds opened in the period (members covered, spend against budget, per round), the
 * partners' offers' vouchers claimed and used, birthday vouchers given, and the dues collected per month and per
 * sub-unit. Welfare counts at the sites where members collect, vouchers and dues in the members' units.
 */
@Component
class BenefitsSection implements InsightSection {

    private static final List<String> KINDS = List.of(BenefitsKinds.WELFARE_MEMBERS, BenefitsKinds.WELFARE_BUDGET,
            BenefitsKinds.WELFARE_SPEND, BenefitsKinds.WELFARE_COLLECTED, BenefitsKinds.VOUCHER_ISSUED,
            BenefitsKinds.VOUCHER_USED, BenefitsKinds.DUES, BenefitsKinds.DUES_PAYERS);

    private final Figures figures;

    BenefitsSection(Figures figures) {
        this.figures = figures;
    }

    @Override
    public String key() {
        return "benefits";
    }

    @Override
    public int order() {
        return 90;
    }

    private static BigDecimal value(Rollup r, String kind, long unit, YearMonth from, YearMonth to) {
        return r.flow(kind, null, unit, from, to).value();
    }

    /** Vouchers of the partners' offers (every category but birthdays) given or used in the months. */
    private static long offers(Rollup r, String kind, long unit, YearMonth from, YearMonth to) {
        return r.flow(kind, null, unit, from, to).started()
                - r.flow(kind, VoucherUse.BIRTHDAY, unit, from, to).started();
    }

    private static long birthdays(Rollup r, long unit, YearMonth from, YearMonth to) {
        return r.flow(BenefitsKinds.VOUCHER_ISSUED, VoucherUse.BIRTHDAY, unit, from, to).started();
    }

    @Override
    public Section build(Scope scope) {
        Rollup r = figures.rollup(KINDS, scope.units(), scope.to());
        long node = scope.node().id();
        YearMonth from = scope.from();
        YearMonth to = scope.to();
        YearMonth pFrom = scope.previousFrom();
        YearMonth pTo = scope.previousTo();
        BigDecimal spend = value(r, BenefitsKinds.WELFARE_SPEND, node, from, to);
        BigDecimal spendBefore = value(r, BenefitsKinds.WELFARE_SPEND, node, pFrom, pTo);

        List<Section.Kpi> kpis = List.of(
                Section.kpi("benefits-covered", Label.of("insight.benefits.covered"), Format.COUNT,
                        value(r, BenefitsKinds.WELFARE_MEMBERS, node, from, to),
                        value(r, BenefitsKinds.WELFARE_MEMBERS, node, pFrom, pTo)),
                Section.kpi("benefits-spend", Label.of("insight.benefits.spend"), Format.MONEY, spend, spendBefore),
                Section.kpi("benefits-budget-used", Label.of("insight.benefits.budgetUsed"), Format.PERCENT,
                        Figures.percent(spend, value(r, BenefitsKinds.WELFARE_BUDGET, node, from, to)),
                        Figures.percent(spendBefore, value(r, BenefitsKinds.WELFARE_BUDGET, node, pFrom, pTo))),
                Section.kpi("benefits-claimed", Label.of("insight.benefits.claimed"), Format.COUNT,
                        n(offers(r, BenefitsKinds.VOUCHER_ISSUED, node, from, to)),
                        n(offers(r, BenefitsKinds.VOUCHER_ISSUED, node, pFrom, pTo))),
                Section.kpi("benefits-used", Label.of("insight.benefits.used"), Format.COUNT,
                        n(offers(r, BenefitsKinds.VOUCHER_USED, node, from, to)),
                        n(offers(r, BenefitsKinds.VOUCHER_USED, node, pFrom, pTo))),
                Section.kpi("benefits-birthdays", Label.of("insight.benefits.birthdays"), Format.COUNT,
                        n(birthdays(r, node, from, to)), n(birthdays(r, node, pFrom, pTo))),
                Section.kpi("benefits-dues", Label.of("insight.benefits.dues"), Format.MONEY,
                        value(r, BenefitsKinds.DUES, node, from, to), value(r, BenefitsKinds.DUES, node, pFrom, pTo)));

        Map<String, Rollup.Totals> rounds = r.flowByCategory(BenefitsKinds.WELFARE_MEMBERS, node, from, to);
        List<Label> titles = new ArrayList<>();
        List<BigDecimal> members = new ArrayList<>();
        List<BigDecimal> collected = new ArrayList<>();
        List<BigDecimal> roundSpend = new ArrayList<>();
        List<BigDecimal> roundBudget = new ArrayList<>();
        for (Map.Entry<String, Rollup.Totals> round : rounds.entrySet()) {
            titles.add(Label.text(round.getKey()));
            members.add(round.getValue().value());
            collected.add(r.flow(BenefitsKinds.WELFARE_COLLECTED, round.getKey(), node, from, to).value());
            roundSpend.add(r.flow(BenefitsKinds.WELFARE_SPEND, round.getKey(), node, from, to).value());
            roundBudget.add(r.flow(BenefitsKinds.WELFARE_BUDGET, round.getKey(), node, from, to).value());
        }
        List<BigDecimal> claimed = new ArrayList<>();
        List<BigDecimal> used = new ArrayList<>();
        List<BigDecimal> birthdays = new ArrayList<>();
        List<BigDecimal> dues = new ArrayList<>();
        List<BigDecimal> payers = new ArrayList<>();
        for (YearMonth m : scope.months()) {
            claimed.add(n(offers(r, BenefitsKinds.VOUCHER_ISSUED, node, m, m)));
            used.add(n(offers(r, BenefitsKinds.VOUCHER_USED, node, m, m)));
            birthdays.add(n(birthdays(r, node, m, m)));
            dues.add(value(r, BenefitsKinds.DUES, node, m, m));
            payers.add(value(r, BenefitsKinds.DUES_PAYERS, node, m, m));
        }
        Map<String, Rollup.Totals> given = r.flowByCategory(BenefitsKinds.VOUCHER_ISSUED, node, from, to);
        Map<String, Rollup.Totals> redeemed = r.flowByCategory(BenefitsKinds.VOUCHER_USED, node, from, to);
        List<BigDecimal> givenByCategory = BenefitsKinds.OFFERS.stream()
                .map(c -> n(given.getOrDefault(c, Rollup.Totals.NONE).started())).toList();
        List<BigDecimal> usedByCategory = BenefitsKinds.OFFERS.stream()
                .map(c -> n(redeemed.getOrDefault(c, Rollup.Totals.NONE).started())).toList();

        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("benefits-rounds", Label.of("insight.benefits.rounds"), Type.BAR, titles,
                List.of(new Series(Label.of("insight.benefits.budget"), roundBudget, Format.MONEY),
                        new Series(Label.of("insight.benefits.spend"), roundSpend, Format.MONEY))));
        charts.add(new Chart("benefits-round-members", Label.of("insight.benefits.roundMembers"), Type.BAR, titles,
                List.of(new Series(Label.of("insight.benefits.covered"), members, Format.COUNT),
                        new Series(Label.of("insight.benefits.collected"), collected, Format.COUNT))));
        charts.add(new Chart("benefits-dues-trend", Label.of("insight.benefits.duesTrend"), Type.LINE,
                scope.monthLabels(),
                List.of(new Series(Label.of("insight.benefits.dues"), dues, Format.MONEY),
                        new Series(Label.of("insight.benefits.payers"), payers, Format.COUNT))));
        charts.add(new Chart("benefits-vouchers", Label.of("insight.benefits.vouchers"), Type.LINE, scope.monthLabels(),
                List.of(new Series(Label.of("insight.benefits.claimed"), claimed, Format.COUNT),
                        new Series(Label.of("insight.benefits.used"), used, Format.COUNT),
                        new Series(Label.of("insight.benefits.birthdays"), birthdays, Format.COUNT))));
        charts.add(new Chart("benefits-offers", Label.of("insight.benefits.byOffer"), Type.BAR,
                BenefitsKinds.OFFERS.stream().map(c -> Label.of("insight.benefits.offer." + c)).toList(),
                List.of(new Series(Label.of("insight.benefits.claimed"), givenByCategory, Format.COUNT),
                        new Series(Label.of("insight.benefits.used"), usedByCategory, Format.COUNT))));
        if (!scope.children().isEmpty()) {
            List<BigDecimal> childDues = new ArrayList<>();
            List<BigDecimal> childCovered = new ArrayList<>();
            for (OrgUnit c : scope.children()) {
                childDues.add(value(r, BenefitsKinds.DUES, c.id(), from, to));
                childCovered.add(value(r, BenefitsKinds.WELFARE_MEMBERS, c.id(), from, to));
            }
            charts.add(new Chart("benefits-children", Label.of("insight.benefits.byUnit"), Type.HBAR,
                    scope.childLabels(),
                    List.of(new Series(Label.of("insight.benefits.dues"), childDues, Format.MONEY),
                            new Series(Label.of("insight.benefits.covered"), childCovered, Format.COUNT))));
        }
        return new Section(key(), Label.of("insight.benefits.title"), kpis, charts);
    }
}
