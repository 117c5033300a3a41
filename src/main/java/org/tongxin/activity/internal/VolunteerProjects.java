package org.tongxin.activity.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Volunteer projects and the bodies that host them. */
@Repository
public class VolunteerProjects {

    private static final String COLUMNS = "id, title, description, place, audience, audience_unit_id, lead_unit_id, "
            + "status, created_by, created_at";

    /** What a project is about, as entered. */
    public record Draft(String title, String description, String place, String audience, Long audienceUnitId,
                        long leadUnitId) {
    }

    private final JdbcClient jdbc;

    VolunteerProjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Draft d, String status, long createdBy) {
        return jdbc.sql("""
                        INSERT INTO volunteer_project (title, description, place, audience, audience_unit_id,
                          lead_unit_id, status, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(d.title(), d.description(), d.place(), d.audience(), d.audienceUnitId(), d.leadUnitId(), status,
                        createdBy)
                .query(Long.class).single();
    }

    public void update(long id, Draft d) {
        jdbc.sql("""
                        UPDATE volunteer_project SET title = ?, description = ?, place = ?, audience = ?,
                          audience_unit_id = ?
                        WHERE id = ?""")
                .params(d.title(), d.description(), d.place(), d.audience(), d.audienceUnitId(), id).update();
    }

    public Optional<VolunteerProject> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer_project WHERE id = ?").param(id)
                .query(VolunteerProject.class).optional();
    }

    public Optional<VolunteerProject> findForUpdate(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer_project WHERE id = ? FOR UPDATE").param(id)
                .query(VolunteerProject.class).optional();
    }

    public void setStatus(long id, String status) {
        jdbc.sql("UPDATE volunteer_project SET status = ? WHERE id = ?").params(status, id).update();
    }

    public void setHosts(long id, long leadUnitId, Collection<Long> coHosts) {
        jdbc.sql("DELETE FROM volunteer_project_host WHERE project_id = ?").param(id).update();
        jdbc.sql("INSERT INTO volunteer_project_host (project_id, unit_id, lead) VALUES (?, ?, true)")
                .params(id, leadUnitId).update();
        for (Long unit : coHosts) {
            if (unit != leadUnitId) {
                jdbc.sql("""
                                INSERT INTO volunteer_project_host (project_id, unit_id, lead) VALUES (?, ?, false)
                                ON CONFLICT DO NOTHING""")
                        .params(id, unit).update();
            }
        }
    }

    /** The hosts' unit ids, the lead first. */
    public List<Long> hosts(long id) {
        return jdbc.sql("SELECT unit_id FROM volunteer_project_host WHERE project_id = ? ORDER BY lead DESC, unit_id")
                .param(id).query(Long.class).list();
    }

    /**
     * Published projects whose audience reaches an employee of the unit path {@code pathIds} ({@code member}
     * or not), those with the soonest shift still to come first.
     */
    public List<VolunteerProject> openTo(List<Long> pathIds, boolean member, OffsetDateTime now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer_project p WHERE status = 'PUBLISHED'"
                        + " AND audience_unit_id = ANY(?::bigint[]) AND (audience = 'EMPLOYEES' OR ?)"
                        + " ORDER BY (SELECT min(s.starts_at) FROM volunteer_shift s WHERE s.project_id = p.id"
                        + " AND s.status = 'OPEN' AND s.starts_at > ?) NULLS LAST, id DESC LIMIT ?")
                .params(pathIds.toArray(Long[]::new), member, now, limit).query(VolunteerProject.class).list();
    }

    /** Projects led by any of the given units (all when null), newest first. */
    public List<VolunteerProject> ledBy(Collection<Long> unitIds, int limit) {
        if (unitIds != null && unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer_project"
                        + " WHERE (CAST(? AS BIGINT[]) IS NULL OR lead_unit_id = ANY(?)) ORDER BY id DESC LIMIT ?")
                .params(ids(unitIds), ids(unitIds), limit).query(VolunteerProject.class).list();
    }

    static Long[] ids(Collection<Long> unitIds) {
        return unitIds == null ? null : unitIds.toArray(Long[]::new);
    }
}
