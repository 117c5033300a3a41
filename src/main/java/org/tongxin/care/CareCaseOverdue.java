package org.tongxin.care;

import java.time.LocalDate;

/** Nobody made first contact with the employee of a care case by its deadline; the unit above was told. */
public record CareCaseOverdue(long caseId, long employeeId, long unitId, Long escalatedTo, LocalDate due) {
}
