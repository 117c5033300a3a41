package org.tongxin.bench;

import java.util.Map;

/** One benchmark of BENCHMARKS.md: does its work against the harness and returns the fields of its JSON line. */
interface Scenario {

    Map<String, Object> run(Harness harness) throws Exception;

    /**
     * Whether the embedded server logs every statement with its duration (the default: a scenario's few statements
     * then show where database time went). A scenario of many short statements per request can decline: the log
     * would cost the server more than the statements. {@code BENCH_STATEMENT_LOG=all|off} overrides either way.
     */
    default boolean logEveryStatement() {
        return true;
    }
}
