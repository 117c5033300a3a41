package org.tongxin.insight.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * One module's part of a dashboard: headline figures with the previous period's, and charts. The page, the table
 * view, the big screen and the Excel export all show these same values. A null value is shown as a dash: a figure
 * withheld because it concerns fewer than {@link Figures#SMALLEST_GROUP} people, or a share without a base.
 */
public record Section(String key, Label title, List<Kpi> kpis, List<Chart> charts) {

    public Section {
        kpis = List.copyOf(kpis);
        charts = List.copyOf(charts);
    }

    /** How a number reads. */
    public enum Format {
        COUNT, PERCENT, MONEY, DAYS, HOURS, SCORE
    }

    /** How a chart draws its series. */
    public enum Type {
        /** Series over the categories (months) as lines. */
        LINE,
        /** Series over the categories as bars. */
        BAR,
        /** Series over many categories (sub-units, titles) as horizontal bars: readable on a phone. */
        HBAR,
        /** The first series as stages narrowing from the first category to the last. */
        FUNNEL,
        /** The first series as the areas of the categories, the second (optional) as their colour. */
        TREEMAP,
        /** The first series as shares of a whole. */
        PIE
    }

    /** A headline figure with the same figure for the previous period (null when it has no meaning there). */
    public record Kpi(String id, Label label, BigDecimal value, BigDecimal previous, Format format) {
    }

    /** One named row of values, one per category; null values are not shown. */
    public record Series(Label name, List<BigDecimal> values, Format format) {

        public Series {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }

        public static Series of(Label name, Format format, BigDecimal... values) {
            return new Series(name, Arrays.asList(values), format);
        }
    }

    /** A chart: categories along one axis, series of values. */
    public record Chart(String id, Label title, Type type, List<Label> categories, List<Series> series) {

        public Chart {
            categories = List.copyOf(categories);
            series = List.copyOf(series);
            for (Series s : series) {
                if (s.values().size() != categories.size()) {
                    throw new IllegalArgumentException(id + ": a series needs one value per category");
                }
            }
        }
    }

    public static Kpi kpi(String id, Label label, Format format, BigDecimal value, BigDecimal previous) {
        return new Kpi(id, label, value, previous, format);
    }

    public static BigDecimal n(long v) {
        return BigDecimal.valueOf(v);
    }
}
