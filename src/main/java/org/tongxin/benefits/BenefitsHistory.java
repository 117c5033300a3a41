package org.tongxin.benefits;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.tongxin.benefits.internal.BenefitsSnapshots;

/** Benefits' history as the snapshots it publishes, for rebuilding figures kept elsewhere from scratch. */
@Service
public class BenefitsHistory {

    private static final int PAGE = 5_000;

    private final BenefitsSnapshots snapshots;

    BenefitsHistory(BenefitsSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Every site of every opened welfare round, a round at a time, each with version 0. */
    public void replayWelfare(Consumer<WelfareSiteTotals> sink) {
        for (long round : snapshots.openedRounds()) {
            snapshots.welfareSites(round, null, 0).forEach(sink);
        }
    }

    /** Every voucher, a page at a time, each with version 0. */
    public void replayVouchers(Consumer<VoucherUse> sink) {
        long after = 0;
        while (true) {
            List<VoucherUse> page = snapshots.vouchers(after, PAGE, 0);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = page.getLast().voucherId();
        }
    }

    /** Every unit's dues of every month recorded, a page at a time, each with version 0. */
    public void replayDues(Consumer<DuesCollected> sink) {
        DuesCollected last = null;
        while (true) {
            List<DuesCollected> page = snapshots.dues(last, PAGE, 0);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            last = page.getLast();
        }
    }
}
