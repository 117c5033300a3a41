package org.tongxin.membership.internal;

import java.time.OffsetDateTime;

/** Something about a member an officer has to settle, e.g. HR reports they left the enterprise. */
public record Flag(long id, long memberId, long unitId, String reason, OffsetDateTime raisedAt) {
}
