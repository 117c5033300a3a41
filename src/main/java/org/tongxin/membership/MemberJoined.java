package org.tongxin.membership;

import java.time.LocalDate;

/** Someone became a member (first time or again) in a union unit. */
public record MemberJoined(long memberId, long employeeId, long unitId, String memberNo, LocalDate joinedOn,
                           boolean rejoined) {
}
