package org.tongxin.benefits.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The offer policy: validity window, eligibility, quota, one per member; and when a voucher may be redeemed. */
class OfferRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

    private static OfferRules.Claim claim(boolean open, LocalDate from, LocalDate until, int quota, int claimed,
                                          boolean inSubtree, boolean member, boolean holds) {
        return new OfferRules.Claim(open, from, until, quota, claimed, inSubtree, member, holds);
    }

    private static final OfferRules.Claim GOOD = claim(true, TODAY.minusDays(1), TODAY.plusDays(1), 10, 9, true, true,
            false);

    @Test
    void aMemberOfTheSubtreeClaimsWithinTheWindowWhileVouchersAreLeft() {
        assertThat(OfferRules.refusal(GOOD, TODAY)).isEmpty();
        assertThat(OfferRules.refusal(claim(true, TODAY, TODAY, 1, 0, true, true, false), TODAY))
                .as("the first and last day count").isEmpty();
    }

    @Test
    void theWindowIsHeld() {
        assertThat(OfferRules.refusal(claim(true, TODAY.plusDays(1), TODAY.plusDays(9), 10, 0, true, true, false),
                TODAY)).contains("benefits.offer.error.notYet");
        assertThat(OfferRules.refusal(claim(true, TODAY.minusDays(9), TODAY.minusDays(1), 10, 0, true, true, false),
                TODAY)).contains("benefits.offer.error.ended");
        assertThat(OfferRules.refusal(claim(false, TODAY.minusDays(1), TODAY.plusDays(1), 10, 0, true, true, false),
                TODAY)).contains("benefits.offer.error.withdrawn");
    }

    @Test
    void onlyMembersOfTheSubtree() {
        assertThat(OfferRules.refusal(claim(true, TODAY, TODAY, 10, 0, false, true, false), TODAY))
                .contains("benefits.offer.error.notEligible");
        assertThat(OfferRules.refusal(claim(true, TODAY, TODAY, 10, 0, true, false, false), TODAY))
                .contains("benefits.offer.error.notEligible");
    }

    @Test
    void theQuotaIsNeverExceededAndEachMemberClaimsOnce() {
        assertThat(OfferRules.refusal(claim(true, TODAY, TODAY, 10, 10, true, true, false), TODAY))
                .contains("benefits.offer.error.allClaimed");
        assertThat(OfferRules.refusal(claim(true, TODAY, TODAY, 10, 3, true, true, true), TODAY))
                .contains("benefits.offer.error.holdsOne");
    }

    @Test
    void aDraftNeedsItsPartsAndASaneWindowAndQuota() {
        LocalDate from = TODAY;
        LocalDate until = TODAY.plusMonths(3);
        assertThat(OfferRules.draftRefusal("医院", "体检 6 折", "", "HEALTH", from, until, 100, TODAY)).isEmpty();
        assertThat(OfferRules.draftRefusal(" ", "体检", "", "HEALTH", from, until, 100, TODAY))
                .contains("benefits.offer.error.partner");
        assertThat(OfferRules.draftRefusal("医院", "", "", "HEALTH", from, until, 100, TODAY))
                .contains("benefits.offer.error.title");
        assertThat(OfferRules.draftRefusal("医院", "体检", "x".repeat(OfferRules.MAX_DESCRIPTION + 1), "HEALTH", from,
                until, 100, TODAY)).contains("benefits.offer.error.description");
        assertThat(OfferRules.draftRefusal("医院", "体检", "", "FREE_MONEY", from, until, 100, TODAY))
                .contains("benefits.offer.error.category");
        assertThat(OfferRules.draftRefusal("医院", "体检", "", "HEALTH", until, from, 100, TODAY))
                .contains("benefits.offer.error.window");
        assertThat(OfferRules.draftRefusal("医院", "体检", "", "HEALTH", null, until, 100, TODAY))
                .contains("benefits.offer.error.window");
        assertThat(OfferRules.draftRefusal("医院", "体检", "", "HEALTH", TODAY.minusDays(9), TODAY.minusDays(1), 100,
                TODAY)).contains("benefits.offer.error.pastWindow");
        assertThat(OfferRules.draftRefusal("医院", "体检", "", "HEALTH", from, from.plusYears(2), 100, TODAY))
                .contains("benefits.offer.error.tooLong");
        assertThat(OfferRules.draftRefusal("医院", "体检", "", "HEALTH", from, until, 0, TODAY))
                .contains("benefits.offer.error.quota");
        assertThat(OfferRules.draftRefusal("医院", "体检", "", "HEALTH", from, until, OfferRules.MAX_QUOTA + 1, TODAY))
                .contains("benefits.offer.error.quota");
        assertThat(OfferRules.draftRefusal("医院", "体检", "", "HEALTH", from, until, null, TODAY))
                .contains("benefits.offer.error.quota");
    }

    @Test
    void aVoucherIsRedeemableOnceWithinItsWindowAndNotWhileLocked() {
        OffsetDateTime now = OffsetDateTime.now();
        LocalDate from = TODAY.minusDays(1);
        LocalDate until = TODAY.plusDays(1);
        assertThat(VoucherRules.state(null, null, from, until, null, TODAY, now)).isEqualTo(VoucherRules.State.VALID);
        assertThat(VoucherRules.state(now, null, from, until, null, TODAY, now)).isEqualTo(VoucherRules.State.USED);
        assertThat(VoucherRules.state(null, now, from, until, null, TODAY, now)).isEqualTo(VoucherRules.State.WITHDRAWN);
        assertThat(VoucherRules.state(null, null, from, TODAY.minusDays(1), null, TODAY, now))
                .isEqualTo(VoucherRules.State.EXPIRED);
        assertThat(VoucherRules.state(null, null, TODAY.plusDays(1), until, null, TODAY, now))
                .isEqualTo(VoucherRules.State.NOT_YET);
        assertThat(VoucherRules.state(null, null, from, until, now.plusMinutes(1), TODAY, now))
                .isEqualTo(VoucherRules.State.LOCKED);
        assertThat(VoucherRules.state(null, null, from, until, now.minusMinutes(1), TODAY, now))
                .as("a lock that has passed").isEqualTo(VoucherRules.State.VALID);
    }

    @Test
    void aPinIsSixDigits() {
        assertThat(VoucherRules.pin(" 123 456 ")).isEqualTo("123456");
        assertThat(VoucherRules.pin("12345")).isNull();
        assertThat(VoucherRules.pin("12345a")).isNull();
        assertThat(VoucherRules.pin(null)).isNull();
    }

    @Test
    void codesAreLongRandomAndWellFormedAndPinsAreHashed() {
        VoucherCodes codes = new VoucherCodes();
        String a = codes.newCode();
        assertThat(VoucherCodes.wellFormed(a)).isTrue();
        assertThat(codes.newCode()).isNotEqualTo(a);
        assertThat(VoucherCodes.wellFormed("ABC")).isFalse();
        assertThat(VoucherCodes.wellFormed("../../etc/passwd0000")).isFalse();
        String pin = codes.newPin();
        assertThat(pin).matches("\\d{6}");
        String hash = codes.hash(pin);
        assertThat(hash).doesNotContain(pin);
        assertThat(codes.matches(pin, hash)).isTrue();
        assertThat(codes.matches(pin.equals("000000") ? "111111" : "000000", hash)).isFalse();
        assertThat(Vouchers.masked("张三丰")).isEqualTo("张*");
        assertThat(Vouchers.masked("")).isEqualTo("*");
    }
}
