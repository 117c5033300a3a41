package org.tongxin.org;

import java.util.List;

/** An HR import marked employees as having left the enterprise (one event per import). */
public record EmployeesLeft(List<Long> employeeIds) {
}
