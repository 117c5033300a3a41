package org.tongxin.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The dues recorded for one unit and month (its first day), after a payroll import or a cash payment touched them: a
 * snapshot for figures kept elsewhere. {@code payers} the members with the month recorded, {@code amount} their sum.
 * {@code version} orders snapshots of one unit and month (microseconds of the change); a replay carries 0.
 */
public record DuesCollected(long unitId, LocalDate month, int payers, BigDecimal amount, long version) {
}
