package org.tongxin.activity.results;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.shared.files.Photos;

/** Activity summaries, their photos, and the attendance they report (read from the check-ins). */
@Repository
public class Summaries {

    /** A published summary. */
    public record Summary(long activityId, String outcomes, long publishedBy, OffsetDateTime publishedAt) {
    }

    /** One photo of a gallery, in two sizes. */
    public record Photo(long id, long activityId, int position, String thumbKey, int thumbWidth, int thumbHeight,
                        String imageKey, int imageWidth, int imageHeight) {
    }

    /** A summary as lists show it: the activity, its first photo (if any) and how many came. */
    public record Latest(long activityId, String title, OffsetDateTime startsAt, OffsetDateTime publishedAt,
                         Long coverPhotoId, int attended) {
    }

    /** An activity that has ended and waits for its summary. */
    public record Awaiting(long activityId, String title, OffsetDateTime endsAt) {
    }

    private static final String LATEST = """
            SELECT a.id AS activity_id, a.title, a.starts_at, s.published_at,
              (SELECT p.id FROM activity_photo p WHERE p.activity_id = s.activity_id ORDER BY p.position LIMIT 1)
                AS cover_photo_id,
              (SELECT count(*) FROM activity_registration r WHERE r.activity_id = a.id AND r.status = 'ACTIVE'
                AND r.checked_in_at IS NOT NULL)::int AS attended
            FROM activity_summary s JOIN activity a ON a.id = s.activity_id""";

    private final JdbcClient jdbc;

    Summaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long activityId, String outcomes, long publishedBy, OffsetDateTime publishedAt) {
        jdbc.sql("INSERT INTO activity_summary (activity_id, outcomes, published_by, published_at) VALUES (?, ?, ?, ?)")
                .params(activityId, outcomes, publishedBy, publishedAt).update();
    }

    public void addPhoto(long activityId, int position, Photos.Stored photo) {
        jdbc.sql("""
                        INSERT INTO activity_photo (activity_id, position, thumb_key, thumb_width, thumb_height, image_key,
                          image_width, image_height) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(activityId, position, photo.thumbKey(), photo.thumbWidth(), photo.thumbHeight(), photo.imageKey(),
                        photo.imageWidth(), photo.imageHeight())
                .update();
    }

    public Optional<Summary> find(long activityId) {
        return jdbc.sql("SELECT activity_id, outcomes, published_by, published_at FROM activity_summary WHERE activity_id = ?")
                .param(activityId).query(Summary.class).optional();
    }

    public List<Photo> photos(long activityId) {
        return jdbc.sql("""
                        SELECT id, activity_id, position, thumb_key, thumb_width, thumb_height, image_key, image_width,
                          image_height FROM activity_photo WHERE activity_id = ? ORDER BY position""")
                .param(activityId).query(Photo.class).list();
    }

    public Optional<Photo> photo(long id) {
        return jdbc.sql("""
                        SELECT id, activity_id, position, thumb_key, thumb_width, thumb_height, image_key, image_width,
                          image_height FROM activity_photo WHERE id = ?""")
                .param(id).query(Photo.class).optional();
    }

    /** Everyone checked in, in the order they arrived. */
    public List<Long> attendees(long activityId) {
        return jdbc.sql("""
                        SELECT employee_id FROM activity_registration
                        WHERE activity_id = ? AND status = 'ACTIVE' AND checked_in_at IS NOT NULL
                        ORDER BY checked_in_at, id""")
                .param(activityId).query(Long.class).list();
    }

    public int attended(long activityId) {
        return jdbc.sql("""
                        SELECT count(*)::int FROM activity_registration
                        WHERE activity_id = ? AND status = 'ACTIVE' AND checked_in_at IS NOT NULL""")
                .param(activityId).query(Integer.class).single();
    }

    /** The latest summaries of activities the unit hosted, as lead or co-host. */
    public List<Latest> hostedBy(long unitId, int limit) {
        return jdbc.sql(LATEST + """
                         WHERE EXISTS (SELECT 1 FROM activity_host h WHERE h.activity_id = a.id AND h.unit_id = ?)
                        ORDER BY s.published_at DESC, a.id DESC LIMIT ?""")
                .params(unitId, limit).query(Latest.class).list();
    }

    /**
     * The latest summaries an employee of the unit path {@code pathIds} may see (for the audience subtree or a
     * host on the path, or listing them), plus those of activities hosted by {@code managedUnitIds} (all
     * when null).
     */
    public List<Latest> visibleTo(List<Long> pathIds, Long employeeId, Collection<Long> managedUnitIds, int limit) {
        return jdbc.sql(LATEST + """
                         WHERE CAST(? AS BOOLEAN)
                          OR a.audience_unit_id = ANY(?::bigint[])
                          OR EXISTS (SELECT 1 FROM activity_host h WHERE h.activity_id = a.id
                            AND h.unit_id = ANY(?::bigint[]))
                          OR EXISTS (SELECT 1 FROM activity_invitee i WHERE i.activity_id = a.id AND i.employee_id = ?)
                        ORDER BY s.published_at DESC, a.id DESC LIMIT ?""")
                .params(managedUnitIds == null, pathIds.toArray(Long[]::new),
                        (managedUnitIds == null ? pathIds : concat(pathIds, managedUnitIds)).toArray(Long[]::new),
                        employeeId, limit)
                .query(Latest.class).list();
    }

    private static List<Long> concat(List<Long> a, Collection<Long> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /** Activities led by any of the units that have ended and have no summary yet, latest first. */
    public List<Awaiting> awaiting(Collection<Long> leadUnitIds, OffsetDateTime now, int limit) {
        if (leadUnitIds != null && leadUnitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT a.id AS activity_id, a.title, a.ends_at FROM activity a
                        WHERE a.status IN ('PUBLISHED', 'HELD') AND a.ends_at <= ?
                          AND (CAST(? AS BOOLEAN) OR a.lead_unit_id = ANY(?::bigint[]))
                        ORDER BY a.ends_at DESC, a.id DESC LIMIT ?""")
                .params(now, leadUnitIds == null, (leadUnitIds == null ? List.<Long>of() : leadUnitIds)
                        .toArray(Long[]::new), limit)
                .query(Awaiting.class).list();
    }
}
