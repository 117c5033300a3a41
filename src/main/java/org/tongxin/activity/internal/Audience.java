package org.tongxin.activity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.org.EmployeeStatus;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;

/**
 * Who a subtree audience reaches: the members ({@code MEMBERS}), or every employee ({@code EMPLOYEES}), of a
 * unit's subtree; someone who has left the enterprise is in no audience, someone on leave or retired still is.
 * Activities and volunteer projects ask it the same question, so both answer alike.
 */
@Component
public class Audience {

    private final OrgDirectory org;
    private final MemberDirectory members;

    Audience(OrgDirectory org, MemberDirectory members) {
        this.org = org;
        this.members = members;
    }

    /** The ids of an employee's unit and of every unit above it; empty for someone who has left. */
    public Optional<List<Long>> unitPath(long employeeId) {
        return org.employee(employeeId).filter(e -> e.status() != EmployeeStatus.LEFT)
                .flatMap(e -> org.unit(e.unitId())).map(OrgUnit::pathIds);
    }

    public boolean isMember(long employeeId) {
        return members.isMember(employeeId);
    }

    /** Whether the employee is in the audience {@code audience} of the subtree of {@code audienceUnitId}. */
    public boolean includes(String audience, Long audienceUnitId, long employeeId) {
        boolean inSubtree = unitPath(employeeId).filter(path -> path.contains(audienceUnitId)).isPresent();
        return inSubtree && (audience.equals("EMPLOYEES") || members.isMember(employeeId));
    }
}
