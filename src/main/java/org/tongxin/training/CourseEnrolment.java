package org.tongxin.training;

import java.time.LocalDate;

/**
 * A course enrolment as it stands after a change (enrolled, completed): a snapshot for figures kept elsewhere.
 * {@code source} SELF, ASSIGNED or RETRAINING; {@code unitId} the person's union unit when the snapshot was taken
 * (null when unknown); {@code completedOn} null while open. {@code version} orders the snapshots of one enrolment
 * (microseconds of the change); a replay of history carries 0.
 */
public record CourseEnrolment(long enrolmentId, long courseId, Long unitId, String source, LocalDate enrolledOn,
                              LocalDate dueOn, LocalDate completedOn, long version) {
}
