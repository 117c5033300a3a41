package org.tongxin.insight.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;

/**
 * Each unit's path from the root, remembered: every fact counts in its unit's subtree and in every subtree above it.
 * Paths only change when a unit moves, and then the read model is rebuilt ({@link TreeFacts}).
 */
@Component
class UnitPaths {

    private final OrgDirectory org;
    private final Map<Long, Known> units = new ConcurrentHashMap<>();

    UnitPaths(OrgDirectory org) {
        this.org = org;
    }

    /** A unit and its path's ids, parsed once: a rebuild asks for them once per fact. */
    private record Known(OrgUnit unit, List<Long> pathIds) {
    }

    private Known known(long unitId) {
        Known known = units.get(unitId);
        if (known != null) {
            return known;
        }
        return org.unit(unitId).map(u -> {
            Known k = new Known(u, List.copyOf(u.pathIds()));
            units.put(unitId, k);
            return k;
        }).orElseGet(() -> {
            OrgUnit alone = new OrgUnit(unitId, null, null, "", null, "/" + unitId + "/", 0, null);
            return new Known(alone, alone.pathIds());
        });
    }

    /** The unit; a unit org does not know (deleted in a test) counts on its own. */
    OrgUnit unit(long unitId) {
        return known(unitId).unit();
    }

    /** The unit's ancestors and the unit, root first. */
    List<Long> pathIds(long unitId) {
        return known(unitId).pathIds();
    }

    void forget() {
        units.clear();
    }
}
