package org.tongxin.insight.internal;

import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.membership.MemberPeriods;
import org.tongxin.membership.MembershipHistory;

/** A member's periods as facts: each period a MEMBER (or RETIREE) interval in its unit. */
@Component
class MembershipFacts implements Source {

    private final Facts facts;
    private final MembershipHistory history;

    MembershipFacts(Facts facts, MembershipHistory history) {
        this.facts = facts;
        this.history = history;
    }

    @Override
    public void replay() {
        history.replay(this::apply);
    }

    @ApplicationModuleListener
    void on(MemberPeriods periods) {
        apply(periods);
    }

    void apply(MemberPeriods periods) {
        List<Fact> list = periods.periods().stream()
                .map(p -> new Fact(p.status().equals("RETIRED") ? Kinds.RETIREE : Kinds.MEMBER, Long.toString(p.periodId()),
                        p.unitId(), periods.employeeId(), null, p.startedOn(), p.endedOn(), null, null, null))
                .toList();
        facts.replace("member:" + periods.memberId(), periods.version(), list);
    }
}
