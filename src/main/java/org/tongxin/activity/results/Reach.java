package org.tongxin.activity.results;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.Viewer;

/** Where people and bodies stand in the tree, as results and honours decide who sees what. */
@Component
class Reach {

    private final OrgDirectory org;

    Reach(OrgDirectory org) {
        this.org = org;
    }

    /** The ids of the viewer's own unit and those above it, root first; empty for a technical account. */
    List<Long> pathOf(Viewer viewer) {
        if (viewer.employeeId() == null) {
            return List.of();
        }
        return org.employee(viewer.employeeId()).flatMap(e -> org.unit(e.unitId())).map(OrgUnit::pathIds)
                .orElse(List.of());
    }

    /** Whether the unit lies in the viewer's officer scope (see {@link Viewer#manages}). */
    boolean manages(Viewer viewer, long unitId) {
        return org.unit(unitId).map(u -> viewer.manages(u.pathIds())).orElse(false);
    }

    /** The union unit whose people a body speaks for: itself, or for a partner body the unit it sits beside. */
    static long of(OrgUnit unit) {
        return unit.kind().isPartner() && unit.besideId() != null ? unit.besideId() : unit.id();
    }

    long of(long unitId) {
        return org.unit(unitId).map(Reach::of).orElse(unitId);
    }
}
