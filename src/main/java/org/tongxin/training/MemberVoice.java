package org.tongxin.training;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * What members say of their officers, for the assessment board, the competence view and officer selection: the
 * latest democratic evaluation with a published result, and how many of a person's own named suggestions were
 * adopted. Training owns this interface and the voice module implements it, because voice already listens to
 * training's events: no dependency cycle (as {@code org.tongxin.live.CourseChoices} with training).
 */
public interface MemberVoice {

    /**
     * A published evaluation result: the round, the ballots counted (never fewer than the five a result needs to be
     * shown) and the mean of all scores, 1 to 5.
     */
    record Evaluation(String round, int ballots, BigDecimal average) {
    }

    /** The latest shown result per person, for those who have one. */
    Map<Long, Evaluation> evaluations(Collection<Long> employeeIds);

    /**
     * Suggestions each person made under their name that were adopted or went further. Anonymous ones are never
     * counted: a count beside a name would tell who made them.
     */
    Map<Long, Integer> adoptedSuggestions(Collection<Long> employeeIds);
}
