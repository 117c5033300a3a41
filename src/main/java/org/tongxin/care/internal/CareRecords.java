package org.tongxin.care.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Moves, grades, care cases and their notes. */
@Repository
public class CareRecords {

    private static final String CASE = "id, move_id, employee_id, unit_id, status, opened_on, first_contact_due, "
            + "first_contact_on, outcome_enc, closed_on";
    private static final String MOVE = "id, employee_id, unit_id, moved_on, from_department, from_post, from_grade, "
            + "to_department, to_post, to_grade, exit_type, reason, direction, reclassify_note";

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

    public long insertMove(long employeeId, long unitId, LocalDate movedOn, String fromDepartment, String fromPost,
                           String fromGrade, String toDepartment, String toPost, String toGrade, String exitType,
                           String reason, String direction, long recordedBy) {
        return jdbc.sql("""
                        INSERT INTO care_move (employee_id, unit_id, moved_on, from_department, from_post, from_grade,
                          to_department, to_post, to_grade, exit_type, reason, direction, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(employeeId, unitId, movedOn, fromDepartment, fromPost, fromGrade, toDepartment, toPost, toGrade,
                        exitType, reason, direction, recordedBy)
                .query(Long.class).single();
    }

    public Optional<Move> move(long id) {
        return jdbc.sql("SELECT " + MOVE + " FROM care_move WHERE id = ?").param(id).query(Move.class).optional();
    }

    public List<Move> recentMoves(int limit) {
        return jdbc.sql("SELECT " + MOVE + " FROM care_move ORDER BY id DESC LIMIT ?").param(limit)
                .query(Move.class).list();
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

    /** Cases of the given units (all units when null), open first, oldest deadline first. */
    public List<CareCase> cases(Collection<Long> unitIds) {
        String where = unitIds == null ? "" : " WHERE unit_id = ANY(string_to_array(?, ',')::bigint[])";
        var sql = jdbc.sql("SELECT " + CASE + " FROM care_case" + where
                + " ORDER BY status DESC, first_contact_due, id LIMIT 300");
        if (unitIds != null) {
            if (unitIds.isEmpty()) {
                return List.of();
            }
            sql = sql.param(unitIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
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
}
