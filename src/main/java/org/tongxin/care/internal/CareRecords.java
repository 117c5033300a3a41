package org.tongxin.care.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.care.CareCaseSnapshot;

/** Moves, grades, care cases and their notes. */
@Repository
public class CareRecords {

    private static final String CASE = "id, move_id, employee_id, unit_id, status, opened_on, first_contact_due, "
            + "first_contact_on, outcome_enc, closed_on, escalated_at, owner_employee_id, plan_enc, follow_up_due, "
            + "follow_up_escalated_on";
    private static final String MOVE = "id, employee_id, unit_id, moved_on, from_department, from_post, from_grade, "
            + "to_department, to_post, to_grade, exit_type, reason, direction, reclassify_note_enc, original_direction, "
            + "project_id, to_unit_id";
    private static final String PROJECT = "id, name, kind, started_on, note";
    /** The nearest deadline of an open case: first contact until it is made, and a planned follow-up. */
    private static final String SNAPSHOT = """
            SELECT c.id, c.employee_id, c.unit_id, m.direction, c.opened_on, c.closed_on,
              CASE WHEN c.status = 'OPEN' THEN
                CASE WHEN c.first_contact_on IS NULL THEN least(c.first_contact_due, c.follow_up_due)
                  ELSE c.follow_up_due END
              END AS due_on
            FROM care_case c JOIN care_move m ON m.id = c.move_id""";

    /** A note on a case, content still encrypted. */
    public record Note(long id, String kind, LocalDate happenedOn, String contentEnc, long recordedBy,
                       OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;

    CareRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Grade code → level, in ladder order. */
    public Map<String, Integer> grades() {
        Map<String, Integer> grades = new LinkedHashMap<>();
        jdbc.sql("SELECT code, level FROM care_grade ORDER BY level, code")
                .query((rs, i) -> grades.put(rs.getString(1), rs.getInt(2))).list();
        return grades;
    }

    /** Where a move goes: another department and post at a grade, or out of the enterprise. */
    public record Destination(String department, String post, String grade, Long unitId, String exitType) {
    }

    public long insertMove(long employeeId, long unitId, LocalDate movedOn, String fromDepartment, String fromPost,
                           String fromGrade, Destination to, String reason, String direction, Long projectId,
                           long recordedBy) {
        return jdbc.sql("""
                        INSERT INTO care_move (employee_id, unit_id, moved_on, from_department, from_post, from_grade,
                          to_department, to_post, to_grade, to_unit_id, exit_type, reason, direction, project_id,
                          recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(employeeId, unitId, movedOn, fromDepartment, fromPost, fromGrade, to.department(), to.post(),
                        to.grade(), to.unitId(), to.exitType(), reason, direction, projectId, recordedBy)
                .query(Long.class).single();
    }

    public Optional<Move> moveForUpdate(long id) {
        return jdbc.sql("SELECT " + MOVE + " FROM care_move WHERE id = ? FOR UPDATE").param(id).query(Move.class)
                .optional();
    }

    /** Keeps HR's classification beside the officer's correction, the first time it is corrected. */
    public void reclassify(long moveId, String direction, String noteEnc, long by) {
        jdbc.sql("""
                        UPDATE care_move SET original_direction = coalesce(original_direction, direction),
                          direction = ?, reclassify_note_enc = ?, reclassified_by = ?, reclassified_at = now()
                        WHERE id = ?""")
                .params(direction, noteEnc, by, moveId).update();
    }

    /** Moves of people of the given units (all when null), newest first. */
    public List<Move> movesOf(Collection<Long> unitIds, int limit) {
        if (unitIds != null && unitIds.isEmpty()) {
            return List.of();
        }
        String where = unitIds == null ? "" : " WHERE unit_id = ANY(?::bigint[])";
        var sql = jdbc.sql("SELECT " + MOVE + " FROM care_move" + where + " ORDER BY moved_on DESC, id DESC LIMIT ?");
        if (unitIds != null) {
            sql = sql.param(unitIds.toArray(Long[]::new));
        }
        return sql.param(limit).query(Move.class).list();
    }

    public boolean moveExists(long employeeId, LocalDate movedOn) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM care_move WHERE employee_id = ? AND moved_on = ?)")
                .params(employeeId, movedOn).query(Boolean.class).single();
    }

    public Optional<CareCase> caseOfMove(long moveId) {
        return jdbc.sql("SELECT " + CASE + " FROM care_case WHERE move_id = ?").param(moveId).query(CareCase.class)
                .optional();
    }

    // ---- restructuring projects

    public long createProject(String name, String kind, LocalDate startedOn, String note, long by) {
        return jdbc.sql("""
                        INSERT INTO restructuring (name, kind, started_on, note, created_by) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING RETURNING id""")
                .params(name, kind, startedOn, note, by).query(Long.class).optional().orElse(-1L);
    }

    public List<Project> projects() {
        return jdbc.sql("SELECT " + PROJECT + " FROM restructuring ORDER BY started_on DESC, id DESC")
                .query(Project.class).list();
    }

    public List<Project> projectsWithMovesIn(Collection<Long> unitIds) {
        return jdbc.sql("SELECT " + PROJECT + " FROM restructuring WHERE id IN (SELECT project_id FROM care_move"
                        + " WHERE unit_id = ANY(?::bigint[])) ORDER BY started_on DESC, id DESC")
                .param(unitIds.toArray(Long[]::new)).query(Project.class).list();
    }

    public Optional<Project> project(long id) {
        return jdbc.sql("SELECT " + PROJECT + " FROM restructuring WHERE id = ?").param(id).query(Project.class)
                .optional();
    }

    /** Projects by name as written in an HR file (case and surrounding blanks ignored). */
    public Map<String, Long> projectIdsByName() {
        Map<String, Long> ids = new LinkedHashMap<>();
        jdbc.sql("SELECT lower(trim(name)), id FROM restructuring")
                .query((rs, i) -> ids.put(rs.getString(1), rs.getLong(2))).list();
        return ids;
    }

    /** One unit's share of a project: moves by direction, cases open and overdue. */
    public record ProjectRow(long unitId, String direction, int moves, int openCases, int overdueCases) {
    }

    public List<ProjectRow> projectRows(long projectId, LocalDate today) {
        return jdbc.sql("""
                        SELECT m.unit_id, m.direction, count(*)::int AS moves,
                          (count(c.id) FILTER (WHERE c.status = 'OPEN'))::int AS open_cases,
                          (count(c.id) FILTER (WHERE c.status = 'OPEN' AND ((c.first_contact_on IS NULL
                            AND c.first_contact_due < ?) OR c.follow_up_due < ?)))::int AS overdue_cases
                        FROM care_move m LEFT JOIN care_case c ON c.move_id = m.id
                        WHERE m.project_id = ? GROUP BY m.unit_id, m.direction ORDER BY m.unit_id""")
                .params(today, today, projectId).query(ProjectRow.class).list();
    }

    /** Open cases of a project's moves, the nearest deadline (first contact, else follow-up) first. */
    public List<CareCase> openCasesOfProject(long projectId) {
        return jdbc.sql("SELECT " + CASE + " FROM care_case WHERE status = 'OPEN' AND move_id IN "
                        + "(SELECT id FROM care_move WHERE project_id = ?)"
                        + " ORDER BY CASE WHEN first_contact_on IS NULL THEN first_contact_due ELSE follow_up_due END"
                        + " NULLS LAST, id")
                .param(projectId).query(CareCase.class).list();
    }

    // ---- owner and follow-up

    public void setOwner(long caseId, long ownerEmployeeId) {
        jdbc.sql("UPDATE care_case SET owner_employee_id = ? WHERE id = ?").params(ownerEmployeeId, caseId).update();
    }

    public void setPlan(long caseId, String planEnc, LocalDate followUpDue) {
        jdbc.sql("UPDATE care_case SET plan_enc = ?, follow_up_due = ?, follow_up_escalated_on = NULL WHERE id = ?")
                .params(planEnc, followUpDue, caseId).update();
    }

    /** A talk or counselling step meets the follow-up that was due; the officer plans the next one. */
    public void followedUp(long caseId) {
        jdbc.sql("UPDATE care_case SET follow_up_due = NULL, follow_up_escalated_on = NULL WHERE id = ?")
                .param(caseId).update();
    }

    /** Open cases whose follow-up is past due and not yet escalated for that date, claimed for this transaction. */
    public List<CareCase> overdueFollowUps(LocalDate today) {
        return jdbc.sql("SELECT " + CASE + " FROM care_case WHERE status = 'OPEN' AND follow_up_due < ?"
                        + " AND follow_up_escalated_on IS DISTINCT FROM follow_up_due ORDER BY id FOR UPDATE SKIP LOCKED")
                .param(today).query(CareCase.class).list();
    }

    public void followUpEscalated(long caseId, LocalDate due) {
        jdbc.sql("UPDATE care_case SET follow_up_escalated_on = ? WHERE id = ?").params(due, caseId).update();
    }

    /**
     * Open cases without a first talk, due from {@code from} to {@code until} and not reminded yet, marked reminded in
     * the same statement: rows another node is claiming are skipped and rows it marked no longer match.
     */
    public List<CareCase> takeFirstContactsDue(LocalDate from, LocalDate until) {
        return jdbc.sql("""
                        UPDATE care_case SET first_contact_reminded_at = now() WHERE id IN (
                          SELECT id FROM care_case WHERE status = 'OPEN' AND first_contact_on IS NULL
                            AND first_contact_reminded_at IS NULL AND first_contact_due BETWEEN ? AND ?
                          FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + CASE)
                .params(from, until).query(CareCase.class).list();
    }

    /** Open cases whose planned follow-up falls from {@code from} to {@code until}, once per date, claimed likewise. */
    public List<CareCase> takeFollowUpsDue(LocalDate from, LocalDate until) {
        return jdbc.sql("""
                        UPDATE care_case SET follow_up_reminded_on = follow_up_due WHERE id IN (
                          SELECT id FROM care_case WHERE status = 'OPEN' AND follow_up_due BETWEEN ? AND ?
                            AND follow_up_reminded_on IS DISTINCT FROM follow_up_due
                          FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + CASE)
                .params(from, until).query(CareCase.class).list();
    }

    /** Open and overdue cases among the given units, for a unit's page. */
    public record Counts(int open, int overdue) {
    }

    public Counts counts(Collection<Long> unitIds, LocalDate today) {
        return jdbc.sql("""
                        SELECT (count(*) FILTER (WHERE status = 'OPEN'))::int AS open,
                          (count(*) FILTER (WHERE status = 'OPEN' AND ((first_contact_on IS NULL
                            AND first_contact_due < ?) OR follow_up_due < ?)))::int AS overdue
                        FROM care_case WHERE unit_id = ANY(?::bigint[])""")
                .params(today, today, unitIds.toArray(Long[]::new)).query(Counts.class).single();
    }

    public Optional<Move> move(long id) {
        return jdbc.sql("SELECT " + MOVE + " FROM care_move WHERE id = ?").param(id).query(Move.class).optional();
    }

    public long openCase(long moveId, long employeeId, long unitId, LocalDate openedOn, LocalDate firstContactDue) {
        return jdbc.sql("""
                        INSERT INTO care_case (move_id, employee_id, unit_id, status, opened_on, first_contact_due)
                        VALUES (?, ?, ?, 'OPEN', ?, ?) RETURNING id""")
                .params(moveId, employeeId, unitId, openedOn, firstContactDue).query(Long.class).single();
    }

    public Optional<CareCase> findCase(long id) {
        return jdbc.sql("SELECT " + CASE + " FROM care_case WHERE id = ?").param(id).query(CareCase.class).optional();
    }

    /**
     * Cases of people of the given units, or who have moved into them by {@code today} (all when null), open
     * first, oldest deadline first.
     */
    public List<CareCase> cases(Collection<Long> unitIds, LocalDate today) {
        if (unitIds != null && unitIds.isEmpty()) {
            return List.of();
        }
        String where = unitIds == null ? "" : " WHERE unit_id = ANY(?::bigint[]) OR move_id IN"
                + " (SELECT id FROM care_move WHERE to_unit_id = ANY(?::bigint[]) AND moved_on <= ?)";
        var sql = jdbc.sql("SELECT " + CASE + " FROM care_case" + where
                + " ORDER BY status DESC, first_contact_due, id LIMIT 300");
        if (unitIds != null) {
            Long[] ids = unitIds.toArray(Long[]::new);
            sql = sql.params(ids, ids, today);
        }
        return sql.query(CareCase.class).list();
    }

    public void addNote(long caseId, String kind, LocalDate happenedOn, String contentEnc, long recordedBy) {
        jdbc.sql("""
                        INSERT INTO care_note (case_id, kind, happened_on, content_enc, recorded_by)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(caseId, kind, happenedOn, contentEnc, recordedBy).update();
    }

    public List<Note> notes(long caseId) {
        return jdbc.sql("""
                        SELECT id, kind, happened_on, content_enc, recorded_by, created_at FROM care_note
                        WHERE case_id = ? ORDER BY happened_on, id""")
                .param(caseId).query(Note.class).list();
    }

    public void firstContact(long caseId, LocalDate on) {
        jdbc.sql("UPDATE care_case SET first_contact_on = ? WHERE id = ? AND first_contact_on IS NULL")
                .params(on, caseId).update();
    }

    /** Open cases past their first-contact deadline and not escalated yet, claimed for this transaction. */
    public List<CareCase> overdue(LocalDate today) {
        return jdbc.sql("SELECT " + CASE + " FROM care_case WHERE status = 'OPEN' AND first_contact_on IS NULL"
                        + " AND first_contact_due < ? AND escalated_at IS NULL ORDER BY id FOR UPDATE SKIP LOCKED")
                .param(today).query(CareCase.class).list();
    }

    public void escalated(long caseId) {
        jdbc.sql("UPDATE care_case SET escalated_at = now() WHERE id = ?").param(caseId).update();
    }

    public void close(long caseId, String outcomeEnc, LocalDate on) {
        jdbc.sql("UPDATE care_case SET status = 'CLOSED', outcome_enc = ?, closed_on = ? WHERE id = ? AND status = 'OPEN'")
                .params(outcomeEnc, on, caseId).update();
    }

    /** The case as it stands, for figures kept elsewhere. */
    public CareCaseSnapshot caseSnapshot(long caseId, long version) {
        return jdbc.sql(SNAPSHOT + " WHERE c.id = ?").param(caseId).query((rs, i) -> caseSnapshot(rs, version))
                .single();
    }

    /** Up to {@code limit} cases after {@code afterId} in id order, as snapshots of version 0. */
    public List<CareCaseSnapshot> caseSnapshots(long afterId, int limit) {
        return jdbc.sql(SNAPSHOT + " WHERE c.id > ? ORDER BY c.id LIMIT ?").params(afterId, limit)
                .query((rs, i) -> caseSnapshot(rs, 0)).list();
    }

    private static CareCaseSnapshot caseSnapshot(ResultSet rs, long version) throws SQLException {
        return new CareCaseSnapshot(rs.getLong("id"), rs.getLong("employee_id"), rs.getLong("unit_id"),
                rs.getString("direction"), rs.getObject("opened_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class), rs.getObject("due_on", LocalDate.class), version);
    }
}
