package org.tongxin.membership;

import java.time.LocalDate;

/**
 * A membership period ended for good: the member left, died, lapsed. (Retirement is not an end: the
 * member carries on as a retired member in a new period.)
 */
public record MembershipEnded(long memberId, long employeeId, long unitId, String reason, LocalDate endedOn) {
}
