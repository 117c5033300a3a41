package org.tongxin.insight.internal;

import static org.tongxin.insight.internal.PublicityKinds.ITEM;
import static org.tongxin.insight.internal.PublicityKinds.READ;
import static org.tongxin.insight.internal.PublicityKinds.SHARE;
import static org.tongxin.insight.internal.Section.n;

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
 * Publicity's reach: items published, reads (by the node's own people, and by readers without an account of the
 * node's items), shares by channel — the trend, the channels, and each sub-unit's readers and items.
 */
@Component
class PublicitySection implements InsightSection {

    private final Figures figures;

    PublicitySection(Figures figures) {
        this.figures = figures;
    }

    @Override
    public String key() {
        return "publicity";
    }

    @Override
    public int order() {
        return 60;
    }

    /** Shares are the count each fact carries as its value. */
    private static BigDecimal shares(Rollup.Totals t) {
        return n(t.value().longValue());
    }

    @Override
    public Section build(Scope scope) {
        Rollup r = figures.rollup(List.of(ITEM, READ, SHARE), scope.units(), scope.to());
        long node = scope.node().id();
        YearMonth to = scope.to();
        YearMonth before = scope.previousTo();
        YearMonth from = scope.from();
        YearMonth previousFrom = scope.previousFrom();

        List<Section.Kpi> kpis = List.of(
                Section.kpi("published", Label.of("insight.publicity.published"), Format.COUNT,
                        n(r.flow(ITEM, null, node, from, to).started()),
                        n(r.flow(ITEM, null, node, previousFrom, before).started())),
                Section.kpi("reads", Label.of("insight.publicity.reads"), Format.COUNT,
                        n(r.flow(READ, null, node, from, to).started()),
                        n(r.flow(READ, null, node, previousFrom, before).started())),
                Section.kpi("staffReads", Label.of("insight.publicity.staffReads"), Format.COUNT,
                        n(r.flow(READ, PublicityKinds.STAFF, node, from, to).started()),
                        n(r.flow(READ, PublicityKinds.STAFF, node, previousFrom, before).started())),
                Section.kpi("shares", Label.of("insight.publicity.shares"), Format.COUNT,
                        shares(r.flow(SHARE, null, node, from, to)),
                        shares(r.flow(SHARE, null, node, previousFrom, before))));

        List<BigDecimal> published = new ArrayList<>();
        List<BigDecimal> staffReads = new ArrayList<>();
        List<BigDecimal> publicReads = new ArrayList<>();
        List<BigDecimal> shares = new ArrayList<>();
        for (YearMonth m : scope.months()) {
            published.add(n(r.flow(ITEM, null, node, m, m).started()));
            staffReads.add(n(r.flow(READ, PublicityKinds.STAFF, node, m, m).started()));
            publicReads.add(n(r.flow(READ, PublicityKinds.PUBLIC, node, m, m).started()));
            shares.add(shares(r.flow(SHARE, null, node, m, m)));
        }
        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("publicity-trend", Label.of("insight.publicity.trend"), Type.LINE, scope.monthLabels(),
                List.of(new Series(Label.of("insight.publicity.staffReads"), staffReads, Format.COUNT),
                        new Series(Label.of("insight.publicity.publicReads"), publicReads, Format.COUNT),
                        new Series(Label.of("insight.publicity.shares"), shares, Format.COUNT),
                        new Series(Label.of("insight.publicity.published"), published, Format.COUNT))));
        Map<String, Rollup.Totals> byChannel = r.flowByCategory(SHARE, node, from, to);
        charts.add(new Chart("publicity-channels", Label.of("insight.publicity.channels"), Type.PIE,
                PublicityKinds.CHANNELS.stream().map(c -> Label.of("insight.publicity.channel." + c)).toList(),
                List.of(new Series(Label.of("insight.publicity.shares"), PublicityKinds.CHANNELS.stream()
                        .map(c -> byChannel.containsKey(c) ? shares(byChannel.get(c)) : BigDecimal.ZERO).toList(),
                        Format.COUNT))));
        if (!scope.children().isEmpty()) {
            List<BigDecimal> childReads = new ArrayList<>();
            List<BigDecimal> childPublished = new ArrayList<>();
            for (OrgUnit c : scope.children()) {
                childReads.add(n(r.flow(READ, PublicityKinds.STAFF, c.id(), from, to).started()));
                childPublished.add(n(r.flow(ITEM, null, c.id(), from, to).started()));
            }
            charts.add(new Chart("publicity-children", Label.of("insight.publicity.byUnit"), Type.HBAR,
                    scope.childLabels(),
                    List.of(new Series(Label.of("insight.publicity.staffReads"), childReads, Format.COUNT),
                            new Series(Label.of("insight.publicity.published"), childPublished, Format.COUNT))));
        }
        return new Section(key(), Label.of("insight.publicity.title"), kpis, charts);
    }
}
