package org.tongxin.rights.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An appeal's record, without its texts (they are encrypted and read only by those allowed). */
public record Appeal(long id, long employeeId, long homeUnitId, String department, long routeUnitId,
                     Long womenCommitteeId, AppealCategory category, Identity identity, Status status,
                     LocalDate acceptDue, LocalDate resolveDue, OffsetDateTime acceptedAt, OffsetDateTime repliedAt,
                     Rating rating, boolean reopened, int escalations, OffsetDateTime closedAt,
                     OffsetDateTime createdAt) {

    /** Who may see the appellant's name: the route's officers, only those handling it now, or nobody. */
    public enum Identity {
        NAMED, CONFIDENTIAL, ANONYMOUS
    }

    public enum Status {
        SUBMITTED, ACCEPTED, REPLIED, CLOSED, MEDIATION
    }

    /** 满意 / 基本满意 / 不满意. */
    public enum Rating {
        SATISFIED, PARTLY, UNSATISFIED
    }

    /** A deadline of the current step has passed ({@code today} in the platform's zone). */
    public boolean overdue(LocalDate today) {
        return switch (status) {
            case SUBMITTED -> acceptDue.isBefore(today);
            case ACCEPTED -> resolveDue != null && resolveDue.isBefore(today);
            default -> false;
        };
    }

    /** The employee may still reopen it once, unsatisfied with the reply. */
    public boolean reopenable() {
        return status == Status.REPLIED && !reopened;
    }
}
