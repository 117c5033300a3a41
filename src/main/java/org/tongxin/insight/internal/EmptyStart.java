package org.tongxin.insight.internal;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongxin.org.OrgDirectory;

/**
 * A new deployment, a migration that emptied the read model, a rebuild cut short, or the demo just loaded (its
 * start-up writers publish few snapshots): a read model that holds no finished rebuild, over a tree with units, is
 * rebuilt from the histories once the application is ready and the events published before have been delivered (for
 * at most {@link #PATIENCE}) — a snapshot delivered after the rebuild would otherwise stand over it with whatever the
 * record looked like when it was published.
 */
@Component
class EmptyStart {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Facts facts;
    private final Rebuild rebuild;

    EmptyStart(JdbcClient jdbc, OrgDirectory org, Facts facts, Rebuild rebuild) {
        this.jdbc = jdbc;
        this.org = org;
        this.facts = facts;
        this.rebuild = rebuild;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() throws InterruptedException {
        if (!facts.isRebuilt() && !org.isEmpty()) {
            Instant until = Instant.now().plus(PATIENCE);
            while (undelivered() > 0 && Instant.now().isBefore(until)) {
                Thread.sleep(500);
            }
            rebuild.run();
        }
    }

    private long undelivered() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
                .single();
    }
}
