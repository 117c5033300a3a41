package org.tongxin.org;

import java.time.LocalDate;

/**
 * An employee's birthday, hire date and gender, for the officers who manage them: the care calendar, and age and
 * years of service when choosing new officers.
 */
public record PersonalDates(long employeeId, String name, long unitId, String unitName, String gender,
                            LocalDate birthDate, LocalDate hireDate) {
}
