package org.tongxin.insight.internal;

/**
 * One module's records as facts: the listener of its snapshot events and the replay of its published history
 * through the same mapping. {@link Rebuild} replays every source.
 */
interface Source {

    /** Feeds every record of the module's history (version 0) through the live mapping. */
    void replay();
}
