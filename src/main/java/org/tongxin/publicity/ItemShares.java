package org.tongxin.publicity;

import java.time.LocalDate;

/**
 * How many times an item was shared on one channel (WECHAT, QQ, LINK, POSTER) on one day, as it stands after a
 * share: a snapshot for figures kept elsewhere. {@code unitId} is the unit that published the item. {@code version}
 * orders the snapshots of one count (microseconds of the share); a replay of history carries 0.
 */
public record ItemShares(long itemId, long unitId, String channel, LocalDate day, int count, long version) {
}
