package org.tongxin.notify.internal;

import java.util.Locale;

/** One outside way of reaching a person. Implementations must be safe to call from several threads. */
public interface OutboundChannel {

    /** One notice to one person, rendered in their language; {@code url} is absolute, or null. */
    record Outgoing(long id, long employeeId, String employeeNo, String email, String mobile, String title,
                    String body, String url, Locale language) {
    }

    ChannelName name();

    /** Whether the channel's credentials are configured; a channel that is not gets no outbox rows. */
    boolean enabled();

    void send(Outgoing message) throws DeliveryFailure;
}
