package org.tongxin.insight.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One countable thing in a unit: an interval (a member from joining to leaving, a case from opening to closing) or a
 * point ({@code endsOn} = {@code startsOn}: a loan on a day). {@code personId} is kept only to leave out small groups.
 */
public record Fact(String kind, String sourceId, long unitId, Long personId, String category, LocalDate startsOn,
                   LocalDate endsOn, LocalDate dueOn, BigDecimal value, String outcome) {

    public Fact {
        category = category == null ? "" : category;
        value = value == null ? BigDecimal.ZERO : value;
    }

    public static Fact point(String kind, String sourceId, long unitId, Long personId, String category, LocalDate on,
                             BigDecimal value) {
        return new Fact(kind, sourceId, unitId, personId, category, on, on, null, value, null);
    }
}
