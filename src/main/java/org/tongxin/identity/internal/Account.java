package org.tongxin.identity.internal;

import java.time.OffsetDateTime;

/** A log-in account: a technical one with a username (the first admin) or one per employee. */
public record Account(long id, String username, Long employeeId, String passwordHash, boolean mustChangePassword,
                      int failedAttempts, OffsetDateTime lockedUntil, String locale) {

    public boolean isLocked(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
