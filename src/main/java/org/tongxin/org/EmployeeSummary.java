package org.tongxin.org;

/** What other modules may know of an employee: no personal data beyond the name. */
public record EmployeeSummary(long id, String employeeNo, String name, EmployeeStatus status, long unitId,
                              String unitName, String departmentName, String jobTitle) {
}
