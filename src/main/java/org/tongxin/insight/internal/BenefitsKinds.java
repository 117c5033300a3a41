package org.tongxin.insight.internal;

import java.util.List;

/** The kinds of facts insight keeps from the benefits module: welfare rounds, vouchers and dues. */
public final class BenefitsKinds {

    /** A site of a welfare round (category: the round's title) on the day it opened; value = members entitled. */
    public static final String WELFARE_MEMBERS = "WELFARE_MEMBERS";
    /** The same site's budget in yuan (members × budget per member). */
    public static final String WELFARE_BUDGET = "WELFARE_BUDGET";
    /** The same site's spend in yuan (packages held, not returned). */
    public static final String WELFARE_SPEND = "WELFARE_SPEND";
    /** The same site's members who have collected. */
    public static final String WELFARE_COLLECTED = "WELFARE_COLLECTED";

    /** A voucher given, on its day (category: BIRTHDAY or the offer's category), in the holder's unit. */
    public static final String VOUCHER_ISSUED = "VOUCHER_ISSUED";
    /** A voucher used, on its day (category as given). */
    public static final String VOUCHER_USED = "VOUCHER_USED";

    /** A unit's dues of a month, on its first day; value = yuan. */
    public static final String DUES = "DUES";
    /** A unit's members with dues recorded for a month, on its first day; value = members. */
    public static final String DUES_PAYERS = "DUES_PAYERS";

    static final List<String> WELFARE = List.of(WELFARE_MEMBERS, WELFARE_BUDGET, WELFARE_SPEND, WELFARE_COLLECTED);

    /** The offers' categories, in the order the pages list them. */
    static final List<String> OFFERS = List.of("HEALTH", "TICKETS", "SHOPPING", "DINING", "TRAVEL", "OTHER");

    private BenefitsKinds() {
    }
}
