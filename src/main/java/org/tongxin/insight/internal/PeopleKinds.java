package org.tongxin.insight.internal;

import java.util.List;

/** The kinds of facts of membership applications, care cases and hardship aid, and their categories. */
public final class PeopleKinds {

    /**
     * An application to join from its submission to its decision (level: pending), category its status (PENDING,
     * then APPROVED, REJECTED or WITHDRAWN), due on its decision deadline.
     */
    public static final String APPLICATION = "APPLICATION";
    /**
     * A care case from opening to closing (level: open), category its move's direction, due on its nearest deadline;
     * the person is kept for the group-of-5 rule.
     */
    public static final String CARE_CASE = "CARE_CASE";
    /** A hardship aid application from applying to the decision (level: in review), category the hardship's kind. */
    public static final String AID = "AID";
    /** Hardship aid approved: a point on the day of the decision, value = yuan approved. */
    public static final String AID_APPROVED = "AID_APPROVED";
    /** Hardship aid paid: a point on the day paid, value = yuan paid. */
    public static final String AID_PAID = "AID_PAID";

    /** The outcomes of an application counted apart (its status once decided). */
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String WITHDRAWN = "WITHDRAWN";

    /** Move directions, those that open a case first. */
    public static final List<String> DIRECTIONS = List.of("DOWN", "OUT", "LATERAL", "UP");
    /** Kinds of hardship, in the order the form offers them. */
    public static final List<String> AID_CATEGORIES = List.of("ILLNESS", "DISASTER", "FAMILY", "EDUCATION", "OTHER");

    private PeopleKinds() {
    }
}
