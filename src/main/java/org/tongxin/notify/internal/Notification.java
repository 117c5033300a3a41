package org.tongxin.notify.internal;

import java.time.OffsetDateTime;

/** One message in a person's inbox. */
public record Notification(long id, long employeeId, String title, String body, String link, OffsetDateTime createdAt,
                           OffsetDateTime readAt) {

    public boolean isUnread() {
        return readAt == null;
    }
}
