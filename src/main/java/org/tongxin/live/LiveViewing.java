package org.tongxin.live;

import java.time.LocalDate;

/**
 * One person's watching of a session, as it stands: a snapshot for figures kept elsewhere. {@code unitId} is the
 * person's union unit when the snapshot was taken (null when unknown); {@code firstOn} the day they first watched;
 * {@code minutes} the whole minutes they watched live and as a replay, counted once the session has ended (until
 * then 0: the time of a crowd still watching is not sent every few seconds); {@code attended} whether their time
 * reached the session's share. Published when someone starts watching, attends, when the session ends, and as
 * replay minutes add up. {@code version}: microseconds of the change; a replay of history carries 0.
 */
public record LiveViewing(long sessionId, long employeeId, Long unitId, LocalDate firstOn, long minutes,
                          boolean attended, long version) {
}
