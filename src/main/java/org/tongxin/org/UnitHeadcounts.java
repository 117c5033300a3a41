package org.tongxin.org;

import java.time.LocalDate;
import java.util.List;

/**
 * Employees on the books of some units as of a month (its first day), after an HR import or a department's move:
 * a snapshot for figures kept elsewhere. {@code version} orders snapshots (microseconds); a replay carries 0.
 */
public record UnitHeadcounts(LocalDate month, List<Count> counts, long version) {

    public record Count(long unitId, int employees) {
    }
}
