package org.tongxin.activity;

import java.time.OffsetDateTime;
import java.util.List;
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

    ActivitySetup(Activities activities, Registrations registrations) {
        this.activities = activities;
        this.registrations = registrations;
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
}
