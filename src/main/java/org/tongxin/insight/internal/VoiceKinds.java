package org.tongxin.insight.internal;

import java.util.List;

/** The kinds of facts insight keeps from the voice module: suggestions and democratic evaluation. */
public final class VoiceKinds {

    /**
     * A suggestion at one stage of the scheme (category: the stage), from the day it was reached to the day the next
     * was; a stage that ends it (returned, declined, recognised) is a point. The verified stage carries the verified
     * benefit in yuan.
     */
    public static final String SUGGESTION = "SUGGESTION";

    /** An officer evaluated in a round (category: the round's title), on its opening day; value = ballots counted. */
    public static final String EVAL_BALLOTS = "EVAL_BALLOTS";
    /** The sum of all scores on an officer's counted ballots in a round. */
    public static final String EVAL_SCORES = "EVAL_SCORES";
    /** How many scores that sum is of (ballots × criteria). */
    public static final String EVAL_MARKS = "EVAL_MARKS";
    /** An officer's counted ballots in a round that averaged 4 or more of 5. */
    public static final String EVAL_SATISFIED = "EVAL_SATISFIED";

    /** The stages of the funnel, in order. */
    static final List<String> FUNNEL = List.of("SUBMITTED", "ACCEPTED", "ADOPTED", "IMPLEMENTED", "VERIFIED");
    /** The stages where a suggestion waits for someone. */
    static final List<String> OPEN = List.of("SUBMITTED", "ACCEPTED", "ASSIGNED", "ADOPTED", "IMPLEMENTED", "VERIFIED");
    /** The stages that end a suggestion's way. */
    static final List<String> FINAL = List.of("RETURNED", "DECLINED", "RECOGNISED");

    private VoiceKinds() {
    }
}
