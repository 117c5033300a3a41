package org.tongxin.care;

import java.time.LocalDate;

/**
 * A care case as it stands after a change (opened, its move reclassified, a note, a plan, closed): a snapshot for
 * figures kept elsewhere. {@code direction} is its move's (UP, LATERAL, DOWN, OUT, as officers may correct it);
 * {@code dueOn} the nearest deadline still to meet (first contact, or the planned follow-up), null when there is none
 * or the case is closed. {@code employeeId} is there only to leave small groups out. {@code version} orders snapshots
 * of one case (microseconds of the change); a replay of history carries 0.
 */
public record CareCaseSnapshot(long caseId, long employeeId, long unitId, String direction, LocalDate openedOn,
                               LocalDate closedOn, LocalDate dueOn, long version) {
}
