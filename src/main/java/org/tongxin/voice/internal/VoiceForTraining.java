package org.tongxin.voice.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongxin.training.MemberVoice;

/** Evaluation results and adopted suggestions for training's officer views, in aggregate and from five ballots. */
@Component
class VoiceForTraining implements MemberVoice {

    private final JdbcClient jdbc;

    VoiceForTraining(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Evaluation> evaluations(Collection<Long> employeeIds) {
        Map<Long, Evaluation> out = new HashMap<>();
        if (employeeIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT DISTINCT ON (r.evaluee_id) r.evaluee_id, r.title, r.ballots, r.average FROM (
                          SELECT b.evaluee_id, e.id, e.title, e.closes_on, count(*) AS ballots,
                            round(avg((SELECT avg(s) FROM unnest(b.scores) s)), 2) AS average
                          FROM voice_ballot b JOIN voice_evaluation e ON e.id = b.evaluation_id
                          WHERE b.evaluee_id = ANY(?::bigint[])
                          GROUP BY b.evaluee_id, e.id, e.title, e.closes_on HAVING count(*) >= ?) r
                        ORDER BY r.evaluee_id, r.closes_on DESC, r.id DESC""")
                .params(employeeIds.toArray(Long[]::new), Evaluations.MIN_GROUP)
                .query((RowCallbackHandler) rs -> out.put(rs.getLong(1),
                        new Evaluation(rs.getString(2), rs.getInt(3), rs.getObject(4, BigDecimal.class))));
        return out;
    }

    @Override
    public Map<Long, Integer> adoptedSuggestions(Collection<Long> employeeIds) {
        Map<Long, Integer> out = new HashMap<>();
        if (employeeIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT submitter_id, count(*) FROM voice_suggestion
                        WHERE submitter_id = ANY(?::bigint[]) AND NOT anonymous
                          AND status IN ('ADOPTED', 'IMPLEMENTED', 'VERIFIED', 'RECOGNISED')
                        GROUP BY submitter_id""")
                .param(employeeIds.toArray(Long[]::new))
                .query((RowCallbackHandler) rs -> out.put(rs.getLong(1), rs.getInt(2)));
        return out;
    }
}
