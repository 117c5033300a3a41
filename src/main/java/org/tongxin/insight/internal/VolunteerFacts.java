package org.tongxin.insight.internal;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.activity.ActivityHistory;
import org.tongxin.activity.ShiftHours;

/**
 * A shift's confirmed hours as one VOLUNTEER fact per volunteer who came, in the project's lead body on the day the
 * shift started, value the minutes credited: facts started are volunteer turns (人次), their values the hours.
 */
@Component
class VolunteerFacts implements Source {

    private final Facts facts;
    private final ActivityHistory history;

    VolunteerFacts(Facts facts, ActivityHistory history) {
        this.facts = facts;
        this.history = history;
    }

    @Override
    public void replay() {
        history.replayShiftHours(this::apply);
    }

    @ApplicationModuleListener
    void on(ShiftHours s) {
        apply(s);
    }

    void apply(ShiftHours s) {
        facts.replace(record(s), s.version(), factsOf(s));
    }

    private static String record(ShiftHours s) {
        return "volunteer-shift:" + s.shiftId();
    }

    private static List<Fact> factsOf(ShiftHours s) {
        return !s.confirmed() ? List.of() : s.served().stream()
                .filter(v -> v.present() && v.minutes() > 0)
                .map(v -> Fact.point(ActivityKinds.VOLUNTEER, Long.toString(v.signupId()), s.leadUnitId(), null, null,
                        s.startsOn(), BigDecimal.valueOf(v.minutes())))
                .toList();
    }
}
