package org.tongxin.rights;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.tongxin.rights.internal.RightsSnapshots;

/** Rights' history as the snapshots it publishes, for rebuilding figures kept elsewhere from scratch. */
@Service
public class RightsHistory {

    private static final int PAGE = 5_000;

    private final RightsSnapshots snapshots;

    RightsHistory(RightsSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Every appeal, a page at a time, each as an {@link AppealProgress} with version 0. */
    public void replay(Consumer<AppealProgress> sink) {
        long after = 0;
        while (true) {
            List<AppealProgress> page = snapshots.appeals(after, PAGE, 0);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = page.getLast().appealId();
        }
    }
}
