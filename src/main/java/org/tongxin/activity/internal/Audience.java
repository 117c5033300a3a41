package org.tongxin.activity.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
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
        return of(employeeId).test(audience, audienceUnitId);
    }

    /**
     * {@link #includes} for one employee and many audiences (a list of activities): their unit path and membership
     * are read once.
     */
    public BiPredicate<String, Long> of(long employeeId) {
        Optional<List<Long>> path = unitPath(employeeId);
        boolean member = path.isPresent() && members.isMember(employeeId);
        return (audience, audienceUnitId) -> path.filter(p -> p.contains(audienceUnitId)).isPresent()
                && (audience.equals("EMPLOYEES") || member);
    }
}
