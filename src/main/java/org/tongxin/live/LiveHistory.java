package org.tongxin.live;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.tongxin.live.internal.LiveSnapshots;

/** Live's history as the snapshots it publishes (sessions, people's watching), for rebuilding figures elsewhere. */
@Service
public class LiveHistory {

    private static final int PAGE = 5_000;

    private final LiveSnapshots snapshots;

    LiveHistory(LiveSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Every session, a page at a time, each as a {@link LiveSessionState} with version 0. */
    public void replaySessions(Consumer<LiveSessionState> sink) {
        long after = 0;
        while (true) {
            List<LiveSessionState> page = snapshots.sessionsAfter(after, PAGE, 0);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = page.getLast().sessionId();
        }
    }

    /** Every person's watching of every session, a page at a time, each as a {@link LiveViewing} with version 0. */
    public void replayViewings(Consumer<LiveViewing> sink) {
        long session = 0;
        long employee = 0;
        while (true) {
            List<LiveViewing> page = snapshots.viewingsAfter(session, employee, PAGE, 0);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            session = page.getLast().sessionId();
            employee = page.getLast().employeeId();
        }
    }
}
