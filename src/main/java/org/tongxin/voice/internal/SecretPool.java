package org.tongxin.voice.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mixing of secret answers, shared by the evaluation ballots and the anonymous surveys. What someone answered
 * is written first to a pool table, in the same transaction as the row saying that they answered (so nothing is
 * half-saved) — and so with the same transaction id ({@code xmin}), a link any database reader could follow. The
 * pool is therefore only ever read by {@link #mix}: it moves the pooled rows of a group (one officer of a round,
 * one survey) into the counted table, shuffled, in one transaction of its own, once {@value #MIN_GROUP} or more
 * are waiting. Fewer are never counted, not even when the round or survey closes: results read before and after a
 * group of one to four would tell what those few answered. Neither table has a person or a time; their ids are
 * random.
 */
final class SecretPool {

    /** The fewest answers moved together, and the fewest whose aggregate may be shown. */
    static final int MIN_GROUP = 5;

    /**
     * A pool and the counted table it empties into, with the same columns.
     *
     * @param pool    the pool table
     * @param counted the counted table
     * @param keys    the columns of a group, the first one the parent (the round, the survey)
     * @param columns the columns moved (the keys among them), comma-separated
     */
    record Pool(String pool, String counted, List<String> keys, String columns) {
    }

    static final Pool EVALUATIONS = new Pool("voice_ballot_pool", "voice_ballot", List.of("evaluation_id", "evaluee_id"),
            "evaluation_id, evaluee_id, scores, comment");

    static final Pool SURVEYS = new Pool("voice_survey_pool", "voice_survey_ballot", List.of("survey_id"),
            "survey_id, answers");

    private SecretPool() {
    }

    /**
     * Moves every group with {@value #MIN_GROUP} or more waiting. Call it in a transaction that no voter or
     * respondent shares.
     *
     * @return how many pooled rows were moved
     */
    static int mix(JdbcClient jdbc, Pool p) {
        String keys = String.join(", ", p.keys());
        String match = String.join(" AND ", p.keys().stream().map(k -> k + " = ?").toList());
        List<Object[]> groups = jdbc.sql("SELECT " + keys + " FROM " + p.pool() + " GROUP BY " + keys
                        + " HAVING count(*) >= ?")
                .param(MIN_GROUP)
                .query((rs, i) -> {
                    Object[] g = new Object[p.keys().size()];
                    for (int k = 0; k < g.length; k++) {
                        g[k] = rs.getLong(k + 1);
                    }
                    return g;
                }).list();
        int moved = 0;
        for (Object[] g : groups) {
            moved += jdbc.sql("WITH taken AS (DELETE FROM " + p.pool() + " WHERE " + match + " RETURNING "
                            + p.columns() + "), moved AS (INSERT INTO " + p.counted() + " (" + p.columns()
                            + ") SELECT " + p.columns() + " FROM taken ORDER BY random() RETURNING 1)"
                            + " SELECT count(*) FROM taken")
                    .params(g).query(Long.class).single().intValue();
        }
        return moved;
    }
}
