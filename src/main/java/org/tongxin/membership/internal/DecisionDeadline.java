package org.tongxin.membership.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * An application must be decided within a number of working days (default 15, set per unit). Weekends
 * do not count; public holidays are not modelled yet, so the deadline errs on the early side.
 */
public final class DecisionDeadline {

    public static final int DEFAULT_WORKING_DAYS = 15;

    private DecisionDeadline() {
    }

    /** The last day on which a decision is on time, for an application submitted on {@code submitted}. */
    public static LocalDate dueOn(LocalDate submitted, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("at least one working day");
        }
        LocalDate day = submitted;
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }
}
