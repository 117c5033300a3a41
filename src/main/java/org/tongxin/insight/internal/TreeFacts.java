package org.tongxin.insight.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.org.UnitMoved;

/** A moved unit takes its figures to its new parents: the per-subtree roll-up is counted again from the histories. */
@Component
class TreeFacts {

    private final UnitPaths paths;
    private final Rebuild rebuild;

    TreeFacts(UnitPaths paths, Rebuild rebuild) {
        this.paths = paths;
        this.rebuild = rebuild;
    }

    @ApplicationModuleListener
    void on(UnitMoved moved) {
        paths.forget();
        rebuild.run();
    }
}
