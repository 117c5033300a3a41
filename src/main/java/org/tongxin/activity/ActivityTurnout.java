package org.tongxin.activity;

import java.time.LocalDate;
import java.util.List;

/**
 * An activity as it stands after a change (published, changed, cancelled, held, summarised; once held, a check-in
 * or a cancelled sign-up): a snapshot for figures kept elsewhere. {@code hostUnitIds} are the lead body first, then
 * the co-hosts; {@code signedUp} the seats taken, {@code checkedIn} the people who came. {@code version} orders
 * snapshots of one activity (microseconds of the change); a replay of history carries 0.
 */
public record ActivityTurnout(long activityId, List<Long> hostUnitIds, String type, String status, LocalDate startsOn,
                              int signedUp, int checkedIn, long version) {

    public ActivityTurnout {
        hostUnitIds = List.copyOf(hostUnitIds);
    }

    public long leadUnitId() {
        return hostUnitIds.getFirst();
    }

    /** Marked held by its officers, or summarised (which it can only be once it has ended). */
    public boolean held() {
        return status.equals("HELD") || status.equals("SUMMARISED");
    }
}
