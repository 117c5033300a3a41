package org.tongxin.benefits.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A holiday welfare round of a unit's subtree: a budget per member, the members eligible as of a day, a window in
 * which each picks one package. {@code members} and {@code budget} are fixed when the round opens.
 */
public record WelfareRound(long id, long unitId, Occasion occasion, String title, int year, BigDecimal budgetPerMember,
                           LocalDate eligibleOn, OffsetDateTime opensAt, OffsetDateTime closesAt, Status status,
                           Long defaultPackageId, int members, BigDecimal budget, OffsetDateTime createdAt) {

    public enum Occasion {
        SPRING_FESTIVAL, LANTERN, WOMENS_DAY, DRAGON_BOAT, MID_AUTUMN, NATIONAL_DAY, OTHER
    }

    /** DRAFT: packages being set up; OPEN: members pick (from {@code opensAt}); CLOSED: defaults given, distribution. */
    public enum Status {
        DRAFT, OPEN, CLOSED
    }

    /** Whether members may pick or change their package at {@code now}. */
    public boolean pickable(OffsetDateTime now) {
        return status == Status.OPEN && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
