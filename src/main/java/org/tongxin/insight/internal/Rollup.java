package org.tongxin.insight.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The monthly roll-up rows of some kinds for a node and its children, every month up to the end of the range: what
 * one dashboard section reads, in one query. {@code category} null means every category.
 */
public final class Rollup {

    /** One row of {@code insight_month}. */
    record Row(String kind, String category, long unitId, YearMonth month, long started, long ended, BigDecimal value,
               BigDecimal endedValue, long endedDays) {
    }

    /** What a range of months adds up to. */
    public record Totals(long started, long ended, BigDecimal value, long endedDays) {

        static final Totals NONE = new Totals(0, 0, BigDecimal.ZERO, 0);

        Totals plus(Row r) {
            return new Totals(started + r.started(), ended + r.ended(), value.add(r.value()),
                    endedDays + r.endedDays());
        }

        /** Average days from start to end of the facts that ended; null when none ended. */
        public BigDecimal averageDays() {
            return ended == 0 ? null : BigDecimal.valueOf(endedDays).divide(BigDecimal.valueOf(ended), 1,
                    java.math.RoundingMode.HALF_UP);
        }
    }

    private final List<Row> rows;

    Rollup(List<Row> rows) {
        this.rows = rows;
    }

    private boolean matches(Row r, String kind, String category, long unit) {
        return r.kind().equals(kind) && r.unitId() == unit && (category == null || r.category().equals(category));
    }

    /** Facts open at the end of {@code at}: started minus ended, up to then. */
    public long level(String kind, String category, long unit, YearMonth at) {
        long level = 0;
        for (Row r : rows) {
            if (matches(r, kind, category, unit) && !r.month().isAfter(at)) {
                level += r.started() - r.ended();
            }
        }
        return level;
    }

    /** The value of the facts open at the end of {@code at} (employees on the books). */
    public BigDecimal valueLevel(String kind, long unit, YearMonth at) {
        BigDecimal level = BigDecimal.ZERO;
        for (Row r : rows) {
            if (matches(r, kind, null, unit) && !r.month().isAfter(at)) {
                level = level.add(r.value()).subtract(r.endedValue());
            }
        }
        return level;
    }

    /** What started and ended from {@code from} to {@code to}. */
    public Totals flow(String kind, String category, long unit, YearMonth from, YearMonth to) {
        Totals t = Totals.NONE;
        for (Row r : rows) {
            if (matches(r, kind, category, unit) && !r.month().isBefore(from) && !r.month().isAfter(to)) {
                t = t.plus(r);
            }
        }
        return t;
    }

    /** The flow of each category of a kind from {@code from} to {@code to}, by category. */
    public Map<String, Totals> flowByCategory(String kind, long unit, YearMonth from, YearMonth to) {
        Map<String, Totals> out = new TreeMap<>();
        for (Row r : rows) {
            if (matches(r, kind, null, unit) && !r.month().isBefore(from) && !r.month().isAfter(to)) {
                out.merge(r.category(), Totals.NONE.plus(r), (a, b) -> new Totals(a.started() + b.started(),
                        a.ended() + b.ended(), a.value().add(b.value()), a.endedDays() + b.endedDays()));
            }
        }
        return out;
    }

    /** The level of each category of a kind at the end of {@code at}, by category (categories ever seen). */
    public Map<String, Long> levelByCategory(String kind, long unit, YearMonth at) {
        Map<String, Long> out = new TreeMap<>();
        for (Row r : rows) {
            if (matches(r, kind, null, unit) && !r.month().isAfter(at)) {
                out.merge(r.category(), r.started() - r.ended(), Long::sum);
            }
        }
        return out;
    }
}
