package org.tongxin.insight.internal;

/** The kinds of facts kept from training, each in the person's union unit. */
public final class TrainingKinds {

    /** A course enrolment from enrolling to completing, due on its due day; category DONE or OPEN. */
    public static final String ENROLMENT = "TRAINING_ENROLMENT";
    /**
     * A person assessed, a point on the day the assessment opened; category PASSED, RETRAINING (failed and not passed
     * yet) or PENDING (no attempt graded yet).
     */
    public static final String ASSESSED = "TRAINING_ASSESSED";
    /** A graded attempt at an assessment on the day it ended; category PASSED or FAILED, value its score in %. */
    public static final String ATTEMPT = "TRAINING_ATTEMPT";
    /** A person in retraining, from their first failed attempt until they pass, due the day the assessment closes. */
    public static final String RETRAINING = "TRAINING_RETRAINING";

    static final String DONE = "DONE";
    static final String OPEN = "OPEN";
    static final String PASSED = "PASSED";
    static final String FAILED = "FAILED";
    static final String PENDING = "PENDING";

    private TrainingKinds() {
    }
}
