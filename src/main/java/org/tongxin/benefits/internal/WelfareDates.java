package org.tongxin.benefits.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times in notices as the enterprise reads them (Beijing time), language-neutral. */
final class WelfareDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private WelfareDates() {
    }

    static String local(OffsetDateTime at) {
        return at.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).format(FORMAT);
    }
}
