package org.tongxin.activity.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Shifts of volunteer projects, the places taken on them and the hours served. A shift's {@code taken} is
 * only ever changed together with a sign-up row in the same transaction, so it always equals the shift's
 * active sign-ups.
 */
@Repository
public class VolunteerShifts {

    private static final String COLUMNS = "id, project_id, starts_at, ends_at, place, needed, taken, status, "
            + "cancel_reason, recorded_by, recorded_at, confirmed_by, confirmed_at";
    /** The same columns of the shift aliased {@code s}, for joins. */
    private static final String S_COLUMNS = "s." + COLUMNS.replace(", ", ", s.");
    private static final RowMapper<Shift> SHIFT = new DataClassRowMapper<>(Shift.class);

    /** A volunteer on a shift's roster, with the hours recorded for them (null until recorded). */
    public record Volunteer(long signupId, long employeeId, Boolean present, Integer minutes) {
    }

    /** One of a person's shifts, for "my volunteering". */
    public record MyShift(long shiftId, long projectId, String projectTitle, OffsetDateTime startsAt,
                          OffsetDateTime endsAt, String place, String shiftStatus, Boolean present, Integer minutes) {

        public String hours() {
            return minutes == null ? "" : ServiceHours.format(minutes);
        }
    }

    /** A shift waiting for an officer, with its project's title and lead body. */
    public record Waiting(Shift shift, String projectTitle, long leadUnitId) {
    }

    /** A body's totals in a year. */
    public record BodyTotals(long unitId, long minutes, int volunteers, int shifts) {

        public ServiceHours.Totals totals() {
            return new ServiceHours.Totals(minutes, volunteers, shifts);
        }
    }

    private final JdbcClient jdbc;

    VolunteerShifts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long projectId, OffsetDateTime startsAt, OffsetDateTime endsAt, String place, int needed) {
        return jdbc.sql("""
                        INSERT INTO volunteer_shift (project_id, starts_at, ends_at, place, needed, status)
                        VALUES (?, ?, ?, ?, ?, 'OPEN') RETURNING id""")
                .params(projectId, startsAt, endsAt, place, needed).query(Long.class).single();
    }

    public Optional<Shift> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer_shift WHERE id = ?").param(id).query(Shift.class)
                .optional();
    }

    public Optional<Shift> findForUpdate(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer_shift WHERE id = ? FOR UPDATE").param(id)
                .query(Shift.class).optional();
    }

    public List<Shift> ofProject(long projectId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer_shift WHERE project_id = ? ORDER BY starts_at, id")
                .param(projectId).query(Shift.class).list();
    }

    /** Changes the places needed; false when more are taken already. */
    public boolean setNeeded(long id, int needed) {
        return jdbc.sql("UPDATE volunteer_shift SET needed = ? WHERE id = ? AND taken <= ?").params(needed, id, needed)
                .update() == 1;
    }

    public void cancel(long id, String reason) {
        jdbc.sql("UPDATE volunteer_shift SET status = 'CANCELLED', cancel_reason = ? WHERE id = ?").params(reason, id)
                .update();
    }

    /**
     * Takes a place for the employee: adds the sign-up (the unique index refuses a second one of the same
     * person) and raises the count of places taken only while a place is free and the shift open. The count's
     * row lock queues a rush on one shift, and each waiting update re-reads the count when the lock is
     * released, so the places are never over-filled.
     *
     * @return the sign-up, empty when the person had one already; {@link Take#FULL} rolls back nothing by
     *         itself: the caller's transaction must fail so the new sign-up goes with it
     */
    public Take take(long shiftId, long employeeId) {
        Optional<Long> signup = jdbc.sql("""
                        INSERT INTO volunteer_signup (shift_id, employee_id, status) VALUES (?, ?, 'ACTIVE')
                        ON CONFLICT (shift_id, employee_id) WHERE status = 'ACTIVE' DO NOTHING RETURNING id""")
                .params(shiftId, employeeId).query(Long.class).optional();
        if (signup.isEmpty()) {
            return Take.ALREADY;
        }
        int raised = jdbc.sql("""
                        UPDATE volunteer_shift SET taken = taken + 1
                        WHERE id = ? AND status = 'OPEN' AND taken < needed""")
                .param(shiftId).update();
        return raised == 1 ? Take.TAKEN : Take.FULL;
    }

    /** What {@link #take} did. */
    public enum Take { TAKEN, ALREADY, FULL }

    /** Gives the employee's place back; false when they held none. */
    public boolean release(long shiftId, long employeeId) {
        int cancelled = jdbc.sql("""
                        UPDATE volunteer_signup SET status = 'CANCELLED', cancelled_at = now()
                        WHERE shift_id = ? AND employee_id = ? AND status = 'ACTIVE'""")
                .params(shiftId, employeeId).update();
        if (cancelled == 0) {
            return false;
        }
        jdbc.sql("UPDATE volunteer_shift SET taken = taken - 1 WHERE id = ?").param(shiftId).update();
        return true;
    }

    public boolean holdsPlace(long shiftId, long employeeId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM volunteer_signup
                        WHERE shift_id = ? AND employee_id = ? AND status = 'ACTIVE')""")
                .params(shiftId, employeeId).query(Boolean.class).single();
    }

    /** Whether the employee has a place on another shift, not cancelled, that overlaps the given time. */
    public boolean busy(long employeeId, long exceptShiftId, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM volunteer_signup g JOIN volunteer_shift s ON s.id = g.shift_id
                        WHERE g.employee_id = ? AND g.status = 'ACTIVE' AND s.status <> 'CANCELLED' AND s.id <> ?
                          AND s.starts_at < ? AND s.ends_at > ?)""")
                .params(employeeId, exceptShiftId, endsAt, startsAt).query(Boolean.class).single();
    }

    /** Whether the employee ever held a place in the project (the project stays visible to them). */
    public boolean servedIn(long projectId, long employeeId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM volunteer_signup g JOIN volunteer_shift s ON s.id = g.shift_id
                        WHERE s.project_id = ? AND g.employee_id = ? AND g.status = 'ACTIVE')""")
                .params(projectId, employeeId).query(Boolean.class).single();
    }

    /** The employee's places among the project's shifts. */
    public List<Long> shiftsHeld(long projectId, long employeeId) {
        return jdbc.sql("""
                        SELECT g.shift_id FROM volunteer_signup g JOIN volunteer_shift s ON s.id = g.shift_id
                        WHERE s.project_id = ? AND g.employee_id = ? AND g.status = 'ACTIVE'""")
                .params(projectId, employeeId).query(Long.class).list();
    }

    /** The shift's volunteers in sign-up order. */
    public List<Volunteer> roster(long shiftId) {
        return jdbc.sql("""
                        SELECT id AS signup_id, employee_id, present, minutes FROM volunteer_signup
                        WHERE shift_id = ? AND status = 'ACTIVE' ORDER BY id""")
                .param(shiftId).query(Volunteer.class).list();
    }

    public void recordHours(long signupId, boolean present, int minutes) {
        jdbc.sql("UPDATE volunteer_signup SET present = ?, minutes = ? WHERE id = ?").params(present, minutes, signupId)
                .update();
    }

    public void recorded(long shiftId, long by, OffsetDateTime at) {
        jdbc.sql("UPDATE volunteer_shift SET status = 'RECORDED', recorded_by = ?, recorded_at = ? WHERE id = ?")
                .params(by, at, shiftId).update();
    }

    public void confirmed(long shiftId, long by, OffsetDateTime at) {
        jdbc.sql("UPDATE volunteer_shift SET status = 'CONFIRMED', confirmed_by = ?, confirmed_at = ? WHERE id = ?")
                .params(by, at, shiftId).update();
    }

    /** Whether the project has a shift still open that has not started. */
    public boolean hasUpcoming(long projectId, OffsetDateTime now) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM volunteer_shift WHERE project_id = ? AND status = 'OPEN'
                        AND starts_at > ?)""")
                .params(projectId, now).query(Boolean.class).single();
    }

    /**
     * Shifts of projects led by the given units (all when null) that wait for an officer: ended and not
     * recorded ({@code recorded} false), or recorded by someone other than {@code notRecordedBy} and waiting
     * for confirmation ({@code recorded} true); oldest first.
     */
    public List<Waiting> waiting(Collection<Long> leadUnitIds, boolean recorded, long notRecordedBy, OffsetDateTime now,
                                 int limit) {
        if (leadUnitIds != null && leadUnitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + S_COLUMNS + ", p.title, p.lead_unit_id"
                        + " FROM volunteer_shift s JOIN volunteer_project p ON p.id = s.project_id"
                        + " WHERE (CAST(? AS BIGINT[]) IS NULL OR p.lead_unit_id = ANY(?))"
                        + (recorded ? " AND s.status = 'RECORDED' AND s.recorded_by <> ?"
                        : " AND s.status = 'OPEN' AND s.ends_at <= ?")
                        + " ORDER BY s.ends_at, s.id LIMIT ?")
                .params(VolunteerProjects.ids(leadUnitIds), VolunteerProjects.ids(leadUnitIds),
                        recorded ? notRecordedBy : now, limit)
                .query((rs, n) -> new Waiting(SHIFT.mapRow(rs, n), rs.getString("title"), rs.getLong("lead_unit_id")))
                .list();
    }

    /** The employee's places on shifts starting from {@code from} until {@code to}, soonest last. */
    public List<MyShift> ofEmployee(long employeeId, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                        SELECT s.id AS shift_id, p.id AS project_id, p.title AS project_title, s.starts_at, s.ends_at,
                          coalesce(s.place, p.place) AS place, s.status AS shift_status, g.present, g.minutes
                        FROM volunteer_signup g JOIN volunteer_shift s ON s.id = g.shift_id
                          JOIN volunteer_project p ON p.id = s.project_id
                        WHERE g.employee_id = ? AND g.status = 'ACTIVE' AND s.starts_at >= ? AND s.starts_at < ?
                        ORDER BY s.starts_at DESC, s.id DESC""")
                .params(employeeId, from, to).query(MyShift.class).list();
    }

    /** A person's confirmed hours and the shifts they came to, in the given time. */
    public ServiceHours.Personal ofPerson(long employeeId, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                        SELECT coalesce(sum(g.minutes), 0) AS minutes, (count(*) FILTER (WHERE g.present))::int AS shifts
                        FROM volunteer_signup g JOIN volunteer_shift s ON s.id = g.shift_id
                        WHERE g.employee_id = ? AND g.status = 'ACTIVE' AND s.status = 'CONFIRMED'
                          AND s.starts_at >= ? AND s.starts_at < ?""")
                .params(employeeId, from, to).query(ServiceHours.Personal.class).single();
    }

    /**
     * Confirmed hours, distinct volunteers who came, and shifts held (someone came), of the projects any of
     * the given units hosts (led or co-hosted), each shift counted once however many of the units host it.
     */
    public ServiceHours.Totals ofHosts(Collection<Long> unitIds, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                        SELECT coalesce(sum(g.minutes), 0) AS minutes,
                          (count(DISTINCT g.employee_id) FILTER (WHERE g.present))::int AS volunteers,
                          (count(DISTINCT s.id) FILTER (WHERE g.present))::int AS shifts
                        FROM volunteer_shift s
                          LEFT JOIN volunteer_signup g ON g.shift_id = s.id AND g.status = 'ACTIVE'
                        WHERE s.status = 'CONFIRMED' AND s.starts_at >= ? AND s.starts_at < ?
                          AND EXISTS (SELECT 1 FROM volunteer_project_host h
                                      WHERE h.project_id = s.project_id AND h.unit_id = ANY(?))""")
                .params(from, to, unitIds.toArray(Long[]::new)).query(ServiceHours.Totals.class).single();
    }

    /** Each host body's totals among the given units (all when null), for the bodies with any, largest first. */
    public List<BodyTotals> byHost(Collection<Long> unitIds, OffsetDateTime from, OffsetDateTime to) {
        if (unitIds != null && unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT h.unit_id, coalesce(sum(g.minutes), 0) AS minutes,
                          (count(DISTINCT g.employee_id) FILTER (WHERE g.present))::int AS volunteers,
                          (count(DISTINCT s.id) FILTER (WHERE g.present))::int AS shifts
                        FROM volunteer_project_host h
                          JOIN volunteer_shift s ON s.project_id = h.project_id
                          LEFT JOIN volunteer_signup g ON g.shift_id = s.id AND g.status = 'ACTIVE'
                        WHERE s.status = 'CONFIRMED' AND s.starts_at >= ? AND s.starts_at < ?
                          AND (CAST(? AS BIGINT[]) IS NULL OR h.unit_id = ANY(?))
                        GROUP BY h.unit_id ORDER BY minutes DESC, h.unit_id""")
                .params(from, to, VolunteerProjects.ids(unitIds), VolunteerProjects.ids(unitIds))
                .query(BodyTotals.class).list();
    }

    /** Everyone holding a place on the shift. */
    public List<Long> volunteers(long shiftId) {
        return jdbc.sql("SELECT employee_id FROM volunteer_signup WHERE shift_id = ? AND status = 'ACTIVE'")
                .param(shiftId).query(Long.class).list();
    }
}
