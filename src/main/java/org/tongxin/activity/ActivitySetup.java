package org.tongxin.activity;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.activity.internal.Activities;
import org.tongxin.activity.internal.ActivityService;
import org.tongxin.activity.internal.Registrations;

/**
 * Start-up set-up of activities for the demo enterprise and the benchmarks: published activities with
 * their hosts and seats, sign-ups and check-ins, written as they would have happened. No officer scope is
 * checked and nothing is audited.
 */
@Service
public class ActivitySetup {

    private final Activities activities;
    private final Registrations registrations;
    private final JdbcClient jdbc;

    ActivitySetup(Activities activities, Registrations registrations, JdbcClient jdbc) {
        this.activities = activities;
        this.registrations = registrations;
        this.jdbc = jdbc;
    }

    /**
     * A published activity (status PUBLISHED, or HELD for one in the past) led by {@code leadUnitId}, open to the
     * members ({@code audience} MEMBERS) or employees (EMPLOYEES) of {@code audienceUnitId}.
     */
    @Transactional
    public long activity(String title, String type, String description, String place, OffsetDateTime startsAt,
                         OffsetDateTime endsAt, OffsetDateTime signupOpensAt, OffsetDateTime signupClosesAt,
                         int capacity, String audience, long audienceUnitId, boolean lottery, long leadUnitId,
                         List<Long> coHosts, String status, long createdBy) {
        long id = activities.insert(new Activities.Draft(title, type, description, place, null, startsAt, endsAt,
                signupOpensAt, signupClosesAt, capacity, audience, audienceUnitId, lottery, leadUnitId),
                ActivityService.newToken(), createdBy);
        activities.setHosts(id, leadUnitId, coHosts);
        activities.setStatus(id, status);
        activities.addSeats(id, capacity);
        return id;
    }

    /** Signs the employee up as at the front door: a seat while there is one, else the waitlist. */
    @Transactional
    public boolean register(long activityId, long employeeId, boolean takeSeat) {
        return registrations.register(activityId, employeeId, takeSeat).seatNo() != null;
    }

    /** Records that the employee with a seat came, at {@code at}. */
    @Transactional
    public void checkIn(long activityId, long employeeId, OffsetDateTime at) {
        registrations.active(activityId, employeeId).filter(Registrations.Entry::confirmed)
                .ifPresent(e -> registrations.checkIn(e.id(), at, 0));
    }

    /**
     * Past attendance in two statements, for a year of history: the employees signed up at {@code signedUpAt} and
     * seated in the order given (no more than the seats), the first {@code came} of them checked in at
     * {@code checkedInAt}.
     */
    @Transactional
    public void attendance(long activityId, List<Long> employeeIds, int came, OffsetDateTime signedUpAt,
                           OffsetDateTime checkedInAt) {
        jdbc.sql("""
                        INSERT INTO activity_registration (activity_id, employee_id, status, queue_no, created_at,
                          checked_in_at, checked_in_by)
                        SELECT ?, e, 'ACTIVE', nextval('activity_queue_seq'), ?,
                          CASE WHEN n <= ? THEN ?::timestamptz END, CASE WHEN n <= ? THEN 0 END
                        FROM unnest(?::bigint[]) WITH ORDINALITY AS x(e, n) ORDER BY n""")
                .params(activityId, signedUpAt, came, checkedInAt, came, employeeIds.toArray(Long[]::new)).update();
        jdbc.sql("""
                        UPDATE activity_seat s SET registration_id = r.id
                        FROM (SELECT id, row_number() OVER (ORDER BY queue_no) AS n FROM activity_registration
                              WHERE activity_id = ?) r
                        WHERE s.activity_id = ? AND s.seat_no = r.n""")
                .params(activityId, activityId).update();
    }
}
