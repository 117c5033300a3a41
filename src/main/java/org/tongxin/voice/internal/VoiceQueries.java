package org.tongxin.voice.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.security.Viewer;

/**
 * Read-only lists the voice pages need beside the services: the suggestions an officer's units hold, the rounds of
 * evaluation open to members or organised by an officer's units, who is evaluated where, and points per unit.
 */
@Service
public class VoiceQueries {

    /** Statuses that still need somebody to act. */
    static final List<String> OPEN = List.of("SUBMITTED", "ACCEPTED", "ASSIGNED", "ADOPTED", "IMPLEMENTED", "VERIFIED");

    /** An officer under evaluation in a round, with the unit whose members vote. */
    public record Evaluee(long employeeId, long unitId) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Clock clock;

    VoiceQueries(JdbcClient jdbc, OrgDirectory org, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Open suggestions held by the units the officer manages (every open one for the committee), overdue first, then
     * by due date.
     */
    public List<SuggestionScheme.Suggestion> held(Viewer officer, int limit) {
        Optional<Set<Long>> units = org.manageableUnitIds(officer);
        String order = " ORDER BY (due_on < ?) DESC, due_on NULLS LAST, id LIMIT ?";
        if (units.isEmpty()) {
            return jdbc.sql(SuggestionScheme.COLUMNS + " WHERE status = ANY(?)" + order)
                    .params(OPEN.toArray(String[]::new), today(), limit).query(SuggestionScheme.MAPPER).list();
        }
        if (units.get().isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SuggestionScheme.COLUMNS + " WHERE status = ANY(?) AND holder_unit_id = ANY(?)" + order)
                .params(OPEN.toArray(String[]::new), units.get().toArray(Long[]::new), today(), limit)
                .query(SuggestionScheme.MAPPER).list();
    }

    /** Rounds open today (for members to find the ones they may vote in). */
    public List<Evaluations.Evaluation> openRounds() {
        LocalDate today = today();
        return rounds(" WHERE opens_on <= ? AND closes_on >= ? ORDER BY closes_on, id", today, today);
    }

    /** Rounds of the units the officer manages (every round for the committee), newest first. */
    public List<Evaluations.Evaluation> roundsOf(Viewer officer) {
        Optional<Set<Long>> units = org.manageableUnitIds(officer);
        if (units.isEmpty()) {
            return rounds(" ORDER BY id DESC LIMIT 200");
        }
        if (units.get().isEmpty()) {
            return List.of();
        }
        return rounds(" WHERE unit_id = ANY(?) ORDER BY id DESC LIMIT 200", (Object) units.get().toArray(Long[]::new));
    }

    private List<Evaluations.Evaluation> rounds(String where, Object... params) {
        return jdbc.sql("SELECT id, title, unit_id, criteria, opens_on, closes_on FROM voice_evaluation" + where)
                .params(params)
                .query((rs, i) -> new Evaluations.Evaluation(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        List.of((String[]) rs.getArray(4).getArray()), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class)))
                .list();
    }

    /** The officers under evaluation in a round, with the unit each is evaluated in. */
    public Map<Long, Long> evalueeUnits(long evaluationId) {
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("SELECT employee_id, unit_id FROM voice_evaluee WHERE evaluation_id = ?").param(evaluationId)
                .query((rs, i) -> out.put(rs.getLong(1), rs.getLong(2))).list();
        return out;
    }

    /** How many members have voted on each officer of a round (the turnout; never who, never what). */
    public Map<Long, Long> turnout(long evaluationId) {
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("SELECT evaluee_id, count(*) FROM voice_voted WHERE evaluation_id = ? GROUP BY evaluee_id")
                .param(evaluationId).query((rs, i) -> out.put(rs.getLong(1), rs.getLong(2))).list();
        return out;
    }

    /** Points earned per unit of the people (the unit each entry was credited in). */
    public Map<Long, Long> pointsByUnit() {
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("SELECT unit_id, sum(points) FROM voice_points WHERE unit_id IS NOT NULL GROUP BY unit_id")
                .query((rs, i) -> out.put(rs.getLong(1), rs.getLong(2))).list();
        return out;
    }
}
