package org.tongxin.org;

import java.util.List;

/** An HR import marked employees as retired (one event per import). */
public record EmployeesRetired(List<Long> employeeIds) {
}
