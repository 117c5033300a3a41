package org.tongxin.membership.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An application to join, as stored. {@code escalatedTo} is the unit above once the deadline passed. */
public record Application(long id, long employeeId, long unitId, String channel, String status,
                          OffsetDateTime submittedAt, LocalDate dueOn, Long escalatedTo, OffsetDateTime escalatedAt,
                          OffsetDateTime decidedAt, Long decidedBy, String reason, String photoKey) {

    public boolean isPending() {
        return "PENDING".equals(status);
    }

    public boolean isOverdue(LocalDate today) {
        return isPending() && today.isAfter(dueOn);
    }
}
