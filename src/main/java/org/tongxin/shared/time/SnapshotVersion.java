package org.tongxin.shared.time;

import java.time.Instant;

/**
 * The version a module gives a record snapshot for figures kept elsewhere: the moment of the change in microseconds,
 * so a later change of the same record always carries a larger number. A replay of history carries 0.
 */
public final class SnapshotVersion {

    private SnapshotVersion() {
    }

    public static long of(Instant moment) {
        return moment.getEpochSecond() * 1_000_000 + moment.getNano() / 1_000;
    }
}
