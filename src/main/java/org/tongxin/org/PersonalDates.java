package org.tongxin.org;

import java.time.LocalDate;

/** An employee's birthday, hire date and gender, for the care calendar of the officers who manage them. */
public record PersonalDates(long employeeId, String name, long unitId, String unitName, String gender,
                            LocalDate birthDate, LocalDate hireDate) {
}
