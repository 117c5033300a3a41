package org.tongxin.bench;

import java.util.Map;

/** One benchmark of BENCHMARKS.md: does its work against the harness and returns the fields of its JSON line. */
interface Scenario {

    Map<String, Object> run(Harness harness) throws Exception;
}
