package org.tongxin.library;

import java.time.LocalDate;

/**
 * A loan as it stands after a change (lent, renewed, returned): a snapshot for figures kept elsewhere. The loan
 * counts for the room it was lent from and the unit running it; {@code returnedOn} is null while it is out.
 * {@code previousBorrowedOn} is when the same reader last borrowed from the same room before this loan (null for
 * their first), so that readers can be counted once per room in any range of months from the loans alone.
 * {@code version} orders snapshots of one loan (microseconds of the change); a replay of history carries 0.
 */
public record LibraryLoan(long loanId, long roomId, long unitId, long titleId, LocalDate borrowedOn, LocalDate dueOn,
                          LocalDate returnedOn, LocalDate previousBorrowedOn, long version) {
}
