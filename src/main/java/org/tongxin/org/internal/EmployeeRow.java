package org.tongxin.org.internal;

/** One employee in an unit's list: no personal data, so nothing to mask. */
public record EmployeeRow(long id, String employeeNo, String name, String departmentName, String unitName,
                          String jobTitle, String status) {
}
