package org.tongxin.benefits.internal;

import java.time.OffsetDateTime;
import org.tongxin.shared.web.Refusal;

/**
 * The one-pick rule: a member of the round holds one package at a time; they may change it while the window is
 * open, not after (the default is given then); a package of another round, or one with no stock left, is refused.
 */
public final class WelfarePicks {

    private WelfarePicks() {
    }

    public static void check(WelfareRound round, OffsetDateTime now, boolean eligible, WelfarePackage pack) {
        if (!eligible) {
            throw new Refusal("benefits.welfare.error.notEligible");
        }
        if (round.status() == WelfareRound.Status.CLOSED || !now.isBefore(round.closesAt())) {
            throw new Refusal("benefits.welfare.error.closed");
        }
        if (round.status() != WelfareRound.Status.OPEN || now.isBefore(round.opensAt())) {
            throw new Refusal("benefits.welfare.error.notOpen");
        }
        if (pack == null || pack.roundId() != round.id()) {
            throw new Refusal("benefits.welfare.error.package");
        }
    }
}
