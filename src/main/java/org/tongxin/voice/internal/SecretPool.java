package org.tongxin.voice.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mixing of secret answers, shared by the evaluation ballots and the anonymous surveys. What someone answered
 * is written first to a pool table, in the same transaction as the row saying that they answered (so nothing is
 * half-saved) — and so with the same transaction id ({@code xmin}), a link any database reader could follow. The
 * pool is therefore only ever read by {@link #mix}: it moves the pooled rows of a group (one officer of a round,
 * one survey) into the counted table, shuffled, in one transaction of its own, once {@value #MIN_GROUP} or more
 * are waiting. When the round or survey has closed, what is left moves whatever its number, shuffled together with
 * the rows already counted for the group, so that a last few are not told apart from the rest either. Neither
 * table has a person or a time; their ids are random.
 */
final class SecretPool {

    /** The fewest answers moved together, and the fewest whose aggregate may be shown. */
    static final int MIN_GROUP = 5;

    /**
     * A pool and the counted table it empties into, with the same columns.
     *
     * @param pool          the pool table
     * @param counted       the counted table
     * @param keys          the columns of a group, the first one the parent (the round, the survey)
     * @param columns       the columns moved (the keys among them), comma-separated
     * @param closedParents a query of the ids of closed parents, with one parameter: today
     */
    record Pool(String pool, String counted, List<String> keys, String columns, String closedParents) {
    }

    static final Pool EVALUATIONS = new Pool("voice_ballot_pool", "voice_ballot", List.of("evaluation_id", "evaluee_id"),
            "evaluation_id, evaluee_id, scores, comment", "SELECT id FROM voice_evaluation WHERE closes_on < ?");

    static final Pool SURVEYS = new Pool("voice_survey_pool", "voice_survey_ballot", List.of("survey_id"),
            "survey_id, answers", "SELECT id FROM voice_survey WHERE status = 'CLOSED' OR closes_on < ?");

    private SecretPool() {
    }

    /**
     * Moves every group that is ready: {@value #MIN_GROUP} or more waiting, or its parent closed (then with the
     * group's counted rows, shuffled again). Call it in a transaction that no voter or respondent shares.
     *
     * @return how many pooled rows were moved
     */
    static int mix(JdbcClient jdbc, Pool p, LocalDate today) {
        String keys = String.join(", ", p.keys());
        String match = String.join(" AND ", p.keys().stream().map(k -> k + " = ?").toList());
        List<long[]> groups = jdbc.sql("SELECT " + keys + ", count(*) FROM " + p.pool() + " GROUP BY " + keys
                        + " HAVING count(*) >= ? OR " + p.keys().getFirst() + " IN (" + p.closedParents() + ")")
                .params(MIN_GROUP, today)
                .query((rs, i) -> {
                    long[] g = new long[p.keys().size() + 1];
                    for (int k = 0; k < g.length; k++) {
                        g[k] = rs.getLong(k + 1);
                    }
                    return g;
                }).list();
        int moved = 0;
        for (long[] g : groups) {
            List<Object> params = new ArrayList<>();
            for (int k = 0; k < p.keys().size(); k++) {
                params.add(g[k]);
            }
            boolean few = g[p.keys().size()] < MIN_GROUP;
            String again = few ? ", again AS (DELETE FROM " + p.counted() + " WHERE " + match + " RETURNING "
                    + p.columns() + ")" : "";
            List<Object> all = new ArrayList<>(params);
            if (few) {
                all.addAll(params);
            }
            moved += jdbc.sql("WITH taken AS (DELETE FROM " + p.pool() + " WHERE " + match + " RETURNING "
                            + p.columns() + ")" + again + ", moved AS (INSERT INTO " + p.counted() + " (" + p.columns()
                            + ") SELECT " + p.columns() + " FROM (SELECT " + p.columns() + " FROM taken"
                            + (few ? " UNION ALL SELECT " + p.columns() + " FROM again" : "")
                            + ") x ORDER BY random() RETURNING 1) SELECT count(*) FROM taken")
                    .params(all).query(Long.class).single().intValue();
        }
        return moved;
    }
}
