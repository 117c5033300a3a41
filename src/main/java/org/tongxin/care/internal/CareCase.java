package org.tongxin.care.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A care case as stored (outcome and plan still encrypted). */
public record CareCase(long id, long moveId, long employeeId, long unitId, String status, LocalDate openedOn,
                       LocalDate firstContactDue, LocalDate firstContactOn, String outcomeEnc, LocalDate closedOn,
                       OffsetDateTime escalatedAt, Long ownerEmployeeId, String planEnc, LocalDate followUpDue,
                       LocalDate followUpEscalatedOn) {

    public boolean isOpen() {
        return "OPEN".equals(status);
    }

    public boolean firstContactOverdue(LocalDate today) {
        return isOpen() && firstContactOn == null && today.isAfter(firstContactDue);
    }

    public boolean followUpOverdue(LocalDate today) {
        return isOpen() && followUpDue != null && today.isAfter(followUpDue);
    }

    public boolean overdue(LocalDate today) {
        return firstContactOverdue(today) || followUpOverdue(today);
    }

    /** Taken up the chain: the unit above was told (first contact or a follow-up missed). */
    public boolean escalated() {
        return escalatedAt != null || followUpEscalatedOn != null;
    }
}
