package org.tongxin.rights.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A case before the labour-dispute mediation committee (劳动争议调解), without its texts (they are encrypted and read
 * only by the committee and the applicant). {@code unitId} is the root of the tree whose committee has it.
 */
public record Mediation(long id, Long appealId, long unitId, long applicantId, String respondent, LocalDate acceptedOn,
                        int limitDays, int extendedDays, String extensionReason, Status status, LocalDate closedOn,
                        OffsetDateTime createdAt) {

    /** Open, or closed with an agreement (调解协议), a referral to arbitration, or withdrawn. */
    public enum Status {
        OPEN, AGREED, REFERRED, WITHDRAWN
    }

    /** The last day of the time limit, extension included. */
    public LocalDate limitOn() {
        return MediationTerms.limitOn(acceptedOn, limitDays, extendedDays);
    }

    /** Days left until the limit (0 on its last day, negative once passed). */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, limitOn());
    }

    public boolean open() {
        return status == Status.OPEN;
    }

    /** Still open after the last day of its limit. */
    public boolean overdue(LocalDate today) {
        return open() && limitOn().isBefore(today);
    }

    /** May still be extended: open, not extended yet, the limit not passed. */
    public boolean extendable(LocalDate today) {
        return open() && extendedDays == 0 && !limitOn().isBefore(today);
    }
}
