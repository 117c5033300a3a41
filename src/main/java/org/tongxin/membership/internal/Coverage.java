package org.tongxin.membership.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.shared.security.Viewer;

/**
 * Membership coverage of any node: employees on the books, members, pending applications and the rate,
 * for the unit alone and for its subtree, with its sub-units ranked by rate. Built from kept counters
 * (org's employees per unit, membership's members per unit) and summed up the tree in memory: no scan
 * of employees or members, whatever the size of the subtree.
 */
@Service
public class Coverage {

    /** Counts for a unit or a subtree; {@code rate} in percent, null without employees. */
    public record Counts(long employees, long members, long retired, long pending) {
        static final Counts ZERO = new Counts(0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(employees + o.employees, members + o.members, retired + o.retired, pending + o.pending);
        }

        public Double rate() {
            return employees == 0 ? null : Math.round(members * 1000.0 / employees) / 10.0;
        }
    }

    /** One unit's coverage, alone and with everything below it. */
    public record UnitCoverage(OrgUnit unit, Counts own, Counts subtree) {
    }

    /** A node and its direct sub-units, best covered first. */
    public record Report(UnitCoverage node, List<UnitCoverage> children) {
    }

    private final OrgDirectory org;
    private final UnitStats stats;

    Coverage(OrgDirectory org, UnitStats stats) {
        this.org = org;
        this.stats = stats;
    }

    public Report of(Viewer viewer, long unitId) {
        return of(org.managedUnit(viewer, unitId));
    }

    /** Coverage without a scope check, for the committee's exports and the benchmarks. */
    public Report of(OrgUnit root) {
        List<UnitCount> units = org.subtreeCounts(root).stream().filter(c -> !c.unit().kind().isPartner())
                .toList();
        Map<Long, UnitStats.Counts> counters = stats.of(units.stream().map(c -> c.unit().id()).toList());
        Map<Long, Counts> own = new HashMap<>();
        Map<Long, Counts> subtree = new HashMap<>();
        for (UnitCount c : units) {
            UnitStats.Counts m = counters.getOrDefault(c.unit().id(), UnitStats.Counts.NONE);
            Counts counts = new Counts(c.employees(), m.members(), m.retired(), m.pending());
            own.put(c.unit().id(), counts);
            subtree.put(c.unit().id(), counts);
        }
        // Deepest first: each unit's subtree total is complete before it is added to its parent's.
        List<UnitCount> deepestFirst = new ArrayList<>(units);
        deepestFirst.sort(Comparator.comparingInt((UnitCount c) -> c.unit().depth()).reversed());
        for (UnitCount c : deepestFirst) {
            Long parent = c.unit().parentId();
            if (parent != null && subtree.containsKey(parent) && c.unit().id() != root.id()) {
                subtree.put(parent, subtree.get(parent).plus(subtree.get(c.unit().id())));
            }
        }
        List<UnitCoverage> children = units.stream()
                .filter(c -> c.unit().parentId() != null && c.unit().parentId() == root.id())
                .map(c -> new UnitCoverage(c.unit(), own.get(c.unit().id()), subtree.get(c.unit().id())))
                .sorted(Comparator.comparing((UnitCoverage u) -> u.subtree().rate() == null ? -1 : u.subtree().rate())
                        .reversed().thenComparing(u -> u.unit().name()))
                .toList();
        return new Report(new UnitCoverage(root, own.getOrDefault(root.id(), Counts.ZERO),
                subtree.getOrDefault(root.id(), Counts.ZERO)), children);
    }
}
