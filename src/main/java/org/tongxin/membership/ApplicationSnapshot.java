package org.tongxin.membership;

import java.time.LocalDate;

/**
 * An application to join as it stands after a change (submitted, decided, moved with the applicant, withdrawn): a
 * snapshot for figures kept elsewhere. {@code status} is PENDING, APPROVED, REJECTED or WITHDRAWN; {@code decidedOn}
 * is null while it is pending. {@code version} orders snapshots of one application (microseconds of the change); a
 * replay of history carries 0.
 */
public record ApplicationSnapshot(long applicationId, long unitId, String status, LocalDate submittedOn,
                                  LocalDate dueOn, LocalDate decidedOn, long version) {
}
