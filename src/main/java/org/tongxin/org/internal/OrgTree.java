package org.tongxin.org.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.Viewer;

/** Builds the tree a viewer may see: the whole tree for the committee, an officer's own subtrees otherwise. */
@Service
public class OrgTree {

    private final OrgUnits units;
    private final JdbcClient jdbc;

    OrgTree(OrgUnits units, JdbcClient jdbc) {
        this.units = units;
        this.jdbc = jdbc;
    }

    public List<OrgUnit> rootsFor(Viewer viewer) {
        if (viewer.seesWholeTree()) {
            return units.roots();
        }
        return topmost(viewer.officerUnits());
    }

    /** The units among {@code unitIds} that no other of them contains. */
    public List<OrgUnit> topmost(Collection<Long> unitIds) {
        List<OrgUnit> granted = units.byIds(List.copyOf(unitIds));
        // An officer of both a unit and one of its sub-units sees the sub-unit inside the larger tree only.
        return granted.stream().filter(u -> granted.stream().noneMatch(o -> o.id() != u.id() && o.contains(u)))
                .toList();
    }

    public List<TreeNode> treeFor(Viewer viewer) {
        List<TreeNode> result = new ArrayList<>();
        for (OrgUnit root : rootsFor(viewer)) {
            result.add(build(root));
        }
        return result;
    }

    private TreeNode build(OrgUnit root) {
        Map<Long, TreeNode> nodes = new LinkedHashMap<>();
        // Partner bodies sit in the path of the unit they are beside, so the subtree holds them too.
        List<OrgUnit> all = units.subtree(root);
        for (OrgUnit u : all) {
            nodes.put(u.id(), new TreeNode(u));
        }
        Map<Long, Long> direct = directEmployeeCounts(List.copyOf(nodes.keySet()));
        for (OrgUnit u : all) {
            TreeNode node = nodes.get(u.id());
            if (u.besideId() != null && nodes.containsKey(u.besideId())) {
                nodes.get(u.besideId()).partners().add(node);
            } else if (u.parentId() != null && nodes.containsKey(u.parentId()) && u.id() != root.id()) {
                nodes.get(u.parentId()).children().add(node);
            }
        }
        TreeNode top = nodes.get(root.id());
        rollUp(top, direct);
        return top;
    }

    private static long rollUp(TreeNode node, Map<Long, Long> direct) {
        long sum = direct.getOrDefault(node.unit().id(), 0L);
        for (TreeNode child : node.children()) {
            sum += rollUp(child, direct);
        }
        for (TreeNode partner : node.partners()) {
            rollUp(partner, direct);
        }
        node.employees()[0] = sum;
        return sum;
    }

    private Map<Long, Long> directEmployeeCounts(List<Long> unitIds) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT d.unit_id, count(*) FROM employee e JOIN department d ON d.id = e.department_id
                        WHERE d.unit_id = ANY(?) AND e.status = 'ACTIVE' GROUP BY d.unit_id""")
                .param(unitIds.toArray(Long[]::new))
                .query((rs, i) -> counts.put(rs.getLong(1), rs.getLong(2))).list();
        return counts;
    }

    /** Units the viewer may see whose name contains {@code q}, with the names of their ancestors. */
    public List<Map.Entry<OrgUnit, String>> search(Viewer viewer, String q) {
        List<OrgUnit> found = units.search(q, 50, viewer.seesWholeTree() ? null : rootsFor(viewer));
        List<Map.Entry<OrgUnit, String>> out = new ArrayList<>();
        for (OrgUnit u : found) {
            out.add(Map.entry(u, breadcrumb(u)));
        }
        return out;
    }

    public String breadcrumb(OrgUnit unit) {
        List<Long> ids = unit.pathIds();
        return String.join(" › ", units.byIds(ids.subList(0, ids.size() - 1)).stream().map(OrgUnit::name).toList());
    }
}
