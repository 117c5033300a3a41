package org.tongxin.shared.security;

import java.io.Serializable;
import java.util.Collection;
import java.util.Set;

/**
 * Who is signed in, as every module sees it. Officer rights reach the officer's units and everything
 * below them; committee and admin see the whole tree.
 *
 * @param accountId          the account
 * @param employeeId         the employee behind the account, null for a technical account such as the first admin
 * @param displayName        name shown in the header and the audit trail
 * @param roles              roles held
 * @param officerUnits       units for which an OFFICER grant is held
 * @param mustChangePassword true until the first password change
 */
public record Viewer(long accountId, Long employeeId, String displayName, Set<Role> roles, Set<Long> officerUnits,
                     boolean mustChangePassword) implements Serializable {

    public Viewer {
        roles = Set.copyOf(roles);
        officerUnits = Set.copyOf(officerUnits);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Sees every unit of the tree. */
    public boolean seesWholeTree() {
        return has(Role.COMMITTEE) || has(Role.ADMIN);
    }

    public boolean isOfficerOrAbove() {
        return seesWholeTree() || !officerUnits.isEmpty();
    }

    /**
     * Whether a unit whose path from the root is {@code unitAndAncestors} lies in this viewer's scope.
     *
     * @param unitAndAncestors ids of the unit and all its ancestors
     */
    public boolean manages(Collection<Long> unitAndAncestors) {
        if (seesWholeTree()) {
            return true;
        }
        for (Long id : unitAndAncestors) {
            if (officerUnits.contains(id)) {
                return true;
            }
        }
        return false;
    }

    public Viewer withPasswordChanged() {
        return new Viewer(accountId, employeeId, displayName, roles, officerUnits, false);
    }
}
