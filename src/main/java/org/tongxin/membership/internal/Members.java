package org.tongxin.membership.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members, their numbers and their periods. */
@Repository
public class Members {

    private final JdbcClient jdbc;
    private final UnitStats stats;

    /**
     * Reads the member columns by position (id, employee_id, member_no, first_joined_on, unit_id, period_started_on,
     * status, photo_key): mapped by class, each camelCase component would first be looked up under its own name and
     * cost a driver exception before the snake_case column is found (six per read; {@code current} runs on sign-ups).
     */
    private static final RowMapper<Member> MAPPER = (rs, i) -> new Member(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getObject(6, LocalDate.class), rs.getString(7),
            rs.getString(8));

    Members(JdbcClient jdbc, UnitStats stats) {
        this.jdbc = jdbc;
        this.stats = stats;
    }

    /** The member with a current period, if the employee is one. */
    public Optional<Member> current(long employeeId) {
        return jdbc.sql("""
                        SELECT m.id, m.employee_id, m.member_no, m.first_joined_on, p.unit_id, p.started_on AS period_started_on,
                               p.status, m.photo_key
                        FROM member m JOIN membership_period p ON p.member_id = m.id AND p.ended_on IS NULL
                        WHERE m.employee_id = ?""")
                .param(employeeId).query(MAPPER).optional();
    }

    /** How many of the given employees are members with a current period. */
    public long countCurrent(Collection<Long> employeeIds) {
        if (employeeIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        SELECT count(DISTINCT m.employee_id)
                        FROM member m JOIN membership_period p ON p.member_id = m.id AND p.ended_on IS NULL
                        WHERE m.employee_id = ANY(?)""")
                .param(employeeIds.toArray(Long[]::new)).query(Long.class).single();
    }

    /**
     * Which of the given employees were members on {@code day}: a period started on or before it and not ended by it
     * (a period ending on a day no longer covers that day).
     */
    public Set<Long> membersOn(Collection<Long> employeeIds, LocalDate day) {
        if (employeeIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT m.employee_id
                        FROM member m JOIN membership_period p ON p.member_id = m.id
                        WHERE m.employee_id = ANY(?) AND p.started_on <= ? AND (p.ended_on IS NULL OR p.ended_on > ?)""")
                .params(employeeIds.toArray(Long[]::new), day, day).query(Long.class).list());
    }

    /**
     * Which of the given employees were members on at least one day from {@code from} to {@code to} (both included):
     * a period started by {@code to} and not ended by {@code from}.
     */
    public Set<Long> membersDuring(Collection<Long> employeeIds, LocalDate from, LocalDate to) {
        if (employeeIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT m.employee_id
                        FROM member m JOIN membership_period p ON p.member_id = m.id
                        WHERE m.employee_id = ANY(?) AND p.started_on <= ? AND (p.ended_on IS NULL OR p.ended_on > ?)""")
                .params(employeeIds.toArray(Long[]::new), to, from).query(Long.class).list());
    }

    public Optional<Member> currentById(long memberId) {
        return jdbc.sql("""
                        SELECT m.id, m.employee_id, m.member_no, m.first_joined_on, p.unit_id, p.started_on AS period_started_on,
                               p.status, m.photo_key
                        FROM member m JOIN membership_period p ON p.member_id = m.id AND p.ended_on IS NULL
                        WHERE m.id = ?""")
                .param(memberId).query(MAPPER).optional();
    }

    /** The member record of someone who was a member before (their number is kept for life). */
    public Optional<Long> formerMemberId(long employeeId) {
        return jdbc.sql("SELECT id FROM member WHERE employee_id = ?").param(employeeId).query(Long.class).optional();
    }

    /**
     * The next member number of a unit: the unit's code and a sequence that only grows, so a number is
     * never given twice even after a member leaves.
     */
    public String nextNumber(long unitId) {
        int seq = jdbc.sql("""
                        INSERT INTO member_number (unit_id, last) VALUES (?, 1)
                        ON CONFLICT (unit_id) DO UPDATE SET last = member_number.last + 1 RETURNING last""")
                .param(unitId).query(Integer.class).single();
        return String.format("U%05d-%05d", unitId, seq);
    }

    public long create(long employeeId, String memberNo, LocalDate joinedOn) {
        return jdbc.sql("INSERT INTO member (employee_id, member_no, first_joined_on) VALUES (?, ?, ?) RETURNING id")
                .params(employeeId, memberNo, joinedOn).query(Long.class).single();
    }

    /** The card photo; null keeps the one there is. */
    public void setPhoto(long memberId, String photoKey) {
        if (photoKey != null) {
            jdbc.sql("UPDATE member SET photo_key = ? WHERE id = ?").params(photoKey, memberId).update();
        }
    }

    public String numberOf(long memberId) {
        return jdbc.sql("SELECT member_no FROM member WHERE id = ?").param(memberId).query(String.class).single();
    }

    public void startPeriod(long memberId, long unitId, LocalDate startedOn, String reason) {
        startPeriod(memberId, unitId, startedOn, reason, "ACTIVE");
    }

    public void startPeriod(long memberId, long unitId, LocalDate startedOn, String reason, String status) {
        jdbc.sql("""
                        INSERT INTO membership_period (member_id, unit_id, started_on, start_reason, status)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(memberId, unitId, startedOn, reason, status).update();
        stats.addMember(unitId, status, 1);
    }

    /** Ends the open period of a member; the row is kept as history. */
    public void endPeriod(long memberId, LocalDate endedOn, String reason) {
        jdbc.sql("""
                        UPDATE membership_period SET ended_on = ?, end_reason = ?
                        WHERE member_id = ? AND ended_on IS NULL RETURNING unit_id, status""")
                .params(endedOn, reason, memberId)
                .query((rs, i) -> {
                    stats.addMember(rs.getLong(1), rs.getString(2), -1);
                    return null;
                }).list();
    }

    /** Locks the member's row while their periods change, so two officers cannot end one period twice. */
    public void lock(long memberId) {
        jdbc.sql("SELECT id FROM member WHERE id = ? FOR UPDATE").param(memberId).query(Long.class).single();
    }

    /** By position, as {@link #MAPPER} and for its reason: the member's card and home page read the periods. */
    public List<Period> periods(long memberId) {
        return jdbc.sql("""
                        SELECT id, unit_id, status, started_on, start_reason, ended_on, end_reason FROM membership_period
                        WHERE member_id = ? ORDER BY started_on DESC, id DESC""")
                .param(memberId).query((rs, i) -> new Period(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getString(7))).list();
    }
}
