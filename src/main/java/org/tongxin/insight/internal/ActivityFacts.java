package org.tongxin.insight.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.activity.ActivityHistory;
import org.tongxin.activity.ActivityTurnout;
import org.tongxin.org.UnitKind;

/**
 * An activity once held as two facts in its lead body on the day it started: the ACTIVITY with the people signed up,
 * and who came (ACTIVITY_ATTENDED), both in the category of who hosted it. Until it is held it has none.
 */
@Component
class ActivityFacts implements Source {

    private final Facts facts;
    private final ActivityHistory history;
    private final UnitPaths units;

    ActivityFacts(Facts facts, ActivityHistory history, UnitPaths units) {
        this.facts = facts;
        this.history = history;
        this.units = units;
    }

    @Override
    public void replay() {
        history.replayTurnouts(this::apply);
    }

    @ApplicationModuleListener
    void on(ActivityTurnout t) {
        apply(t);
    }

    void apply(ActivityTurnout t) {
        facts.replace(record(t), t.version(), factsOf(t));
    }

    private static String record(ActivityTurnout t) {
        return "activity:" + t.activityId();
    }

    private List<Fact> factsOf(ActivityTurnout t) {
        if (!t.held()) {
            return List.of();
        }
        String id = Long.toString(t.activityId());
        String hosts = hosts(t.hostUnitIds());
        return List.of(
                Fact.point(ActivityKinds.ACTIVITY, id, t.leadUnitId(), null, hosts, t.startsOn(),
                        BigDecimal.valueOf(t.signedUp())),
                Fact.point(ActivityKinds.ACTIVITY_ATTENDED, id, t.leadUnitId(), null, hosts, t.startsOn(),
                        BigDecimal.valueOf(t.checkedIn())));
    }

    /** One of {@link ActivityKinds#HOSTS}: the one kind of body all hosts are, or JOINT. */
    private String hosts(List<Long> hostUnitIds) {
        Set<String> kinds = hostUnitIds.stream().map(id -> units.unit(id).kind()).map(ActivityFacts::body)
                .collect(Collectors.toSet());
        return kinds.size() == 1 ? kinds.iterator().next() : "JOINT";
    }

    private static String body(UnitKind kind) {
        return kind == UnitKind.YOUTH_LEAGUE || kind == UnitKind.WOMEN_COMMITTEE || kind == UnitKind.PARTY_BRANCH
                ? kind.name() : "UNION";
    }
}
