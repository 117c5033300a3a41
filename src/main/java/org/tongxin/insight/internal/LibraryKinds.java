package org.tongxin.insight.internal;

/** The kinds of facts from the library: loans, and loans by room and by title. */
public final class LibraryKinds {

    /**
     * A loan, from the day it was borrowed to the day it came back (open while out, due on its due day), in the unit
     * running its room. Category: the whole months since the reader's previous loan from the same room, or "" for
     * their first there (or one {@link #READER_MONTHS} or more months before), so the readers of any range of months
     * are counted from the roll-up: a loan in month m of a range starting in month f is its reader's first in the
     * range exactly when its category is "" or greater than m − f.
     */
    public static final String LOAN = "LOAN";
    /** A loan as a point on the day it was borrowed; category: the room's id (loans per room). */
    public static final String LOAN_ROOM = "LOAN_ROOM";
    /** A loan as a point on the day it was borrowed; category: the title's id (popular titles). */
    public static final String LOAN_TITLE = "LOAN_TITLE";

    /** Readers are counted exactly in ranges up to this many months (the longest a dashboard shows). */
    public static final int READER_MONTHS = 36;

    private LibraryKinds() {
    }
}
