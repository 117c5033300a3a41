package org.tongxin.live;

/**
 * A session was scheduled (published in the scheduling transaction). {@code courseId}: the course it counts toward,
 * one the organiser runs (see {@link CourseChoices}), or null.
 */
public record LiveScheduled(long sessionId, String title, Long courseId) {
}
