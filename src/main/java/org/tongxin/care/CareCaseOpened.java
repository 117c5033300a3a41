package org.tongxin.care;

import java.time.LocalDate;

/** A downward or outward move opened a care case for the employee's union unit. */
public record CareCaseOpened(long caseId, long employeeId, long unitId, LocalDate firstContactDue) {
}
