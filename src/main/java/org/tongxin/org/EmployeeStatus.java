package org.tongxin.org;

/** Employment status as HR reports it. */
public enum EmployeeStatus {
    ACTIVE, LEAVE, LEFT, RETIRED;

    public String messageKey() {
        return "employee.status." + name();
    }
}
