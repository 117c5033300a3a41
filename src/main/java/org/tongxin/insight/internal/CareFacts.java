package org.tongxin.insight.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.care.AidSnapshot;
import org.tongxin.care.CareCaseSnapshot;
import org.tongxin.care.CareHistory;

/**
 * Care cases and hardship aid as facts, each with its person for the group-of-5 rule: a case a CARE_CASE interval by
 * its move's direction; an aid application an AID interval to its decision, an AID_APPROVED point on the day of the
 * decision and an AID_PAID point on the day paid, with the yuan, by the hardship's kind.
 */
@Component
class CareFacts implements Source {

    private final Facts facts;
    private final CareHistory history;

    CareFacts(Facts facts, CareHistory history) {
        this.facts = facts;
        this.history = history;
    }

    @Override
    public void replay() {
        history.replayCases(this::apply);
        history.replayAid(this::apply);
    }

    @ApplicationModuleListener
    void on(CareCaseSnapshot careCase) {
        apply(careCase);
    }

    @ApplicationModuleListener
    void on(AidSnapshot aid) {
        apply(aid);
    }

    void apply(CareCaseSnapshot c) {
        facts.replace("care-case:" + c.caseId(), c.version(), List.of(new Fact(PeopleKinds.CARE_CASE,
                Long.toString(c.caseId()), c.unitId(), c.employeeId(), c.direction(), c.openedOn(), c.closedOn(),
                c.dueOn(), null, null)));
    }

    void apply(AidSnapshot a) {
        String id = Long.toString(a.aidId());
        List<Fact> list = new ArrayList<>(3);
        list.add(new Fact(PeopleKinds.AID, id, a.unitId(), a.employeeId(), a.category(), a.appliedOn(), a.decidedOn(),
                null, null, null));
        if (a.amountApproved() != null) {
            list.add(Fact.point(PeopleKinds.AID_APPROVED, id, a.unitId(), a.employeeId(), a.category(), a.decidedOn(),
                    a.amountApproved()));
        }
        if (a.paidOn() != null) {
            list.add(Fact.point(PeopleKinds.AID_PAID, id, a.unitId(), a.employeeId(), a.category(), a.paidOn(),
                    a.amountPaid()));
        }
        facts.replace("aid:" + a.aidId(), a.version(), list);
    }
}
