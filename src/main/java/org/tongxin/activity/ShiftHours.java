package org.tongxin.activity;

import java.time.LocalDate;
import java.util.List;

/**
 * A volunteer shift's hours as they stand after they were recorded or confirmed (the only changes of a shift whose
 * hours count or are about to): a snapshot for figures kept elsewhere. The hours count once {@link #confirmed()},
 * for the project's lead body, on the day the shift started. {@code version} orders snapshots of one shift
 * (microseconds of the change); a replay of history carries 0.
 */
public record ShiftHours(long shiftId, long leadUnitId, LocalDate startsOn, String status, List<Served> served,
                         long version) {

    public ShiftHours {
        served = List.copyOf(served);
    }

    /** One volunteer's recorded place on the shift: whether they came, and the minutes credited (0 when absent). */
    public record Served(long signupId, boolean present, int minutes) {
    }

    public boolean confirmed() {
        return status.equals("CONFIRMED");
    }
}
