package org.tongxin.shared.security;

import java.util.Set;

/**
 * Adds roles that another module knows about (MEMBER comes from membership) to a person's viewer at
 * log-in and whenever the viewer is rebuilt, without identity depending on that module.
 */
public interface RoleSource {

    Set<Role> rolesOf(long employeeId);
}
