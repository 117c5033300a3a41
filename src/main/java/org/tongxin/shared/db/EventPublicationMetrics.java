package org.tongxin.shared.db;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The backlog of Spring Modulith's event publication registry, which belongs to no module: how many publications
 * are not yet completed ({@code tongxin.events.incomplete}) and how old the oldest one is
 * ({@code tongxin.events.incomplete.oldest}, seconds; 0 when none). A count that keeps rising, or an oldest age past
 * a few minutes, means a listener keeps failing. Read at each scrape through the index on the completion date.
 */
@Component
class EventPublicationMetrics {

    private final JdbcClient jdbc;

    EventPublicationMetrics(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        Gauge.builder("tongxin.events.incomplete", this, EventPublicationMetrics::incomplete)
                .description("Event publications not yet completed by their listener")
                .baseUnit("publications")
                .register(registry);
        Gauge.builder("tongxin.events.incomplete.oldest", this, EventPublicationMetrics::oldestAgeSeconds)
                .description("Age of the oldest event publication not yet completed")
                .baseUnit("seconds")
                .register(registry);
    }

    private double incomplete() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
                .single();
    }

    private double oldestAgeSeconds() {
        return jdbc.sql("""
                        SELECT coalesce(extract(epoch FROM now() - min(publication_date)), 0)
                        FROM event_publication WHERE completion_date IS NULL""")
                .query(Double.class).single();
    }
}
