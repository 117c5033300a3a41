package org.tongxin.insight.internal;

/** The kinds of facts kept from live sessions. */
public final class LiveKinds {

    /** A session held (it went on air and was not cancelled), a point on the day it went live in its host unit. */
    public static final String SESSION = "LIVE_SESSION";
    /**
     * One person's watching of a session, a point on the day they first watched in their union unit; category
     * ATTENDED (their time reached the session's share) or WATCHED, value the whole minutes watched (counted once the
     * session has ended).
     */
    public static final String VIEWER = "LIVE_VIEWER";

    static final String ATTENDED = "ATTENDED";
    static final String WATCHED = "WATCHED";

    private LiveKinds() {
    }
}
