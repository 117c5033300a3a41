package org.tongxin.insight.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.org.OrgHistory;
import org.tongxin.org.UnitHeadcounts;

/**
 * Each unit's employees on the books as a HEADCOUNT level of value: one fact per recounted month, lasting until the
 * unit's next recount, so a subtree's employees at the end of any month are the values started minus those ended.
 */
@Component
class OrgFacts implements Source {

    private final Facts facts;
    private final OrgHistory history;

    OrgFacts(Facts facts, OrgHistory history) {
        this.facts = facts;
        this.history = history;
    }

    @ApplicationModuleListener
    void on(UnitHeadcounts headcounts) {
        apply(headcounts);
    }

    @Override
    public void replay() {
        history.replayHeadcounts(this::apply);
    }

    void apply(UnitHeadcounts headcounts) {
        for (UnitHeadcounts.Count c : headcounts.counts()) {
            facts.update("headcount:" + c.unitId(), headcounts.version(), old -> {
                Map<LocalDate, BigDecimal> months = new TreeMap<>();
                old.forEach(f -> months.put(f.startsOn(), f.value()));
                months.put(headcounts.month(), BigDecimal.valueOf(c.employees()));
                return chain(c.unitId(), months);
            });
        }
    }

    /** Each month's count as a fact ending where the next recount starts. */
    private static List<Fact> chain(long unitId, Map<LocalDate, BigDecimal> months) {
        List<Fact> out = new ArrayList<>();
        List<LocalDate> starts = List.copyOf(months.keySet());
        for (int i = 0; i < starts.size(); i++) {
            LocalDate start = starts.get(i);
            LocalDate end = i + 1 < starts.size() ? starts.get(i + 1) : null;
            out.add(new Fact(Kinds.HEADCOUNT, unitId + ":" + start, unitId, null, null, start, end, null,
                    months.get(start), null));
        }
        return out;
    }
}
