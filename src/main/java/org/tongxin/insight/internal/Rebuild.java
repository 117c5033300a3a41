package org.tongxin.insight.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the read model from scratch: empties it and feeds every module's history through the same mappings as
 * the live events. Snapshots arriving meanwhile are newer than the replay's (version 0) and win.
 */
@Service
public class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

    private final Facts facts;
    private final UnitPaths paths;
    private final List<Source> sources;
    private volatile Instant lastFinished;

    Rebuild(Facts facts, UnitPaths paths, @Lazy List<Source> sources) {
        this.facts = facts;
        this.paths = paths;
        this.sources = sources;
    }

    public synchronized void run() {
        Instant start = Instant.now();
        paths.forget();
        facts.clear();
        facts.batched(() -> sources.forEach(Source::replay));
        facts.markRebuilt();
        lastFinished = Instant.now();
        log.info("Insight rebuilt from {} sources in {} ms", sources.size(),
                Duration.between(start, lastFinished).toMillis());
    }

    /** When this node last finished a rebuild; null when it has not run one since it started. */
    public Instant lastFinished() {
        return lastFinished;
    }
}
