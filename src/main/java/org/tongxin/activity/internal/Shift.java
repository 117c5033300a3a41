package org.tongxin.activity.internal;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A shift (班次) of a volunteer project: places needed and taken, and where its hours stand. Hours are
 * recorded once it has ended and count once another officer has confirmed them.
 */
public record Shift(long id, long projectId, OffsetDateTime startsAt, OffsetDateTime endsAt, String place, int needed,
                    int taken, String status, String cancelReason, Long recordedBy, OffsetDateTime recordedAt,
                    Long confirmedBy, OffsetDateTime confirmedAt) {

    /** Where a shift stands, as people see it. */
    public enum State { OPEN, FULL, UNDER_WAY, TO_RECORD, TO_CONFIRM, CONFIRMED, CANCELLED }

    public State state(OffsetDateTime now) {
        return switch (status) {
            case "CANCELLED" -> State.CANCELLED;
            case "RECORDED" -> State.TO_CONFIRM;
            case "CONFIRMED" -> State.CONFIRMED;
            default -> !endsAt.isAfter(now) ? State.TO_RECORD
                    : !startsAt.isAfter(now) ? State.UNDER_WAY
                    : taken >= needed ? State.FULL : State.OPEN;
        };
    }

    /** Sign-ups and cancellations are taken until the shift starts. */
    public boolean openForSignUp(OffsetDateTime now) {
        return status.equals("OPEN") && startsAt.isAfter(now);
    }

    public boolean hasEnded(OffsetDateTime now) {
        return !endsAt.isAfter(now);
    }

    /** The length of the shift: the hours a volunteer who came is credited with unless the organiser says otherwise. */
    public int minutes() {
        return (int) Duration.between(startsAt, endsAt).toMinutes();
    }

    public int free() {
        return Math.max(0, needed - taken);
    }
}
