package org.tongxin.care.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A hardship aid application (困难职工帮扶) as stored, the situation still encrypted.
 *
 * @param unitId        the employee's union unit when they applied: its chain sees the application
 * @param currentUnitId whose officers review now; null at the committee's step and once decided
 * @param appliedBy     the account that applied: the employee's own or an officer's on their behalf
 */
public record Aid(long id, long employeeId, long unitId, int year, String category, BigDecimal amountAsked,
                  String situationEnc, String status, Long currentUnitId, BigDecimal amountApproved,
                  LocalDate decidedOn, LocalDate paidOn, BigDecimal amountPaid, String payMethod, Long paidBy,
                  long appliedBy, OffsetDateTime createdAt) {

    public enum Category { ILLNESS, DISASTER, FAMILY, EDUCATION, OTHER }

    public enum Status { SUBMITTED, IN_REVIEW, APPROVED, DECLINED, PAID }

    /** How the money reached the employee: 现金, 转账, 实物. */
    public enum PayMethod { CASH, TRANSFER, IN_KIND }

    /** Still waiting for a decision somewhere along the chain. */
    public boolean isOpen() {
        return status.equals(Status.SUBMITTED.name()) || status.equals(Status.IN_REVIEW.name());
    }

    /** Open and waiting for the committee rather than a unit's officers. */
    public boolean atCommitteeStep() {
        return isOpen() && currentUnitId == null;
    }

    public boolean isApproved() {
        return status.equals(Status.APPROVED.name());
    }
}
