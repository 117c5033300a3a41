package org.tongxin.activity.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts sign-ups by outcome ({@code tongxin.activity.signups{outcome=confirmed|waitlisted|applied|already|refused}}),
 * what a rush looks like on a dashboard. A sign-up counts when its transaction commits, so a rolled-back one never
 * shows as a seat; a refusal counts at once (there is nothing to commit).
 */
@Component
class SignUpCounts {

    /** How a sign-up ended, as counted. */
    enum Outcome { CONFIRMED, WAITLISTED, APPLIED, ALREADY, REFUSED }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    SignUpCounts(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder("tongxin.activity.signups")
                    .description("Activity sign-ups by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    void count(Outcome outcome) {
        Counter counter = counters.get(outcome);
        if (outcome != Outcome.REFUSED && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }
}
