package org.tongxin.insight;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.tongxin.insight.internal.Facts;
import org.tongxin.insight.internal.InsightSection;
import org.tongxin.insight.internal.Scope;
import org.tongxin.insight.internal.Section;

/** Reading the roll-up rows and the built sections of training, publicity and live in their tests. */
final class LearningSections {

    private LearningSections() {
    }

    /** The roll-up rows of the kinds given for the units given, as {@link Facts#rollUp()} writes them. */
    static List<String> rows(Facts facts, List<String> kinds, long... units) {
        return facts.rollUp().stream().filter(r -> {
            String[] f = r.split("\\|");
            long unit = Long.parseLong(f[2]);
            return kinds.contains(f[0]) && Arrays.stream(units).anyMatch(u -> u == unit);
        }).toList();
    }

    static Section build(List<InsightSection> sections, String key, Scope scope) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow().build(scope);
    }

    static Section.Kpi kpi(Section section, String id) {
        return section.kpis().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
    }

    static Section.Chart chart(Section section, String id) {
        return section.charts().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** The values of the chart's series number {@code series}. */
    static List<BigDecimal> values(Section section, String chartId, int series) {
        return chart(section, chartId).series().get(series).values();
    }

    /** The last value of a trend's series: the figure of the range's last month. */
    static BigDecimal last(Section section, String chartId, int series) {
        return values(section, chartId, series).getLast();
    }
}
