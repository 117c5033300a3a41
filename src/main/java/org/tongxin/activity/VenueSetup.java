package org.tongxin.activity;

import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.activity.internal.Bookings;
import org.tongxin.activity.internal.Venues;

/**
 * Start-up set-up of shared venues for the demo enterprise and the benchmarks: venues and bookings written as
 * they stand, without officer scope or audit. Pages go through the officers' service instead.
 */
@Service
public class VenueSetup {

    private final Venues venues;
    private final Bookings bookings;

    VenueSetup(Venues venues, Bookings bookings) {
        this.venues = venues;
        this.bookings = bookings;
    }

    /**
     * A venue of {@code ownerUnitId}; {@code kind} is one of WORKERS_HOME, ACTIVITY_ROOM, COURT, GYM,
     * READING_ROOM, MEETING_ROOM, OTHER; {@code capacity} may be null.
     */
    @Transactional
    public long venue(long ownerUnitId, String name, String kind, String site, Integer capacity, String description,
                      long createdBy) {
        return venues.insert(ownerUnitId, new Venues.Details(name, kind, site, capacity, description), null, createdBy);
    }

    /**
     * A booking of the venue asked for by {@code unitId} through the account {@code requestedBy} (the employee
     * {@code requesterEmployeeId} behind it, told of decisions), approved by {@code approvedBy} or pending when
     * that is null. Overlapping an approved booking fails as it would on the page.
     */
    @Transactional
    public long booking(long venueId, long unitId, String purpose, OffsetDateTime startsAt, OffsetDateTime endsAt,
                        long requestedBy, Long requesterEmployeeId, String requesterName, Long approvedBy) {
        return bookings.insert(new Bookings.Request(venueId, unitId, null, purpose, startsAt, endsAt),
                new Bookings.Requester(requestedBy, requesterEmployeeId, requesterName), approvedBy);
    }
}
