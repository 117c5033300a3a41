package org.tongxin.shared.security;

import java.io.Serializable;
import java.security.Principal;
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
 * @param careUnits          those of the officer units for which the care right is held too: care cases, talks
 *                           and hardship aid of the people below them
 * @param mustChangePassword true until the first password change
 */
public record Viewer(long accountId, Long employeeId, String displayName, Set<Role> roles, Set<Long> officerUnits,
                     Set<Long> careUnits, boolean mustChangePassword) implements Serializable, Principal {

    public Viewer {
        roles = Set.copyOf(roles);
        officerUnits = Set.copyOf(officerUnits);
        careUnits = Set.copyOf(careUnits);
        if (!officerUnits.containsAll(careUnits)) {
            throw new IllegalArgumentException("a care right needs an officer post in the same unit");
        }
    }

    /**
     * The account id: the name Spring Session indexes a stored session under (a column of 100 characters, which
     * the record's own text would overflow for an officer of many units).
     */
    @Override
    public String getName() {
        return Long.toString(accountId);
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

    /**
     * Whether care cases, talks and hardship aid of a unit whose path is {@code unitAndAncestors} are open to
     * this viewer: the committee, or an officer with the care right for the unit or one above it. Admins run
     * the system and do not read care records.
     */
    public boolean caresFor(Collection<Long> unitAndAncestors) {
        if (has(Role.COMMITTEE)) {
            return true;
        }
        for (Long id : unitAndAncestors) {
            if (careUnits.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The platform itself acting on a schedule (a lottery drawn when its window closes), as the audit trail
     * names it: account 0, no roles, so it can reach nothing through a scope check.
     */
    public static Viewer system(String name) {
        return new Viewer(0, null, name, Set.of(), Set.of(), Set.of(), false);
    }

    public Viewer withPasswordChanged() {
        return new Viewer(accountId, employeeId, displayName, roles, officerUnits, careUnits, false);
    }
}
