package org.tongxin.membership;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's periods as they stand after a change (joining, a transfer, retirement, leaving): a snapshot for figures
 * kept elsewhere. {@code version} orders snapshots of one member (microseconds of the change); a replay of history
 * carries 0.
 */
public record MemberPeriods(long memberId, long employeeId, List<Span> periods, long version) {

    /** One period in one unit; {@code status} ACTIVE or RETIRED; {@code endedOn} null while it lasts. */
    public record Span(long periodId, long unitId, String status, LocalDate startedOn, LocalDate endedOn) {
    }
}
