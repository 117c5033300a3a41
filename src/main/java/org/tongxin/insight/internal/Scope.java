package org.tongxin.insight.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.Viewer;

/**
 * What a dashboard shows: a node of the tree and its children (for bars by sub-unit), the months from {@code from}
 * to {@code to}, and the previous period of the same length for comparison.
 */
public record Scope(Viewer viewer, OrgUnit node, List<OrgUnit> children, YearMonth from, YearMonth to) {

    public Scope {
        children = List.copyOf(children);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a range ends after it starts");
        }
    }

    public int length() {
        return (int) (to.getYear() * 12L + to.getMonthValue() - from.getYear() * 12L - from.getMonthValue()) + 1;
    }

    public YearMonth previousFrom() {
        return from.minusMonths(length());
    }

    public YearMonth previousTo() {
        return from.minusMonths(1);
    }

    /** Every month of the range, oldest first. */
    public List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    /** The node and its children: the units whose roll-up rows a section reads. */
    public List<Long> units() {
        List<Long> ids = new ArrayList<>();
        ids.add(node.id());
        children.forEach(c -> ids.add(c.id()));
        return ids;
    }

    /** The month labels of the range, for a trend's categories. */
    public List<Label> monthLabels() {
        return months().stream().map(m -> Label.text(m.toString())).toList();
    }

    /** The children's names, for bars by sub-unit. */
    public List<Label> childLabels() {
        return children.stream().map(c -> Label.text(c.name())).toList();
    }
}
