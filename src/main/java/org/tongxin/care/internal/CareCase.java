package org.tongxin.care.internal;

import java.time.LocalDate;

/** A care case as stored (the outcome still encrypted). */
public record CareCase(long id, long moveId, long employeeId, long unitId, String status, LocalDate openedOn,
                       LocalDate firstContactDue, LocalDate firstContactOn, String outcomeEnc, LocalDate closedOn) {

    public boolean isOpen() {
        return "OPEN".equals(status);
    }

    public boolean firstContactOverdue(LocalDate today) {
        return isOpen() && firstContactOn == null && today.isAfter(firstContactDue);
    }
}
