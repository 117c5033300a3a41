package org.tongxin.care;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A hardship aid application as it stands after a change (applied, reviewed, paid): a snapshot for figures kept
 * elsewhere. {@code category} is ILLNESS, DISASTER, FAMILY, EDUCATION or OTHER; {@code decidedOn} null while it is
 * reviewed, and with no {@code amountApproved} when declined; {@code paidOn} and {@code amountPaid} once paid.
 * {@code employeeId} is there only to leave small groups out. {@code version} orders snapshots of one application
 * (microseconds of the change); a replay of history carries 0.
 */
public record AidSnapshot(long aidId, long employeeId, long unitId, String category, LocalDate appliedOn,
                          LocalDate decidedOn, BigDecimal amountApproved, LocalDate paidOn, BigDecimal amountPaid,
                          long version) {
}
