package org.tongxin.activity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.activity.internal.Activities;
import org.tongxin.activity.internal.Registrations;
import org.tongxin.activity.results.HonourKind;
import org.tongxin.activity.results.HonourService;
import org.tongxin.activity.results.Honours;
import org.tongxin.activity.results.Photos;
import org.tongxin.activity.results.ResultsService;
import org.tongxin.org.OrgDirectory;

/**
 * Start-up set-up of activity results for the demo enterprise and for records carried over from an earlier
 * system: activities that took place, their summaries and galleries, honours. No officer scope is checked
 * and nothing is audited, so only start-up code (the demo loader, benchmarks) calls it.
 */
@Service
public class ResultsSetup {

    private final Activities activities;
    private final Registrations registrations;
    private final ResultsService results;
    private final Honours honours;
    private final Photos photos;
    private final OrgDirectory org;

    ResultsSetup(Activities activities, Registrations registrations, ResultsService results, Honours honours,
                 Photos photos, OrgDirectory org) {
        this.activities = activities;
        this.registrations = registrations;
        this.results = results;
        this.honours = honours;
        this.photos = photos;
        this.org = org;
    }

    /**
     * A published activity for the employees of {@code audienceUnitId}'s subtree, led by {@code leadUnitId}
     * with {@code coHosts}, whose sign-up closed the day before it started; {@code attendees} hold a seat and
     * checked in at the start.
     */
    @Transactional
    public long activity(String title, String type, String description, String place, OffsetDateTime startsAt,
                         OffsetDateTime endsAt, long leadUnitId, List<Long> coHosts, long audienceUnitId,
                         List<Long> attendees, long createdBy) {
        int capacity = Math.max(30, attendees.size() + 10);
        long id = activities.insert(new Activities.Draft(title, type, description, place, null, startsAt, endsAt,
                startsAt.minusDays(14), startsAt.minusDays(1), capacity, "EMPLOYEES", audienceUnitId, false,
                leadUnitId), UUID.randomUUID().toString(), createdBy);
        activities.setHosts(id, leadUnitId, coHosts);
        activities.setStatus(id, "PUBLISHED");
        activities.addSeats(id, capacity);
        int minute = 0;
        for (long employee : attendees) {
            Long registration = registrations.register(id, employee, true).registrationId();
            registrations.checkIn(registration, startsAt.minusMinutes(20).plusMinutes(minute++ % 30), createdBy);
        }
        return id;
    }

    /** The summary of an activity with its photos (JPEG, PNG or WebP, resized as on upload), as of {@code at}. */
    @Transactional
    public void summary(long activityId, String outcomes, List<byte[]> photoFiles, long publishedBy,
                        OffsetDateTime at) {
        results.record(activityId, outcomes, photoFiles.stream().map(photos::prepare).toList(), publishedBy, at);
    }

    /**
     * An honour given by {@code awardingUnitId} to a person ({@code employeeId}) or a team ({@code teamUnitId});
     * {@code kind} is one of MODEL_WORKER, CRAFTSMAN, ADVANCED_INDIVIDUAL, ADVANCED_TEAM, OUTSTANDING_VOLUNTEER,
     * OTHER (which needs a {@code title}); {@code photo} may be null.
     */
    @Transactional
    public long honour(long awardingUnitId, String kind, String title, int year, String citation, Long employeeId,
                       Long teamUnitId, byte[] photo, long givenBy) {
        long recipientUnit = employeeId != null ? org.employee(employeeId).orElseThrow().unitId() : teamUnitId;
        Photos.Stored stored = photo == null ? null : photos.store(HonourService.FOLDER, photos.prepare(photo));
        return honours.insert(new Honours.NewHonour(HonourKind.valueOf(kind), title, year, citation, awardingUnitId,
                employeeId, teamUnitId, recipientUnit, stored, givenBy));
    }
}
