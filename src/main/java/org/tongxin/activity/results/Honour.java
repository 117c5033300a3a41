package org.tongxin.activity.results;

import java.time.OffsetDateTime;

/**
 * An honour given by a body ({@code awardedByUnitId}) to a person or a team; {@code recipientUnitId} is the
 * person's unit when it was given, or the team itself. A revoked honour is kept with its reason.
 */
public record Honour(long id, HonourKind kind, String title, int year, String citation, long awardedByUnitId,
                     Long employeeId, Long teamUnitId, long recipientUnitId, String photoThumbKey, String photoKey,
                     long givenBy, OffsetDateTime givenAt, OffsetDateTime revokedAt, Long revokedBy,
                     String revokeReason) {

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean hasPhoto() {
        return photoKey != null;
    }
}
