package org.tongxin.voice.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongxin.voice.EvaluationBallots;
import org.tongxin.voice.SuggestionStages;

/**
 * The snapshots voice publishes after each change of a suggestion or of a round's counted ballots, read back whole
 * from the tables in the transaction of the change; {@link org.tongxin.voice.VoiceHistory} replays the same reads.
 */
@Component
public class VoiceSnapshots {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VoiceSnapshots(JdbcClient jdbc, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    private long version() {
        Instant now = Instant.now(clock);
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** Publishes the suggestion as it stands now. */
    public void suggestionChanged(long id) {
        events.publishEvent(suggestions(id - 1, 1, version()).getFirst());
    }

    /** Publishes the round's counted ballots as they stand now. */
    public void evaluationChanged(long id) {
        events.publishEvent(evaluations(id - 1, 1, version()).getFirst());
    }

    private record StepRow(long id, long unitId, LocalDate dueOn, BigDecimal verified, String status, LocalDate on) {
    }

    /** The suggestions after {@code after} in id order, at most {@code limit}, their steps' days in the platform's zone. */
    public List<SuggestionStages> suggestions(long after, int limit, long version) {
        ZoneId zone = ZoneId.systemDefault();
        List<StepRow> rows = jdbc.sql("""
                        SELECT s.id, s.unit_id, s.due_on,
                          CASE WHEN s.value_confirmed_by IS NOT NULL THEN s.value_yuan END, t.status, t.at
                        FROM voice_suggestion s JOIN voice_suggestion_step t ON t.suggestion_id = s.id
                        WHERE s.id IN (SELECT id FROM voice_suggestion WHERE id > ? ORDER BY id LIMIT ?)
                        ORDER BY s.id, t.id""")
                .params(after, limit)
                .query((rs, i) -> new StepRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getBigDecimal(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate()))
                .list();
        List<SuggestionStages> out = new ArrayList<>();
        List<SuggestionStages.Stage> stages = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            StepRow r = rows.get(i);
            // Entering the benefit records a second IMPLEMENTED step: the suggestion stays at that stage.
            if (stages.isEmpty() || !stages.getLast().status().equals(r.status())) {
                stages.add(new SuggestionStages.Stage(r.status(), r.on()));
            }
            if (i == rows.size() - 1 || rows.get(i + 1).id() != r.id()) {
                out.add(new SuggestionStages(r.id(), r.unitId(), stages, r.dueOn(), r.verified(), version));
                stages.clear();
            }
        }
        return out;
    }

    private record OfficerRow(long id, String title, LocalDate opensOn, EvaluationBallots.Officer officer) {
    }

    /** The rounds after {@code after} in id order, at most {@code limit}, with every officer's counted ballots. */
    public List<EvaluationBallots> evaluations(long after, int limit, long version) {
        List<OfficerRow> rows = jdbc.sql("""
                        SELECT e.id, e.title, e.opens_on, v.employee_id, v.unit_id, c.ballots, c.total, c.scores,
                          c.satisfied
                        FROM voice_evaluation e JOIN voice_evaluee v ON v.evaluation_id = e.id
                        CROSS JOIN LATERAL (
                          SELECT count(*) AS ballots, coalesce(sum(b.total), 0) AS total, coalesce(sum(b.n), 0) AS scores,
                            count(*) FILTER (WHERE b.total >= 4 * b.n) AS satisfied
                          FROM (SELECT (SELECT sum(x) FROM unnest(scores) x) AS total, cardinality(scores) AS n
                                FROM voice_ballot WHERE evaluation_id = e.id AND evaluee_id = v.employee_id) b) c
                        WHERE e.id IN (SELECT id FROM voice_evaluation WHERE id > ? ORDER BY id LIMIT ?)
                        ORDER BY e.id, v.employee_id""")
                .params(after, limit)
                .query((rs, i) -> new OfficerRow(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        new EvaluationBallots.Officer(rs.getLong(4), rs.getLong(5), rs.getInt(6), rs.getLong(7),
                                rs.getLong(8), rs.getInt(9))))
                .list();
        List<EvaluationBallots> out = new ArrayList<>();
        List<EvaluationBallots.Officer> officers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            OfficerRow r = rows.get(i);
            officers.add(r.officer());
            if (i == rows.size() - 1 || rows.get(i + 1).id() != r.id()) {
                out.add(new EvaluationBallots(r.id(), r.title(), r.opensOn(), officers, version));
                officers.clear();
            }
        }
        return out;
    }
}
