package org.tongxin.rights.internal;

import java.util.HashSet;
import java.util.Set;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

/**
 * Where a viewer holds a post, as the rights module counts it: the units of their officer grants, and for members of
 * the committee the committee itself (the root of the tree). The company-level bodies — the labour-dispute mediation
 * committee, the legal-aid desk and the chair's office — are the root's: officers holding a post there, or
 * committee members.
 */
public final class Posts {

    private Posts() {
    }

    /** Units where the viewer holds a post; committee members hold the committee (the root). */
    static Set<Long> units(Viewer viewer, OrgDirectory org) {
        Set<Long> units = new HashSet<>(viewer.officerUnits());
        if (viewer.has(Role.COMMITTEE)) {
            org.roots().forEach(u -> units.add(u.id()));
        }
        return units;
    }

    /** Acts for the company-level bodies: a committee member, or an officer of a root of the tree. */
    public static boolean companyLevel(Viewer viewer, OrgDirectory org) {
        return viewer.has(Role.COMMITTEE)
                || org.roots().stream().map(OrgUnit::id).anyMatch(viewer.officerUnits()::contains);
    }

    /** Acts for the company-level bodies of the root {@code rootId}. */
    static boolean companyLevelOf(Viewer viewer, long rootId, OrgDirectory org) {
        return units(viewer, org).contains(rootId);
    }
}
