package org.tongxin.insight.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongxin.org.OrgDirectory;

/**
 * A new deployment, a migration that emptied the read model, or the demo just loaded (its writers publish no
 * snapshots): an empty read model over a tree with units is rebuilt from the histories once everything else started.
 */
@Component
@Order
class EmptyStart implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Rebuild rebuild;

    EmptyStart(JdbcClient jdbc, OrgDirectory org, Rebuild rebuild) {
        this.jdbc = jdbc;
        this.org = org;
        this.rebuild = rebuild;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean empty = jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM insight_record)").query(Boolean.class).single();
        if (empty && !org.isEmpty()) {
            rebuild.run();
        }
    }
}
