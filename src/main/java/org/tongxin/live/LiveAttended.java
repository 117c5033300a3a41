package org.tongxin.live;

/**
 * A person's watch time in a session (live and replay together) reached the session's share for the first time:
 * published once per person and session, in the transaction of the heartbeat that reached it. {@code courseId} is
 * the course the session counts toward, or null.
 */
public record LiveAttended(long sessionId, long employeeId, Long courseId) {
}
