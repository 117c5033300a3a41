package org.tongxin.org;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit of the union tree or a partner body. {@code path} is the materialised path of ids from the
 * root, e.g. {@code /1/4/9/}: a subtree is every unit whose path starts with its root's path.
 */
public record OrgUnit(long id, Long parentId, Long besideId, String name, UnitKind kind, String path, int depth,
                      OffsetDateTime closedAt) {

    public boolean isClosed() {
        return closedAt != null;
    }

    /** The ids of this unit's ancestors and of the unit itself, root first. */
    public List<Long> pathIds() {
        return pathIds(path);
    }

    /** The ids in a materialised path such as {@code /1/4/9/}, root first. */
    public static List<Long> pathIds(String path) {
        List<Long> ids = new ArrayList<>(8);
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        return ids;
    }

    public boolean contains(OrgUnit other) {
        return other.path.startsWith(path);
    }
}
