package org.tongxin.membership.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ceremonies, their invitees and attendance. */
@Repository
public class Ceremonies {

    private static final String COLUMNS = "id, unit_id, title, starts_at, place, status";

    /** An invited member with their name and whether they came (null until recorded). */
    public record Invitee(long memberId, long employeeId, String memberNo, Boolean attended) {
    }

    /** A ceremony a member was invited to, for the member's history. */
    public record Invitation(String title, OffsetDateTime startsAt, String place, Boolean attended) {
    }

    private final JdbcClient jdbc;

    Ceremonies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long schedule(long unitId, String title, OffsetDateTime startsAt, String place, long createdBy,
                         Collection<Long> memberIds) {
        long id = jdbc.sql("""
                        INSERT INTO ceremony (unit_id, title, starts_at, place, status, created_by)
                        VALUES (?, ?, ?, ?, 'SCHEDULED', ?) RETURNING id""")
                .params(unitId, title.trim(), startsAt, place.trim(), createdBy).query(Long.class).single();
        if (!memberIds.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO ceremony_invitee (ceremony_id, member_id)
                            SELECT ?, unnest(string_to_array(?, ','))::bigint""")
                    .params(id, memberIds.stream().map(String::valueOf).collect(Collectors.joining(","))).update();
        }
        return id;
    }

    public Optional<Ceremony> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ceremony WHERE id = ?").param(id).query(Ceremony.class).optional();
    }

    public List<Ceremony> ofUnits(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM ceremony WHERE unit_id = ANY(string_to_array(?, ',')::bigint[]) "
                        + "ORDER BY starts_at DESC LIMIT 50")
                .param(unitIds.stream().map(String::valueOf).collect(Collectors.joining(","))).query(Ceremony.class)
                .list();
    }

    /** When the unit last held or scheduled a ceremony. */
    public Optional<OffsetDateTime> lastOf(long unitId) {
        return jdbc.sql("SELECT max(starts_at) FROM ceremony WHERE unit_id = ?").param(unitId)
                .query(OffsetDateTime.class).optional();
    }

    public List<Invitee> invitees(long ceremonyId) {
        return jdbc.sql("""
                        SELECT i.member_id, m.employee_id, m.member_no, i.attended FROM ceremony_invitee i
                        JOIN member m ON m.id = i.member_id WHERE i.ceremony_id = ? ORDER BY m.member_no""")
                .param(ceremonyId).query(Invitee.class).list();
    }

    /** Records who came; everyone invited and not ticked is recorded as absent. */
    public void recordAttendance(long ceremonyId, Collection<Long> present) {
        jdbc.sql("""
                        UPDATE ceremony_invitee SET attended = member_id = ANY(string_to_array(?, ',')::bigint[])
                        WHERE ceremony_id = ?""")
                .params(present.stream().map(String::valueOf).collect(Collectors.joining(",")), ceremonyId).update();
        jdbc.sql("UPDATE ceremony SET status = 'HELD' WHERE id = ?").param(ceremonyId).update();
    }

    public List<Invitation> invitationsOf(long memberId) {
        return jdbc.sql("""
                        SELECT c.title, c.starts_at, c.place, i.attended FROM ceremony_invitee i
                        JOIN ceremony c ON c.id = i.ceremony_id WHERE i.member_id = ? ORDER BY c.starts_at DESC""")
                .param(memberId).query(Invitation.class).list();
    }

    /**
     * Members of the given units who joined (or rejoined) on or after {@code since} and before
     * {@code before}: the default invitees.
     */
    public List<Long> newMembers(Collection<Long> unitIds, LocalDate since, LocalDate before) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT p.member_id FROM membership_period p
                        WHERE p.unit_id = ANY(string_to_array(?, ',')::bigint[]) AND p.ended_on IS NULL
                          AND p.status = 'ACTIVE' AND p.start_reason IN ('JOINED', 'REJOINED') AND p.started_on >= ?
                          AND p.started_on < ?
                        ORDER BY p.member_id""")
                .params(unitIds.stream().map(String::valueOf).collect(Collectors.joining(",")), since, before)
                .query(Long.class).list();
    }
}
