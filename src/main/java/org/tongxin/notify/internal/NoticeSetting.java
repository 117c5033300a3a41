package org.tongxin.notify.internal;

import java.time.LocalTime;

/** A person's own notification settings; null fields are unset. */
public record NoticeSetting(String email, LocalTime quietFrom, LocalTime quietUntil, boolean digest,
                            LocalTime digestAt) {

    public static final NoticeSetting NONE = new NoticeSetting(null, null, null, false, LocalTime.of(18, 0));

    boolean reaches(ChannelName channel) {
        return channel != ChannelName.EMAIL || (email != null && !email.isBlank());
    }
}
