package org.tongxin.shared.audit;

import java.time.OffsetDateTime;

/** One line of the audit trail as shown to committee and admin. */
public record AuditEntry(long id, OffsetDateTime at, long actorId, String actorName, String action,
                         String targetType, String targetId, Long unitId, String summary, String before,
                         String after) {
}
