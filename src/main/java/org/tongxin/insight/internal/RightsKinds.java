package org.tongxin.insight.internal;

/** The kinds of facts insight keeps from the rights module: employees' appeals. */
public final class RightsKinds {

    /**
     * An appeal (category: its category) in the appellant's unit, from the day it was raised to the day it was closed
     * or referred to mediation, due on the deadline of the step it waits for; the appellant kept only for a sensitive
     * category.
     */
    public static final String APPEAL = "APPEAL";

    /** A rating of an appeal's reply on its day; category {@code <appeal category>/<rating>}. */
    public static final String APPEAL_RATING = "APPEAL_RATING";

    static String rating(String category, String rating) {
        return category + "/" + rating;
    }

    private RightsKinds() {
    }
}
