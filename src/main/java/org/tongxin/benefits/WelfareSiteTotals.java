package org.tongxin.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One site's part of an open or closed holiday welfare round, after it opened or a member's place there changed (a
 * pick, the defaults at the close, a collection): a snapshot for figures kept elsewhere. The members entitled there,
 * their budget (members × the round's budget per member), the spend (the prices of the packages they hold, without
 * those returned to the supplier) and how many have collected. {@code openedOn} is the day the round opened (Beijing).
 * {@code version} orders snapshots of one site of a round (microseconds of the change); a replay of history carries 0.
 */
public record WelfareSiteTotals(long roundId, String title, long siteId, LocalDate openedOn, int members,
                                BigDecimal budget, BigDecimal spend, int collected, long version) {
}
