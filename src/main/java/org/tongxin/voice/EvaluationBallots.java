package org.tongxin.voice;

import java.time.LocalDate;
import java.util.List;

/**
 * The counted ballots of a round of democratic evaluation, per officer evaluated, after the round was opened or
 * pooled ballots were counted: a snapshot for figures kept elsewhere, never a ballot. Per officer: the unit whose
 * members evaluate them, the ballots counted, the sum of all scores on them and how many scores that is, and how many
 * ballots averaged 4 or more (satisfied). Ballots are only ever counted in groups of five or more per officer.
 * {@code version} orders snapshots of one round (microseconds of the change); a replay of history carries 0.
 */
public record EvaluationBallots(long evaluationId, String title, LocalDate opensOn, List<Officer> officers,
                                long version) {

    public EvaluationBallots {
        officers = List.copyOf(officers);
    }

    public record Officer(long employeeId, long unitId, int ballots, long scoreSum, long scores, int satisfied) {
    }
}
