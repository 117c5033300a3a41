package org.tongxin.insight.internal;

import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.membership.ApplicationSnapshot;
import org.tongxin.membership.MembershipHistory;

/** An application to join as an APPLICATION interval in its unit, from submission to decision, by status. */
@Component
class ApplicationFacts implements Source {

    private final Facts facts;
    private final MembershipHistory history;

    ApplicationFacts(Facts facts, MembershipHistory history) {
        this.facts = facts;
        this.history = history;
    }

    @Override
    public void replay() {
        history.replayApplications(this::apply);
    }

    @ApplicationModuleListener
    void on(ApplicationSnapshot application) {
        apply(application);
    }

    void apply(ApplicationSnapshot a) {
        facts.replace("application:" + a.applicationId(), a.version(), List.of(new Fact(PeopleKinds.APPLICATION,
                Long.toString(a.applicationId()), a.unitId(), null, a.status(), a.submittedOn(), a.decidedOn(),
                a.dueOn(), null, null)));
    }
}
