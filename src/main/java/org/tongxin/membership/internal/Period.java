package org.tongxin.membership.internal;

import java.time.LocalDate;

/** One stretch of membership in one unit; a past period is never changed, only ended. */
public record Period(long id, long unitId, String status, LocalDate startedOn, String startReason, LocalDate endedOn,
                     String endReason) {
}
