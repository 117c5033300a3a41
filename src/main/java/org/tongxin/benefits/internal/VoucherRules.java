package org.tongxin.benefits.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Whether a voucher may be redeemed now, and the guard against guessing a partner's PIN: after
 * {@link #MAX_WRONG_PINS} wrong tries the voucher's check is locked for {@link #LOCK}.
 */
public final class VoucherRules {

    public static final int MAX_WRONG_PINS = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);

    private VoucherRules() {
    }

    /** Where a voucher stands, as the partner's check page says it. */
    public enum State {
        VALID, USED, WITHDRAWN, EXPIRED, NOT_YET, LOCKED;

        public String messageKey() {
            return "benefits.offer.voucher.state." + name();
        }
    }

    public static State state(OffsetDateTime redeemedAt, OffsetDateTime voidedAt, LocalDate validFrom,
                              LocalDate validUntil, OffsetDateTime lockedUntil, LocalDate today, OffsetDateTime now) {
        if (redeemedAt != null) {
            return State.USED;
        }
        if (voidedAt != null) {
            return State.WITHDRAWN;
        }
        if (today.isAfter(validUntil)) {
            return State.EXPIRED;
        }
        if (today.isBefore(validFrom)) {
            return State.NOT_YET;
        }
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            return State.LOCKED;
        }
        return State.VALID;
    }

    /** A six-digit PIN as the partner types it (spaces ignored), or null when it cannot be one. */
    public static String pin(String typed) {
        if (typed == null) {
            return null;
        }
        String p = typed.replaceAll("\\s", "");
        return p.matches("\\d{6}") ? p : null;
    }
}
