package org.tongxin.activity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the activity module can tell other modules about people and bodies, read-only, for officer selection:
 * per person the activities attended (checked in), the confirmed volunteer hours and the honours held; per body
 * the activities and volunteer projects it led or co-hosted. Organising is credited to bodies (hosts), not to
 * the person who typed the activity in, so a person's organising shows through the bodies they serve.
 */
@Service
public class ActivityRecords {

    /** One person's records; zeros for someone with none. */
    public record Person(long employeeId, int activitiesAttended, BigDecimal volunteerHours, int honours) {

        static Person none(long employeeId) {
            return new Person(employeeId, 0, BigDecimal.ZERO, 0);
        }
    }

    /** One body's records: activities held (or summarised) and volunteer projects, as lead or co-host. */
    public record Body(long unitId, int activitiesHosted, int volunteerProjectsHosted) {

        public int total() {
            return activitiesHosted + volunteerProjectsHosted;
        }
    }

    private final JdbcClient jdbc;

    ActivityRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The records of each person asked for (everyone asked for is in the answer). */
    public Map<Long, Person> ofPeople(Collection<Long> employeeIds) {
        Map<Long, Person> out = new HashMap<>();
        employeeIds.forEach(id -> out.put(id, Person.none(id)));
        if (employeeIds.isEmpty()) {
            return out;
        }
        Long[] ids = employeeIds.toArray(Long[]::new);
        jdbc.sql("""
                        SELECT p.id,
                          (SELECT count(*) FROM activity_registration r WHERE r.employee_id = p.id
                             AND r.status = 'ACTIVE' AND r.checked_in_at IS NOT NULL),
                          (SELECT coalesce(sum(g.minutes), 0) FROM volunteer_signup g
                             JOIN volunteer_shift s ON s.id = g.shift_id
                             WHERE g.employee_id = p.id AND g.status = 'ACTIVE' AND s.status = 'CONFIRMED'),
                          (SELECT count(*) FROM honour h WHERE h.employee_id = p.id AND h.revoked_at IS NULL)
                        FROM unnest(?::bigint[]) AS p(id)""")
                .param(ids)
                .query((rs, i) -> new Person(rs.getLong(1), rs.getInt(2),
                        BigDecimal.valueOf(rs.getLong(3)).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP),
                        rs.getInt(4)))
                .list().forEach(p -> out.put(p.employeeId(), p));
        return out;
    }

    /** The records of each body asked for (everyone asked for is in the answer). */
    public Map<Long, Body> ofBodies(Collection<Long> unitIds) {
        Map<Long, Body> out = new HashMap<>();
        unitIds.forEach(id -> out.put(id, new Body(id, 0, 0)));
        if (unitIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT u.id,
                          (SELECT count(*) FROM activity_host h JOIN activity a ON a.id = h.activity_id
                             WHERE h.unit_id = u.id AND a.status IN ('HELD', 'SUMMARISED')),
                          (SELECT count(*) FROM volunteer_project_host h JOIN volunteer_project v ON v.id = h.project_id
                             WHERE h.unit_id = u.id AND v.status IN ('PUBLISHED', 'CLOSED'))
                        FROM unnest(?::bigint[]) AS u(id)""")
                .param(unitIds.toArray(Long[]::new))
                .query((rs, i) -> new Body(rs.getLong(1), rs.getInt(2), rs.getInt(3)))
                .list().forEach(b -> out.put(b.unitId(), b));
        return out;
    }
}
