package org.tongxin.activity;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.tongxin.activity.internal.ActivitySnapshots;

/** The activity module's history as the snapshots it publishes, for rebuilding figures kept elsewhere from scratch. */
@Service
public class ActivityHistory {

    private static final int PAGE = 5_000;

    private final ActivitySnapshots snapshots;

    ActivityHistory(ActivitySnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Every activity, a page at a time, each as an {@link ActivityTurnout} with version 0. */
    public void replayTurnouts(Consumer<ActivityTurnout> sink) {
        long after = 0;
        while (true) {
            List<ActivityTurnout> page = snapshots.turnoutsAfter(after, PAGE);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = page.getLast().activityId();
        }
    }

    /** Every volunteer shift, a page at a time, each as a {@link ShiftHours} with version 0. */
    public void replayShiftHours(Consumer<ShiftHours> sink) {
        long after = 0;
        while (true) {
            List<ShiftHours> page = snapshots.shiftsAfter(after, PAGE);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = page.getLast().shiftId();
        }
    }
}
