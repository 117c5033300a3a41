package org.tongxin.insight.internal;

/** The kinds of facts insight keeps; each module's mapping names its own. */
public final class Kinds {

    /** A working member's period in a unit (level: members). */
    public static final String MEMBER = "MEMBER";
    /** A retired member's period in a unit (level: retired members). */
    public static final String RETIREE = "RETIREE";

    /** Employees on the books of a unit in a month (a point at the month's first day, value = employees). */
    public static final String HEADCOUNT = "HEADCOUNT";

    private Kinds() {
    }
}
