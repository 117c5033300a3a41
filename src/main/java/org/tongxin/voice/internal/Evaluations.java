package org.tongxin.voice.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.org.UnitOfficers;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Democratic evaluation of officers (民主评议) by secret ballot. A round names the officers of a subtree; the
 * members of each officer's unit subtree may score them 1–5 on each criterion, once. Who voted and what was voted
 * are kept apart with nothing linking them: the voted row has no score and no time, the ballot no voter and no
 * time, and ballots leave the pool written with the vote only in shuffled batches of at least {@value #MIN_GROUP}
 * for the same officer (see V27). Results are shown only in aggregate, and only where {@value #MIN_GROUP} or more
 * ballots were cast.
 */
@Service
public class Evaluations {

    static final int MIN_GROUP = SecretPool.MIN_GROUP;

    /** A round. */
    public record Evaluation(long id, String title, long unitId, List<String> criteria, LocalDate opensOn,
                             LocalDate closesOn) {

        public boolean open(LocalDate today) {
            return !today.isBefore(opensOn) && !today.isAfter(closesOn);
        }
    }

    /** The aggregate for one officer: ballots counted and the average per criterion (empty below the threshold). */
    public record Result(long evalueeId, int ballots, List<Double> averages, List<String> comments) {

        public boolean shown() {
            return ballots >= MIN_GROUP;
        }
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final UnitOfficers officers;
    private final MemberDirectory members;
    private final AuditTrail audit;
    private final VoiceSnapshots snapshots;
    private final Clock clock;

    Evaluations(JdbcClient jdbc, OrgDirectory org, UnitOfficers officers, MemberDirectory members, AuditTrail audit,
                VoiceSnapshots snapshots, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.officers = officers;
        this.members = members;
        this.audit = audit;
        this.snapshots = snapshots;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Opens a round over the officers of the subtree of a unit the organiser manages. */
    @Transactional
    public long create(Viewer organiser, long unitId, String title, List<String> criteria, LocalDate opensOn,
                       LocalDate closesOn) {
        OrgUnit root = org.managedUnit(organiser, unitId);
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 100) {
            throw new Refusal("voice.error.titleRequired");
        }
        List<String> c = criteria == null ? List.of() : criteria.stream().map(String::strip).filter(x -> !x.isEmpty())
                .distinct().toList();
        if (c.isEmpty() || c.size() > 10) {
            throw new Refusal("voice.error.criteria");
        }
        if (opensOn == null || closesOn == null || closesOn.isBefore(opensOn)) {
            throw new Refusal("voice.error.badDates");
        }
        long id = jdbc.sql("""
                        INSERT INTO voice_evaluation (title, unit_id, criteria, opens_on, closes_on, created_by)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(t, root.id(), c.toArray(String[]::new), opensOn, closesOn, organiser.accountId())
                .query(Long.class).single();
        int n = 0;
        for (UnitCount u : org.subtreeCounts(root)) {
            for (UnitOfficers.Officer o : officers.officersOf(u.unit().id())) {
                n += jdbc.sql("""
                                INSERT INTO voice_evaluee (evaluation_id, employee_id, unit_id) VALUES (?, ?, ?)
                                ON CONFLICT DO NOTHING""")
                        .params(id, o.employeeId(), u.unit().id()).update();
            }
        }
        if (n == 0) {
            throw new Refusal("voice.error.noOfficers");
        }
        audit.record(organiser, "voice.evaluation.create", "voice_evaluation", id, root.id(), t, Map.of(),
                Map.of("officers", n, "opensOn", opensOn, "closesOn", closesOn));
        snapshots.evaluationChanged(id);
        return id;
    }

    public Evaluation find(long id) {
        return jdbc.sql("SELECT id, title, unit_id, criteria, opens_on, closes_on FROM voice_evaluation WHERE id = ?")
                .param(id).query((rs, i) -> new Evaluation(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        List.of((String[]) rs.getArray(4).getArray()), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class)))
                .optional().orElseThrow(() -> new NotFoundException("evaluation " + id));
    }

    /** The officers a member may evaluate in a round (members of the officer's unit subtree; never themselves). */
    public List<Long> evalueesFor(Viewer voter, long evaluationId) {
        if (voter.employeeId() == null || !members.isMember(voter.employeeId())) {
            return List.of();
        }
        Long unit = org.unitIdsOf(List.of(voter.employeeId())).get(voter.employeeId());
        List<Long> path = unit == null ? List.of() : org.unit(unit).map(OrgUnit::pathIds).orElse(List.of());
        List<Long> out = new ArrayList<>();
        jdbc.sql("SELECT employee_id, unit_id FROM voice_evaluee WHERE evaluation_id = ? ORDER BY employee_id")
                .param(evaluationId).query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).list()
                .forEach(e -> {
                    if (path.contains(e[1]) && e[0] != voter.employeeId()) {
                        out.add(e[0]);
                    }
                });
        return out;
    }

    public boolean hasVoted(Viewer voter, long evaluationId, long evalueeId) {
        return voter.employeeId() != null && jdbc.sql("""
                        SELECT count(*) FROM voice_voted WHERE evaluation_id = ? AND evaluee_id = ? AND voter_id = ?""")
                .params(evaluationId, evalueeId, voter.employeeId()).query(Long.class).single() > 0;
    }

    /**
     * Casts a member's secret ballot on one officer: once (the database refuses a second), while the round is open,
     * a score of 1–5 for every criterion. Not audited with its content, on purpose: the audit trail would link it.
     */
    @Transactional
    public void vote(Viewer voter, long evaluationId, long evalueeId, List<Integer> scores, String comment) {
        Evaluation e = find(evaluationId);
        if (!e.open(today())) {
            throw new Refusal("voice.error.roundClosed");
        }
        if (!evalueesFor(voter, evaluationId).contains(evalueeId)) {
            throw new NotFoundException("evaluee " + evalueeId);
        }
        if (scores == null || scores.size() != e.criteria().size()
                || scores.stream().anyMatch(s -> s == null || s < 1 || s > 5)) {
            throw new Refusal("voice.error.scores");
        }
        String c = comment == null ? "" : comment.strip();
        if (c.length() > 500) {
            throw new Refusal("voice.error.tooLong");
        }
        if (jdbc.sql("""
                        INSERT INTO voice_voted (evaluation_id, evaluee_id, voter_id) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(evaluationId, evalueeId, voter.employeeId()).update() == 0) {
            throw new Refusal("voice.error.alreadyVoted");
        }
        jdbc.sql("INSERT INTO voice_ballot_pool (evaluation_id, evaluee_id, scores, comment) VALUES (?, ?, ?, ?)")
                .params(evaluationId, evalueeId, scores.stream().map(Integer::shortValue).toArray(Short[]::new), c)
                .update();
    }

    /**
     * Moves pooled ballots to the counted ones, shuffled, in groups of at least {@value #MIN_GROUP} per officer — or
     * all that are left once the round has closed (see {@link SecretPool}). Runs in its own transaction, apart from
     * any voter's.
     */
    @Transactional
    public int mix() {
        List<Long> pooled = jdbc.sql("SELECT DISTINCT evaluation_id FROM voice_ballot_pool ORDER BY evaluation_id")
                .query(Long.class).list();
        int moved = SecretPool.mix(jdbc, SecretPool.EVALUATIONS);
        if (moved > 0) {
            // Only rounds with pooled ballots can have changed; one left unchanged is published again, harmlessly.
            pooled.forEach(snapshots::evaluationChanged);
        }
        return moved;
    }

    /** The aggregate per officer of a round, for the organiser (officers of the round's unit or above). */
    public List<Result> results(Viewer organiser, long evaluationId) {
        Evaluation e = find(evaluationId);
        org.managedUnit(organiser, e.unitId());
        List<Long> evaluees = jdbc.sql("SELECT employee_id FROM voice_evaluee WHERE evaluation_id = ? ORDER BY employee_id")
                .param(evaluationId).query(Long.class).list();
        List<Result> out = new ArrayList<>();
        for (long evaluee : evaluees) {
            out.add(result(e, evaluee));
        }
        return out;
    }

    /** One officer's own result (the officer sees theirs, in aggregate, like everyone). */
    public Result result(Evaluation e, long evalueeId) {
        List<short[]> ballots = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        jdbc.sql("SELECT scores, comment FROM voice_ballot WHERE evaluation_id = ? AND evaluee_id = ? ORDER BY id")
                .params(e.id(), evalueeId).query((rs, i) -> {
                    Object[] raw = (Object[]) rs.getArray(1).getArray();
                    short[] s = new short[raw.length];
                    for (int k = 0; k < raw.length; k++) {
                        s[k] = ((Number) raw[k]).shortValue();
                    }
                    ballots.add(s);
                    String c = rs.getString(2);
                    if (!c.isBlank()) {
                        comments.add(c);
                    }
                    return null;
                }).list();
        if (ballots.size() < MIN_GROUP) {
            return new Result(evalueeId, ballots.size(), List.of(), List.of());
        }
        List<Double> averages = new ArrayList<>();
        for (int k = 0; k < e.criteria().size(); k++) {
            int index = k;
            averages.add(ballots.stream().mapToInt(b -> b[index]).average().orElse(0));
        }
        return new Result(evalueeId, ballots.size(), averages, List.copyOf(comments));
    }
}
