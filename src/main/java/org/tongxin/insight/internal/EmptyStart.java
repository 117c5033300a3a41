package org.tongxin.insight.internal;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongxin.org.OrgDirectory;

/**
 * A new deployment, a migration that emptied the read model, or the demo just loaded (its writers publish no
 * snapshots): an empty read model over a tree with units is rebuilt from the histories once everything else started,
 * and once the events published before it have been delivered (for at most {@link #PATIENCE}) — a snapshot delivered
 * after the rebuild would otherwise stand over it with whatever the record looked like when it was published.
 */
@Component
@Order
class EmptyStart implements ApplicationRunner {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Rebuild rebuild;

    EmptyStart(JdbcClient jdbc, OrgDirectory org, Rebuild rebuild) {
        this.jdbc = jdbc;
        this.org = org;
        this.rebuild = rebuild;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        boolean empty = jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM insight_record)").query(Boolean.class).single();
        if (empty && !org.isEmpty()) {
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
