package org.tongxin.publicity;

import java.time.LocalDate;

/**
 * A publicity item as it stands after being published or withdrawn: a snapshot for figures kept elsewhere.
 * {@code kind} ARTICLE or VIDEO; {@code publishedOn} null while it is not published (never was), {@code withdrawnOn}
 * null while it stays up. {@code version} orders the snapshots of one item (microseconds of the change); a replay of
 * history carries 0.
 */
public record ItemPublication(long itemId, long unitId, String kind, LocalDate publishedOn, LocalDate withdrawnOn,
                              long version) {
}
