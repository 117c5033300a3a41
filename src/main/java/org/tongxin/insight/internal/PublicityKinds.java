package org.tongxin.insight.internal;

import java.util.List;

/** The kinds of facts kept from publicity. */
public final class PublicityKinds {

    /** An item from its publishing to its withdrawal, in the unit that published it; category ARTICLE or VIDEO. */
    public static final String ITEM = "PUBLICITY_ITEM";
    /**
     * A reader's first reading of an item, a point on that day: category STAFF in the reader's union unit, or PUBLIC
     * (a reader without one, anonymous on a public page) in the unit that published the item.
     */
    public static final String READ = "PUBLICITY_READ";
    /**
     * The shares of an item on one channel and day, in the unit that published it; category the channel, value the
     * count.
     */
    public static final String SHARE = "PUBLICITY_SHARE";

    static final String STAFF = "STAFF";
    static final String PUBLIC = "PUBLIC";
    /** The channels a share is counted on, in the order the charts show them. */
    static final List<String> CHANNELS = List.of("WECHAT", "QQ", "LINK", "POSTER");

    private PublicityKinds() {
    }
}
