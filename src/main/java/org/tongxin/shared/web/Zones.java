package org.tongxin.shared.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import org.springframework.stereotype.Component;

/**
 * Moments shown on the platform's clock. PostgreSQL's driver hands every {@code timestamptz} back in UTC, and a
 * template formatting it as it is would show a toll station's 16:00 as 08:00; pages therefore format
 * {@code #temporals.format(@zones.local(t), …)}. The clock is the JVM's zone (run with {@code TZ=Asia/Shanghai} or
 * {@code -Duser.timezone}), the same one forms use to read the times people type.
 */
@Component("zones")
public class Zones {

    public ZoneId zone() {
        return ZoneId.systemDefault();
    }

    /** The moment in the platform's zone; dates and local times pass through unchanged. */
    public Temporal local(Temporal t) {
        return switch (t) {
            case OffsetDateTime o -> o.atZoneSameInstant(zone());
            case ZonedDateTime z -> z.withZoneSameInstant(zone());
            case Instant i -> i.atZone(zone());
            case null, default -> t;
        };
    }
}
