package org.tongxin.benefits.internal;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Who may claim a voucher of an offer, and what an offer must say. A member claims while the offer is open and within
 * its validity window, when they are a current member in the subtree of the publishing unit, while vouchers are left,
 * and once. The same rules hold in SQL where a rush could slip past a check made first: the quota by a conditional
 * {@code UPDATE … WHERE claimed < quota}, one voucher per member by a unique index.
 */
public final class OfferRules {

    public static final int MAX_QUOTA = 100_000;
    public static final int MAX_TITLE = 100;
    public static final int MAX_PARTNER = 100;
    public static final int MAX_DESCRIPTION = 2000;
    /** An offer runs at most this long: partners' terms are renewed yearly. */
    public static final int MAX_DAYS = 366;

    private OfferRules() {
    }

    /** What a member's claim is checked against. */
    public record Claim(boolean open, LocalDate validFrom, LocalDate validUntil, int quota, int claimed,
                        boolean inSubtree, boolean member, boolean holdsOne) {
    }

    /** The refusal of a claim (a message key), or empty when the member may claim. */
    public static Optional<String> refusal(Claim c, LocalDate today) {
        if (!c.open()) {
            return Optional.of("benefits.offer.error.withdrawn");
        }
        if (today.isBefore(c.validFrom())) {
            return Optional.of("benefits.offer.error.notYet");
        }
        if (today.isAfter(c.validUntil())) {
            return Optional.of("benefits.offer.error.ended");
        }
        if (!c.inSubtree() || !c.member()) {
            return Optional.of("benefits.offer.error.notEligible");
        }
        if (c.holdsOne()) {
            return Optional.of("benefits.offer.error.holdsOne");
        }
        if (c.claimed() >= c.quota()) {
            return Optional.of("benefits.offer.error.allClaimed");
        }
        return Optional.empty();
    }

    /** Whether the offer shows in a member's list today (they may still hold one, or it may be all claimed). */
    public static boolean running(boolean open, LocalDate validFrom, LocalDate validUntil, LocalDate today) {
        return open && !today.isBefore(validFrom) && !today.isAfter(validUntil);
    }

    /** What an officer typed, checked before anything is saved: the refusal's message key, or empty. */
    public static Optional<String> draftRefusal(String partner, String title, String description, String category,
                                                LocalDate from, LocalDate until, Integer quota, LocalDate today) {
        if (blank(partner) || partner.strip().length() > MAX_PARTNER) {
            return Optional.of("benefits.offer.error.partner");
        }
        if (blank(title) || title.strip().length() > MAX_TITLE) {
            return Optional.of("benefits.offer.error.title");
        }
        if (description != null && description.strip().length() > MAX_DESCRIPTION) {
            return Optional.of("benefits.offer.error.description");
        }
        if (category == null || OfferCategory.parse(category).isEmpty()) {
            return Optional.of("benefits.offer.error.category");
        }
        if (from == null || until == null || until.isBefore(from)) {
            return Optional.of("benefits.offer.error.window");
        }
        if (until.isBefore(today)) {
            return Optional.of("benefits.offer.error.pastWindow");
        }
        if (from.plusDays(MAX_DAYS).isBefore(until)) {
            return Optional.of("benefits.offer.error.tooLong");
        }
        if (quota == null || quota < 1 || quota > MAX_QUOTA) {
            return Optional.of("benefits.offer.error.quota");
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
