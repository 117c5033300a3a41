package org.tongxin.membership.internal;

import java.util.Optional;
import org.tongxin.org.EmployeeStatus;
import org.tongxin.org.EmployeeSummary;

/** Who may apply to join: employees on the books who are not members and have no application open. */
public final class JoiningPolicy {

    private JoiningPolicy() {
    }

    /** @return the i18n key of why the employee may not apply, empty when they may */
    public static Optional<String> refusal(EmployeeSummary employee, boolean currentMember, boolean openApplication) {
        if (employee == null || employee.status() == EmployeeStatus.LEFT || employee.status() == EmployeeStatus.RETIRED) {
            return Optional.of("membership.refused.notEmployee");
        }
        if (currentMember) {
            return Optional.of("membership.refused.member");
        }
        if (openApplication) {
            return Optional.of("membership.refused.open");
        }
        return Optional.empty();
    }
}
