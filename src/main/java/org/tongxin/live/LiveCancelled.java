package org.tongxin.live;

/** A session was cancelled before it started (published in the cancelling transaction). */
public record LiveCancelled(long sessionId, Long courseId) {
}
