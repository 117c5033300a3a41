package org.tongxin.shared.time;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Deadlines in working days (Monday to Friday). Public holidays and make-up Saturdays are not modelled
 * yet, so a deadline can fall a day or two early around holidays.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** The day {@code days} working days after {@code from}. */
    public static LocalDate after(LocalDate from, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("at least one working day");
        }
        LocalDate day = from;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }
}
