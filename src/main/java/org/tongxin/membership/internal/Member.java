package org.tongxin.membership.internal;

import java.time.LocalDate;

/** A current member: number, first joining and the period running now. */
public record Member(long id, long employeeId, String memberNo, LocalDate firstJoinedOn, long unitId,
                     LocalDate periodStartedOn, String status, String photoKey) {

    public boolean isRetired() {
        return "RETIRED".equals(status);
    }
}
