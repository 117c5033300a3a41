package org.tongxin.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a person stands in an assessment after a change (assigned, an attempt graded, retraining completed,
 * passed), with the assessment's period and every graded attempt: a snapshot for figures kept elsewhere.
 * {@code status} ASSIGNED, RETRAINING, MAY_RETRY or PASSED; {@code unitId} the person's union unit when the snapshot
 * was taken (null when unknown). {@code version} orders the snapshots of one person's standing (microseconds of the
 * change); a replay of history carries 0.
 */
public record AssessmentStanding(long assessmentId, long employeeId, Long unitId, String status, LocalDate opensOn,
                                 LocalDate closesOn, LocalDate passedOn, List<Graded> attempts, long version) {

    public AssessmentStanding {
        attempts = List.copyOf(attempts);
    }

    /** A graded attempt: the day it was handed in (or ran out), whether it reached the pass mark, its score. */
    public record Graded(long attemptId, LocalDate on, boolean passed, BigDecimal percent) {
    }
}
