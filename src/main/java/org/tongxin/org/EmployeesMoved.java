package org.tongxin.org;

import java.util.List;

/** An HR import put employees into departments of other union units (one event per import). */
public record EmployeesMoved(List<Move> moves) {

    /** One employee's move from one union unit to another. */
    public record Move(long employeeId, long fromUnitId, long toUnitId) {
    }
}
