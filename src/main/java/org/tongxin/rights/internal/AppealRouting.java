package org.tongxin.rights.internal;

import java.util.List;
import java.util.function.LongPredicate;

/**
 * Where an appeal goes (the policy; no database here). A person's concern goes to their own union: the nearest unit
 * up their path that has officers (a group without officers is looked after by its branch). Committee-level
 * categories go to the root of the tree, the company union's committee. When an appeal escalates — a deadline
 * missed, or the employee reopens it unsatisfied — it moves to the unit above the one that had it; at the root it
 * stays there.
 */
final class AppealRouting {

    private AppealRouting() {
    }

    /**
     * @param pathIds        the person's unit and its ancestors, root first
     * @param hasOfficers    whether a unit has anyone holding an officer post
     */
    static long firstUnit(AppealCategory category, List<Long> pathIds, LongPredicate hasOfficers) {
        if (pathIds.isEmpty()) {
            throw new IllegalArgumentException("a person outside the tree");
        }
        if (category.committeeLevel()) {
            return pathIds.getFirst();
        }
        for (int i = pathIds.size() - 1; i >= 0; i--) {
            if (hasOfficers.test(pathIds.get(i))) {
                return pathIds.get(i);
            }
        }
        return pathIds.getFirst();
    }

    /** The unit above the one holding the appeal, whose path is {@code routePathIds} (root first). */
    static long above(List<Long> routePathIds) {
        return routePathIds.size() < 2 ? routePathIds.getFirst() : routePathIds.get(routePathIds.size() - 2);
    }
}
