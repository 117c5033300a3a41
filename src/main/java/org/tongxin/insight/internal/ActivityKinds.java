package org.tongxin.insight.internal;

import java.util.List;

/** The kinds of facts from the activity module: activities held and their attendance, volunteer hours. */
public final class ActivityKinds {

    /**
     * An activity held (a point on the day it started, in its lead body; category: who hosted it, see
     * {@link #HOSTS}; value: the people signed up, seats taken).
     */
    public static final String ACTIVITY = "ACTIVITY";
    /** The people who came to an activity held (a point beside its {@link #ACTIVITY}; value: people checked in). */
    public static final String ACTIVITY_ATTENDED = "ACTIVITY_ATTENDED";
    /**
     * A volunteer's confirmed hours on a shift (a point on the day it started, in the project's lead body; value:
     * minutes).
     */
    public static final String VOLUNTEER = "VOLUNTEER";

    /**
     * Who hosts an activity (五个一起): the union alone, the youth league alone, the women's committee alone, party
     * branches alone, or bodies of more than one of these together.
     */
    public static final List<String> HOSTS = List.of("UNION", "YOUTH_LEAGUE", "WOMEN_COMMITTEE", "PARTY_BRANCH",
            "JOINT");

    private ActivityKinds() {
    }
}
