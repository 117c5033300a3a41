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
 * A month's count is replaced only by a newer snapshot of that month; months arrive in any order.
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
            facts.merge("headcount:" + c.unitId(), old -> {
                Map<LocalDate, Month> months = new TreeMap<>();
                old.forEach(f -> months.put(f.startsOn(), new Month(f.value(), Long.parseLong(f.outcome()))));
                months.merge(headcounts.month(), new Month(BigDecimal.valueOf(c.employees()), headcounts.version()),
                        (had, got) -> got.version() >= had.version() ? got : had);
                return chain(c.unitId(), months);
            });
        }
    }

    /** A month's count and the version of the snapshot it came from (kept in the fact's outcome). */
    private record Month(BigDecimal employees, long version) {
    }

    /** Each month's count as a fact ending where the next recount starts. */
    private static List<Fact> chain(long unitId, Map<LocalDate, Month> months) {
        List<Fact> out = new ArrayList<>();
        List<LocalDate> starts = List.copyOf(months.keySet());
        for (int i = 0; i < starts.size(); i++) {
            LocalDate start = starts.get(i);
            LocalDate end = i + 1 < starts.size() ? starts.get(i + 1) : null;
            Month m = months.get(start);
            out.add(new Fact(Kinds.HEADCOUNT, unitId + ":" + start, unitId, null, null, start, end, null,
                    m.employees(), Long.toString(m.version())));
        }
        return out;
    }
}
