package org.tongxin.membership.internal;

import java.time.OffsetDateTime;

/** A joining ceremony (入会仪式) of a unit. */
public record Ceremony(long id, long unitId, String title, OffsetDateTime startsAt, String place, String status) {

    public boolean isHeld() {
        return "HELD".equals(status);
    }
}
