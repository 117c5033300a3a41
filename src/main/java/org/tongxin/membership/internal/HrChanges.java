package org.tongxin.membership.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.org.EmployeesLeft;
import org.tongxin.org.EmployeesMoved;

/** Follows HR imports: memberships move with their people, and members who left are flagged, never dropped. */
@Component
class HrChanges {

    private final MembershipService membership;

    HrChanges(MembershipService membership) {
        this.membership = membership;
    }

    @ApplicationModuleListener
    void on(EmployeesMoved moved) {
        moved.moves().forEach(m -> membership.followMove(m.employeeId(), m.fromUnitId(), m.toUnitId()));
    }

    @ApplicationModuleListener
    void on(EmployeesLeft left) {
        left.employeeIds().forEach(membership::flagLeft);
    }
}
