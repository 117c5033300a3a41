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
    private final Map<Long, OrgUnit> units = new ConcurrentHashMap<>();

    UnitPaths(OrgDirectory org) {
        this.org = org;
    }

    /** The unit; a unit org does not know (deleted in a test) counts on its own. */
    OrgUnit unit(long unitId) {
        OrgUnit known = units.get(unitId);
        if (known != null) {
            return known;
        }
        return org.unit(unitId).map(u -> {
            units.put(unitId, u);
            return u;
        }).orElseGet(() -> new OrgUnit(unitId, null, null, "", null, "/" + unitId + "/", 0, null));
    }

    /** The unit's ancestors and the unit, root first. */
    List<Long> pathIds(long unitId) {
        return unit(unitId).pathIds();
    }

    void forget() {
        units.clear();
    }
}
