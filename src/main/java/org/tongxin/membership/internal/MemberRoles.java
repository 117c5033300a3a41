package org.tongxin.membership.internal;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.RoleSource;

/** Current members carry the MEMBER role. */
@Component
class MemberRoles implements RoleSource {

    private final Members members;

    MemberRoles(Members members) {
        this.members = members;
    }

    @Override
    public Set<Role> rolesOf(long employeeId) {
        return members.current(employeeId).isPresent() ? Set.of(Role.MEMBER) : Set.of();
    }
}
