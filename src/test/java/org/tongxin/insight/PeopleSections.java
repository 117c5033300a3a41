package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.tongxin.insight.internal.InsightSection;
import org.tongxin.insight.internal.Label;
import org.tongxin.insight.internal.Section;

/** Reading a built section in the tests of applications, care and aid. */
final class PeopleSections {

    private PeopleSections() {
    }

    static InsightSection named(List<InsightSection> sections, String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    static Section.Kpi kpi(Section section, String id) {
        return section.kpis().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
    }

    /** A KPI's value and previous value as plain strings ("null" when withheld), for comparing with a hand count. */
    static String figures(Section section, String id) {
        Section.Kpi k = kpi(section, id);
        return plain(k.value()) + "/" + plain(k.previous());
    }

    static Section.Chart chart(Section section, String id) {
        return section.charts().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** The values of one series of a chart, as plain strings. */
    static List<String> series(Section section, String chart, int series) {
        List<String> out = new ArrayList<>();
        chart(section, chart).series().get(series).values().forEach(v -> out.add(plain(v)));
        return out;
    }

    /** The last value of a series: the trend's current month when the range ends this month. */
    static String last(Section section, String chart, int series) {
        return series(section, chart, series).getLast();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "null" : v.stripTrailingZeros().toPlainString();
    }

    /** Every message code the section shows exists (both languages hold the same keys: I18nTests). */
    static void labelsExist(Section section, MessageSource messages) {
        List<Label> labels = new ArrayList<>();
        labels.add(section.title());
        section.kpis().forEach(k -> labels.add(k.label()));
        for (Section.Chart c : section.charts()) {
            labels.add(c.title());
            labels.addAll(c.categories());
            c.series().forEach(s -> labels.add(s.name()));
        }
        for (Label l : labels) {
            if (l.code() != null) {
                assertThat(messages.getMessage(l.code(), l.args().toArray(), null, Locale.ENGLISH))
                        .as(l.code()).isNotNull();
            }
        }
    }
}
