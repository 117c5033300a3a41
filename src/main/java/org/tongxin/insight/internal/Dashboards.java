package org.tongxin.insight.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;

/** A dashboard: which node a viewer may look at, and every section shown to them for it. */
@Service
public class Dashboards {

    /** The longest range one dashboard shows. */
    public static final int MAX_MONTHS = 36;

    private final OrgDirectory org;
    private final List<InsightSection> sections;
    private final Clock clock;

    Dashboards(OrgDirectory org, List<InsightSection> sections, Optional<Clock> clock) {
        this.org = org;
        this.sections = sections.stream().sorted(Comparator.comparingInt(InsightSection::order)).toList();
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public YearMonth thisMonth() {
        return YearMonth.now(clock);
    }

    /**
     * The node the viewer asked for, or their own topmost one: the root for the committee and admins, the first unit
     * they chair for an officer. 404 for a unit outside their subtree and for anyone who is no officer.
     */
    public OrgUnit node(Viewer viewer, Long unitId) {
        if (!viewer.isOfficerOrAbove()) {
            throw new NotFoundException("insight");
        }
        if (unitId != null) {
            return org.managedUnit(viewer, unitId);
        }
        if (viewer.seesWholeTree()) {
            return org.roots().stream().findFirst().orElseThrow(() -> new NotFoundException("insight"));
        }
        return org.manageableUnits(viewer).stream().findFirst().orElseThrow(() -> new NotFoundException("insight"));
    }

    public Scope scope(Viewer viewer, OrgUnit node, YearMonth from, YearMonth to) {
        return new Scope(viewer, node, org.children(node.id()), from, to);
    }

    /** The node's ancestors the viewer may also open, root first, then the node. */
    public List<OrgUnit> trail(Viewer viewer, OrgUnit node) {
        return node.pathIds().stream().map(org::unit).flatMap(Optional::stream)
                .filter(u -> viewer.manages(u.pathIds())).toList();
    }

    /** Units of the viewer's subtree whose name contains {@code q}. */
    public List<OrgUnit> search(Viewer viewer, String q) {
        return org.searchUnits(q, 50).stream().filter(u -> !u.isClosed() && !u.kind().isPartner()
                && viewer.manages(u.pathIds())).limit(20).toList();
    }

    public List<Section> build(Scope scope) {
        return sections.stream().filter(s -> s.shownTo(scope)).map(s -> s.build(scope)).toList();
    }
}
