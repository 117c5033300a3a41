package org.tongxin.insight.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.tongxin.insight.internal.Label;
import org.tongxin.insight.internal.Section;
import org.tongxin.shared.table.Sheets;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sections in the reader's language: what the page, the chart script, the table view, the big screen and the Excel
 * export show — one set of values, so a chart, its table and its sheet cannot disagree.
 */
public record Board(List<SectionView> sections) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record KpiView(String id, String label, BigDecimal value, BigDecimal previous, String shown, String previousShown,
                   int trend) {
    }

    public record SeriesView(String name, List<BigDecimal> values, List<String> shown, String format) {
    }

    public record ChartView(String id, String title, String type, List<String> categories, List<SeriesView> series) {

        /** The chart's data for the script. */
        public String json() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("type", type);
            data.put("categories", categories);
            List<Map<String, Object>> list = new ArrayList<>();
            for (SeriesView s : series) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", s.name());
                m.put("format", s.format());
                m.put("values", s.values());
                list.add(m);
            }
            data.put("series", list);
            return JSON.writeValueAsString(data);
        }
    }

    public record SectionView(String key, String title, List<KpiView> kpis, List<ChartView> charts) {
    }

    static Board of(List<Section> sections, MessageSource messages, Locale locale) {
        Words words = new Words(messages, locale);
        List<SectionView> views = new ArrayList<>();
        for (Section s : sections) {
            List<KpiView> kpis = s.kpis().stream().map(k -> new KpiView(k.id(), words.of(k.label()), plain(k.value()),
                    plain(k.previous()), words.number(k.value(), k.format()),
                    k.previous() == null ? null : words.number(k.previous(), k.format()),
                    k.value() == null || k.previous() == null ? 0 : k.value().compareTo(k.previous()))).toList();
            List<ChartView> charts = s.charts().stream().map(c -> new ChartView(c.id(), words.of(c.title()),
                    c.type().name(), c.categories().stream().map(words::of).toList(),
                    c.series().stream().map(x -> new SeriesView(words.of(x.name()),
                            x.values().stream().map(Board::plain).toList(),
                            x.values().stream().map(v -> words.number(v, x.format())).toList(),
                            x.format().name())).toList())).toList();
            views.add(new SectionView(s.key(), words.of(s.title()), kpis, charts));
        }
        return new Board(views);
    }

    /** One sheet per section: its headline figures with the previous period's, then each chart's table. */
    List<Sheets.Table> sheets(String withheld, String previousWord, String valueWord) {
        List<Sheets.Table> tables = new ArrayList<>();
        for (SectionView s : sections) {
            List<List<Object>> rows = new ArrayList<>();
            rows.add(List.of(s.title()));
            rows.add(List.of("", valueWord, previousWord));
            for (KpiView k : s.kpis()) {
                rows.add(java.util.Arrays.asList(k.label(), cell(k.value(), withheld),
                        k.previous() == null ? null : k.previous()));
            }
            for (ChartView c : s.charts()) {
                rows.add(List.of());
                rows.add(List.of(c.title()));
                List<Object> header = new ArrayList<>();
                header.add("");
                c.series().forEach(x -> header.add(x.name()));
                rows.add(header);
                for (int i = 0; i < c.categories().size(); i++) {
                    List<Object> row = new ArrayList<>();
                    row.add(c.categories().get(i));
                    for (SeriesView x : c.series()) {
                        row.add(cell(x.values().get(i), withheld));
                    }
                    rows.add(row);
                }
            }
            tables.add(new Sheets.Table(s.title(), List.of(), rows));
        }
        return tables;
    }

    /** Without trailing zeros ("3" rather than "3.00"), the way a chart, a table cell and a sheet all read it. */
    private static BigDecimal plain(BigDecimal v) {
        return v == null ? null : new BigDecimal(v.stripTrailingZeros().toPlainString());
    }

    private static Object cell(BigDecimal v, String withheld) {
        return v == null ? withheld : v;
    }

    /** Labels and numbers in the reader's language. */
    private record Words(MessageSource messages, Locale locale) {

        String of(Label l) {
            return l.code() == null ? l.text() : messages.getMessage(l.code(), l.args().toArray(), locale);
        }

        String number(BigDecimal v, Section.Format format) {
            if (v == null) {
                return messages.getMessage("insight.withheld", null, locale);
            }
            NumberFormat nf = NumberFormat.getNumberInstance(locale);
            return switch (format) {
                case COUNT -> nf.format(v.setScale(0, RoundingMode.HALF_UP));
                case PERCENT -> v.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
                case MONEY -> "¥" + String.format(locale, "%,.2f", v);
                case DAYS, HOURS, SCORE -> v.setScale(1, RoundingMode.HALF_UP).toPlainString();
            };
        }
    }
}
