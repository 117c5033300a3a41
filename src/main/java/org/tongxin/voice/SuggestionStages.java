package org.tongxin.voice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A suggestion's way through the scheme as it stands after a change: a snapshot for figures kept elsewhere. The
 * stages in the order they were reached, each with its day (a step repeated, the owner's entering of the benefit, is
 * one stage); {@code unitId} the union unit reviewing it; {@code dueOn} the current step's deadline (null once it
 * needs nobody); {@code verifiedYuan} the benefit once the committee has confirmed it. {@code version} orders
 * snapshots of one suggestion (microseconds of the change); a replay of history carries 0.
 */
public record SuggestionStages(long suggestionId, long unitId, List<Stage> stages, LocalDate dueOn,
                               BigDecimal verifiedYuan, long version) {

    public SuggestionStages {
        stages = List.copyOf(stages);
    }

    /**
     * A stage reached: {@code status} one of SUBMITTED, RETURNED, ACCEPTED, ASSIGNED, ADOPTED, DECLINED, IMPLEMENTED,
     * VERIFIED, RECOGNISED.
     */
    public record Stage(String status, LocalDate on) {
    }
}
