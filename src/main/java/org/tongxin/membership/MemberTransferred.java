package org.tongxin.membership;

import java.time.LocalDate;

/** A member's membership moved from one union unit to another (转会), by HR import or by an officer. */
public record MemberTransferred(long memberId, long employeeId, long fromUnitId, long toUnitId, LocalDate on) {
}
