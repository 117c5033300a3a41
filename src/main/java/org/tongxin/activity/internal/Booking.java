package org.tongxin.activity.internal;

import java.time.OffsetDateTime;

/**
 * A body's use of a venue for a time range, as stored. The range is half-open: a booking ending at ten and
 * another starting at ten do not meet.
 */
public record Booking(long id, long venueId, long unitId, Long activityId, String purpose, OffsetDateTime startsAt,
                      OffsetDateTime endsAt, String status, long requestedBy, Long requesterEmployeeId,
                      String requesterName, OffsetDateTime requestedAt, Long decidedBy, OffsetDateTime decidedAt,
                      String declineReason, Long cancelledBy, OffsetDateTime cancelledAt) {

    public boolean isLive() {
        return status.equals("PENDING") || status.equals("APPROVED");
    }

    public boolean isPending() {
        return status.equals("PENDING");
    }
}
