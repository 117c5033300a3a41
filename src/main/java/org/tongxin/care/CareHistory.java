package org.tongxin.care;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Service;
import org.tongxin.care.internal.AidRecords;
import org.tongxin.care.internal.CareRecords;

/** Care's history as the snapshots it publishes, for rebuilding figures kept elsewhere from scratch. */
@Service
public class CareHistory {

    private static final int PAGE = 5_000;

    private final CareRecords cases;
    private final AidRecords aid;

    CareHistory(CareRecords cases, AidRecords aid) {
        this.cases = cases;
        this.aid = aid;
    }

    /** Every care case, a page at a time, each as a {@link CareCaseSnapshot} with version 0. */
    public void replayCases(Consumer<CareCaseSnapshot> sink) {
        replay(after -> cases.caseSnapshots(after, PAGE), CareCaseSnapshot::caseId, sink);
    }

    /** Every hardship aid application, a page at a time, each as an {@link AidSnapshot} with version 0. */
    public void replayAid(Consumer<AidSnapshot> sink) {
        replay(after -> aid.snapshots(after, PAGE), AidSnapshot::aidId, sink);
    }

    private static <T> void replay(LongFunction<List<T>> pageAfter, ToLongFunction<T> id, Consumer<T> sink) {
        long after = 0;
        while (true) {
            List<T> page = pageAfter.apply(after);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = id.applyAsLong(page.getLast());
        }
    }
}
