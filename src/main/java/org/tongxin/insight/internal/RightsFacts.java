package org.tongxin.insight.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.rights.AppealProgress;
import org.tongxin.rights.RightsHistory;

/** An appeal as an APPEAL interval while it is open, and its latest rating as an APPEAL_RATING point. */
@Component
class RightsFacts implements Source {

    private final Facts facts;
    private final RightsHistory history;

    RightsFacts(Facts facts, RightsHistory history) {
        this.facts = facts;
        this.history = history;
    }

    @Override
    public void replay() {
        history.replay(this::apply);
    }

    @ApplicationModuleListener
    void on(AppealProgress appeal) {
        apply(appeal);
    }

    void apply(AppealProgress a) {
        List<Fact> list = new ArrayList<>();
        String id = Long.toString(a.appealId());
        list.add(new Fact(RightsKinds.APPEAL, id, a.unitId(), a.employeeId(), a.category(), a.raisedOn(), a.endedOn(),
                a.dueOn(), null, a.status()));
        if (a.rating() != null) {
            list.add(Fact.point(RightsKinds.APPEAL_RATING, id, a.unitId(), a.employeeId(),
                    RightsKinds.rating(a.category(), a.rating()), a.ratedOn(), null));
        }
        facts.replace("appeal:" + a.appealId(), a.version(), list);
    }
}
