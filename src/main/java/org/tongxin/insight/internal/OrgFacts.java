package org.tongxin.insight.internal;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.org.UnitHeadcounts;

/** Each unit's headcount in a month as a HEADCOUNT point: the denominator of coverage. */
@Component
class OrgFacts {

    private final Facts facts;

    OrgFacts(Facts facts) {
        this.facts = facts;
    }

    @ApplicationModuleListener
    void on(UnitHeadcounts headcounts) {
        apply(headcounts);
    }

    void apply(UnitHeadcounts headcounts) {
        for (UnitHeadcounts.Count c : headcounts.counts()) {
            String id = c.unitId() + ":" + headcounts.month();
            facts.replace("headcount:" + id, headcounts.version(), List.of(Fact.point(Kinds.HEADCOUNT, id, c.unitId(),
                    null, null, headcounts.month(), BigDecimal.valueOf(c.employees()))));
        }
    }
}
