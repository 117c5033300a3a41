package org.tongxin.membership.internal;

import java.time.LocalDate;
import org.tongxin.shared.time.WorkingDays;

/** An application must be decided within a number of working days: 15 unless the unit set its own. */
public final class DecisionDeadline {

    public static final int DEFAULT_WORKING_DAYS = 15;

    private DecisionDeadline() {
    }

    /** The last day on which a decision is on time, for an application submitted on {@code submitted}. */
    public static LocalDate dueOn(LocalDate submitted, int workingDays) {
        return WorkingDays.after(submitted, workingDays);
    }
}
