package org.tongxin.voice.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.Viewer;
import org.tongxin.voice.internal.Motions.Congress;
import org.tongxin.voice.internal.Motions.Motion;

/**
 * Read-only lists of the congress pages: the sessions a representative sits in, those an employee's unit holds, those
 * an officer's units hold; a session's motions, counts per status and satisfaction; the motions waiting for a
 * representative's co-signature and for an officer's answer.
 */
@Service
public class MotionQueries {

    /** Statuses in the order of the life cycle, for counts. */
    public static final List<String> STATUSES = List.of("FILED", "ACCEPTED", "ASSIGNED", "ANSWERED", "REOPENED",
            "CLOSED", "CONVERTED", "DECLINED");

    private final JdbcClient jdbc;
    private final OrgDirectory org;

    MotionQueries(JdbcClient jdbc, OrgDirectory org) {
        this.jdbc = jdbc;
        this.org = org;
    }

    /** Sessions the employee is a representative of, newest first. */
    public List<Congress> asRepresentative(long employeeId) {
        return jdbc.sql(Motions.CONGRESS + """
                         WHERE id IN (SELECT congress_id FROM voice_congress_rep WHERE employee_id = ?)
                        ORDER BY closes_on DESC, id DESC""")
                .param(employeeId).query(Motions.CONGRESS_MAPPER).list();
    }

    /** Sessions of the employee's own union unit and the units above it, newest first. */
    public List<Congress> ofEmployeesUnits(long employeeId) {
        Long unit = org.unitIdsOf(List.of(employeeId)).get(employeeId);
        List<Long> path = unit == null ? List.of() : org.unit(unit).map(OrgUnit::pathIds).orElse(List.of());
        if (path.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(Motions.CONGRESS + " WHERE unit_id = ANY(?) ORDER BY closes_on DESC, id DESC LIMIT 20")
                .param(path.toArray(Long[]::new)).query(Motions.CONGRESS_MAPPER).list();
    }

    /** Sessions of the units the officer manages (every one for the committee), newest first. */
    public List<Congress> ofOfficer(Viewer officer) {
        Optional<Set<Long>> units = org.manageableUnitIds(officer);
        if (units.isEmpty()) {
            return jdbc.sql(Motions.CONGRESS + " ORDER BY closes_on DESC, id DESC LIMIT 200")
                    .query(Motions.CONGRESS_MAPPER).list();
        }
        if (units.get().isEmpty()) {
            return List.of();
        }
        return jdbc.sql(Motions.CONGRESS + " WHERE unit_id = ANY(?) ORDER BY closes_on DESC, id DESC LIMIT 200")
                .param(units.get().toArray(Long[]::new)).query(Motions.CONGRESS_MAPPER).list();
    }

    /** A session's motions, formal ones by number, then the others newest first. */
    public List<Motion> ofCongress(long congressId) {
        return jdbc.sql(Motions.MOTION + " WHERE m.congress_id = ? ORDER BY m.case_no NULLS LAST, m.id DESC")
                .param(congressId).query(Motions.MOTION_MAPPER).list();
    }

    /** The formal motions of the sessions given (for everyone to read), by session and number. */
    public List<Motion> publicOf(List<Long> congressIds) {
        if (congressIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(Motions.MOTION + " WHERE m.congress_id = ANY(?) AND m.status = ANY(?) "
                        + "ORDER BY m.congress_id DESC, m.case_no")
                .params(congressIds.toArray(Long[]::new), Motions.PUBLIC.toArray(String[]::new))
                .query(Motions.MOTION_MAPPER).list();
    }

    /** The employee's own motions, newest first. */
    public List<Motion> mine(long employeeId) {
        return jdbc.sql(Motions.MOTION + " WHERE m.proposer_id = ? ORDER BY m.id DESC").param(employeeId)
                .query(Motions.MOTION_MAPPER).list();
    }

    /**
     * Filed motions of others in the open sessions the employee sits in, that they have not co-signed yet, oldest
     * first.
     */
    public List<Motion> toCosign(long employeeId, java.time.LocalDate today) {
        return jdbc.sql(Motions.MOTION + """
                         JOIN voice_congress c ON c.id = m.congress_id
                        WHERE m.status = 'FILED' AND m.proposer_id <> ? AND c.opens_on <= ? AND c.closes_on >= ?
                          AND m.congress_id IN (SELECT congress_id FROM voice_congress_rep WHERE employee_id = ?)
                          AND NOT EXISTS (SELECT 1 FROM voice_motion_cosign x WHERE x.motion_id = m.id
                                          AND x.employee_id = ?)
                        ORDER BY m.id""")
                .params(employeeId, today, today, employeeId, employeeId).query(Motions.MOTION_MAPPER).list();
    }

    /** Motions waiting for an answer from the units the officer manages (every one for the committee), oldest due first. */
    public List<Motion> toAnswer(Viewer officer) {
        Optional<Set<Long>> units = org.manageableUnitIds(officer);
        String where = " WHERE m.status IN ('ASSIGNED', 'REOPENED')";
        String order = " ORDER BY m.due_on, m.id LIMIT 300";
        if (units.isEmpty()) {
            return jdbc.sql(Motions.MOTION + where + order).query(Motions.MOTION_MAPPER).list();
        }
        if (units.get().isEmpty()) {
            return List.of();
        }
        return jdbc.sql(Motions.MOTION + where + " AND m.handling_unit_id = ANY(?)" + order)
                .param(units.get().toArray(Long[]::new)).query(Motions.MOTION_MAPPER).list();
    }

    /** How many motions of the session stand at each status, in life-cycle order (zeros included). */
    public Map<String, Long> counts(long congressId) {
        Map<String, Long> out = new LinkedHashMap<>();
        STATUSES.forEach(s -> out.put(s, 0L));
        jdbc.sql("SELECT status, count(*) FROM voice_motion WHERE congress_id = ? GROUP BY status").param(congressId)
                .query((rs, i) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    /**
     * The final ratings of the session's closed motions (the rating of their last answer): satisfied, basically
     * satisfied, not satisfied; and how many were sent back once.
     */
    public Map<String, Long> satisfaction(long congressId) {
        Map<String, Long> out = new LinkedHashMap<>();
        Motions.RATINGS.forEach(r -> out.put(r, 0L));
        jdbc.sql("""
                        SELECT a.rating, count(*) FROM voice_motion m
                          JOIN voice_motion_answer a ON a.motion_id = m.id
                           AND a.round = (SELECT max(round) FROM voice_motion_answer b WHERE b.motion_id = m.id)
                        WHERE m.congress_id = ? AND m.status = 'CLOSED' GROUP BY a.rating""")
                .param(congressId).query((rs, i) -> out.put(rs.getString(1), rs.getLong(2))).list();
        out.put("REOPENED_ONCE", jdbc.sql("""
                        SELECT count(DISTINCT m.id) FROM voice_motion m JOIN voice_motion_answer a ON a.motion_id = m.id
                        WHERE m.congress_id = ? AND a.round = 1 AND a.rating = 'NOT_SATISFIED'""")
                .param(congressId).query(Long.class).single());
        return out;
    }

    /** Motions the employee co-signed (ids), among those given. */
    public Set<Long> cosignedBy(long employeeId, List<Long> motionIds) {
        if (motionIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT motion_id FROM voice_motion_cosign WHERE employee_id = ? AND motion_id = ANY(?)")
                .params(employeeId, motionIds.toArray(Long[]::new)).query(Long.class).list());
    }
}
