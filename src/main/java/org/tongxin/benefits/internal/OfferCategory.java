package org.tongxin.benefits.internal;

import java.util.Arrays;
import java.util.Optional;

/** What kind of offer a partner makes: a health check, tickets, a shop, a restaurant, travel, anything else. */
public enum OfferCategory {
    HEALTH, TICKETS, SHOPPING, DINING, TRAVEL, OTHER;

    public String messageKey() {
        return "benefits.offer.category." + name();
    }

    public static Optional<OfferCategory> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.name().equals(value)).findFirst();
    }
}
