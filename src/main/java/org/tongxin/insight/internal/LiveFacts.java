package org.tongxin.insight.internal;

import static org.tongxin.insight.internal.LiveKinds.SESSION;
import static org.tongxin.insight.internal.LiveKinds.VIEWER;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.live.LiveHistory;
import org.tongxin.live.LiveSessionState;
import org.tongxin.live.LiveViewing;

/**
 * Live's records as facts: each session held a point in its host unit on the day it went on air, each person's
 * watching of a session a point in their unit valued by the minutes they watched.
 */
@Component
class LiveFacts implements Source {

    private final Facts facts;
    private final LiveHistory history;

    LiveFacts(Facts facts, LiveHistory history) {
        this.facts = facts;
        this.history = history;
    }

    @Override
    public void replay() {
        history.replaySessions(this::apply);
        history.replayViewings(this::apply);
    }

    @ApplicationModuleListener
    void on(LiveSessionState session) {
        apply(session);
    }

    @ApplicationModuleListener
    void on(LiveViewing viewing) {
        apply(viewing);
    }

    void apply(LiveSessionState s) {
        List<Fact> list = s.wentLiveOn() == null || s.state().equals("CANCELLED") ? List.of()
                : List.of(Fact.point(SESSION, Long.toString(s.sessionId()), s.hostUnitId(), null, null, s.wentLiveOn(),
                        null));
        facts.replace("live:" + s.sessionId(), s.version(), list);
    }

    void apply(LiveViewing v) {
        String id = v.sessionId() + ":" + v.employeeId();
        List<Fact> list = v.unitId() == null ? List.of()
                : List.of(Fact.point(VIEWER, id, v.unitId(), null,
                        v.attended() ? LiveKinds.ATTENDED : LiveKinds.WATCHED, v.firstOn(),
                        BigDecimal.valueOf(v.minutes())));
        facts.replace("viewing:" + id, v.version(), list);
    }
}
