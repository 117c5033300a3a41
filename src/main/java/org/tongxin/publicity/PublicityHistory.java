package org.tongxin.publicity;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.tongxin.publicity.internal.PublicitySnapshots;

/**
 * Publicity's history as the snapshots it publishes (items published, reads, shares), for rebuilding figures kept
 * elsewhere from scratch.
 */
@Service
public class PublicityHistory {

    private static final int PAGE = 5_000;

    private final PublicitySnapshots snapshots;

    PublicityHistory(PublicitySnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Every item ever published, a page at a time, each as an {@link ItemPublication} with version 0. */
    public void replayItems(Consumer<ItemPublication> sink) {
        long after = 0;
        while (true) {
            List<ItemPublication> page = snapshots.itemsAfter(after, PAGE, 0);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = page.getLast().itemId();
        }
    }

    /** Every read, a page at a time, each as an {@link ItemRead} with version 0. */
    public void replayReads(Consumer<ItemRead> sink) {
        long item = 0;
        String reader = "";
        while (true) {
            List<ItemRead> page = snapshots.readsAfter(item, reader, PAGE, 0);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            item = page.getLast().itemId();
            reader = page.getLast().reader();
        }
    }

    /** Every count of shares per item, channel and day, a page at a time, each as {@link ItemShares}, version 0. */
    public void replayShares(Consumer<ItemShares> sink) {
        long item = 0;
        String channel = "";
        LocalDate day = LocalDate.of(1, 1, 1);
        while (true) {
            List<ItemShares> page = snapshots.sharesAfter(item, channel, day, PAGE, 0);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            item = page.getLast().itemId();
            channel = page.getLast().channel();
            day = page.getLast().day();
        }
    }
}
