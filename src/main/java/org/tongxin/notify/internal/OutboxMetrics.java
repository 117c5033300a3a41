package org.tongxin.notify.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The outbox backlog as gauges ({@code tongxin.notify.outbox{state=…}}): rows waiting to be sent (pending, or leased
 * by a sender), held for quiet hours or a digest, and given up. Read at each scrape, one indexed count each.
 */
@Component
class OutboxMetrics {

    OutboxMetrics(Outbox outbox, MeterRegistry registry) {
        gauge(registry, outbox, "waiting", "PENDING", "SENDING");
        gauge(registry, outbox, "held", "HELD");
        gauge(registry, outbox, "failed", "FAILED");
    }

    private static void gauge(MeterRegistry registry, Outbox outbox, String state, String... statuses) {
        Gauge.builder("tongxin.notify.outbox", outbox, o -> o.inStatus(statuses))
                .description("Outside-channel notices in the outbox by state")
                .tag("state", state)
                .baseUnit("notices")
                .register(registry);
    }
}
