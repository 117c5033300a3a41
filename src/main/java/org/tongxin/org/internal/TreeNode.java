package org.tongxin.org.internal;

import java.util.ArrayList;
import java.util.List;
import org.tongxin.org.OrgUnit;

/** A unit on the tree page with its sub-units, the partner bodies beside it and its employee count (subtree). */
public record TreeNode(OrgUnit unit, List<TreeNode> children, List<TreeNode> partners, long[] employees) {

    public TreeNode(OrgUnit unit) {
        this(unit, new ArrayList<>(), new ArrayList<>(), new long[1]);
    }

    public long employeeCount() {
        return employees[0];
    }

    public boolean hasChildren() {
        return !children.isEmpty() || !partners.isEmpty();
    }
}
