package org.tongxin.benefits;

import java.time.LocalDate;

/**
 * A voucher after it was given or used: a snapshot for figures kept elsewhere. {@code kind} is BIRTHDAY for a
 * birthday benefit, else the offer's category (HEALTH, TICKETS …); {@code unitId} the member's unit on the birthday
 * benefit, for an offer's voucher the holder's unit now (the offer's unit when they have none). Days in the platform's
 * zone. {@code version} orders snapshots of one voucher (microseconds of the change); a replay of history carries 0.
 */
public record VoucherUse(long voucherId, long unitId, String kind, LocalDate issuedOn, LocalDate usedOn,
                         long version) {

    public static final String BIRTHDAY = "BIRTHDAY";
}
