package org.tongxin.activity.internal;

import java.time.OffsetDateTime;

/** An activity as stored; its phase for a viewer is worked out from status and times (see {@link #phase}). */
public record Activity(long id, String title, String type, String description, String place, Long venueId,
                       OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime signupOpensAt,
                       OffsetDateTime signupClosesAt, int capacity, String audience, Long audienceUnitId,
                       boolean lottery, String lotterySeed, OffsetDateTime drawnAt, long leadUnitId, String status,
                       String cancelReason, String checkinToken, String coverKey, long createdBy) {

    /** Where an activity stands, as people see it. */
    public enum Phase { DRAFT, PUBLISHED, SIGNUP_OPEN, SIGNUP_CLOSED, HELD, SUMMARISED, CANCELLED }

    public Phase phase(OffsetDateTime now) {
        return switch (status) {
            case "DRAFT" -> Phase.DRAFT;
            case "CANCELLED" -> Phase.CANCELLED;
            case "SUMMARISED" -> Phase.SUMMARISED;
            case "HELD" -> Phase.HELD;
            default -> now.isBefore(signupOpensAt) ? Phase.PUBLISHED
                    : now.isBefore(signupClosesAt) ? Phase.SIGNUP_OPEN
                    : now.isBefore(endsAt) ? Phase.SIGNUP_CLOSED : Phase.HELD;
        };
    }

    public boolean signupOpen(OffsetDateTime now) {
        return phase(now) == Phase.SIGNUP_OPEN;
    }

    /** A lottery activity whose window closed and whose draw has not been made. */
    public boolean awaitingDraw(OffsetDateTime now) {
        return lottery && drawnAt == null && "PUBLISHED".equals(status) && !now.isBefore(signupClosesAt);
    }
}
