package org.tongxin.activity;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.activity.internal.Shift;
import org.tongxin.activity.internal.VolunteerProjects;
import org.tongxin.activity.internal.VolunteerShifts;

/**
 * Start-up set-up of volunteering for the demo enterprise and the benchmarks: projects, shifts at any date
 * (past ones too), places and hours, written as they would have been. No officer scope, no audit, no notices.
 */
@Service
public class VolunteerSetup {

    private final VolunteerProjects projects;
    private final VolunteerShifts shifts;

    VolunteerSetup(VolunteerProjects projects, VolunteerShifts shifts) {
        this.projects = projects;
        this.shifts = shifts;
    }

    /**
     * A project led by {@code leadUnitId} with co-organisers, open to the {@code audience} (MEMBERS or
     * EMPLOYEES) of {@code audienceUnitId}'s subtree; {@code status} DRAFT, PUBLISHED or CLOSED.
     */
    @Transactional
    public long project(String title, String description, String place, String audience, long audienceUnitId,
                        long leadUnitId, List<Long> coHosts, String status, long createdBy) {
        long id = projects.insert(new VolunteerProjects.Draft(title, description, place, audience, audienceUnitId,
                leadUnitId), status, createdBy);
        projects.setHosts(id, leadUnitId, coHosts);
        return id;
    }

    @Transactional
    public long shift(long projectId, OffsetDateTime startsAt, OffsetDateTime endsAt, String place, int needed) {
        return shifts.insert(projectId, startsAt, endsAt, place, needed);
    }

    /** Places for the employees on the shift, whenever it is; refused (nothing saved) beyond its places. */
    @Transactional
    public void signUp(long shiftId, Collection<Long> employeeIds) {
        for (long employeeId : employeeIds) {
            if (shifts.take(shiftId, employeeId) == VolunteerShifts.Take.FULL) {
                throw new IllegalArgumentException("shift " + shiftId + " has no place left");
            }
        }
    }

    /**
     * Hours of an ended shift as its organiser records them: the shift's length for everyone who came, 0 for
     * the {@code absent}; confirmed by {@code confirmedBy} (another account) unless null.
     */
    @Transactional
    public void hours(long shiftId, Collection<Long> absent, long recordedBy, Long confirmedBy, OffsetDateTime at) {
        Shift shift = shifts.find(shiftId).orElseThrow();
        for (VolunteerShifts.Volunteer v : shifts.roster(shiftId)) {
            boolean present = !absent.contains(v.employeeId());
            shifts.recordHours(v.signupId(), present, present ? shift.minutes() : 0);
        }
        shifts.recorded(shiftId, recordedBy, at);
        if (confirmedBy != null) {
            shifts.confirmed(shiftId, confirmedBy, at.plusHours(2));
        }
    }
}
