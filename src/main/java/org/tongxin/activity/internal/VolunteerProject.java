package org.tongxin.activity.internal;

import java.time.OffsetDateTime;

/** A volunteer project (志愿服务项目) as stored: its shifts are {@link Shift}s. */
public record VolunteerProject(long id, String title, String description, String place, String audience,
                               long audienceUnitId, long leadUnitId, String status, long createdBy,
                               OffsetDateTime createdAt) {

    public boolean isDraft() {
        return status.equals("DRAFT");
    }

    public boolean isClosed() {
        return status.equals("CLOSED");
    }
}
