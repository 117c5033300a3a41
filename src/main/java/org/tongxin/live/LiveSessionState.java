package org.tongxin.live;

import java.time.LocalDate;

/**
 * A live session as it stands after a change (scheduled, on air, ended, cancelled): a snapshot for figures kept
 * elsewhere. {@code state} SCHEDULED, LIVE, ENDED or CANCELLED; {@code wentLiveOn} the day the first picture arrived,
 * null before. {@code version} orders the snapshots of one session (microseconds of the change); a replay of history
 * carries 0.
 */
public record LiveSessionState(long sessionId, long hostUnitId, String state, LocalDate wentLiveOn, long version) {
}
