package org.tongxin.activity.internal;

import java.io.Serializable;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Shared venues (阵地一起用): every officer sees every venue and its calendar, so any body can find one to
 * borrow; officers who manage the owning body keep the venue and approve or decline requests; an officer asks
 * in the name of a body they manage. A request from someone who could approve it is approved at once. Two
 * approved bookings of one venue never overlap: the database refuses it (an exclusion constraint), and that
 * refusal becomes "时间与已批准的预约冲突". Activities at a venue book it through the {@code activity…} methods.
 */
@Service
public class VenueService {

    static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;
    static final Duration LONGEST = Duration.ofDays(31);
    private static final String NO_OVERLAP = "activity_booking_no_overlap";
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** A venue's form as typed; capacity stays text so a refused form comes back as it was. */
    public record VenueForm(String name, String kind, String site, String capacity, String description)
            implements Serializable {

        public static VenueForm of(Venue v) {
            return new VenueForm(v.name(), v.kind(), v.site(), v.capacity() == null ? "" : v.capacity().toString(),
                    v.description());
        }
    }

    /** A venue in the list, with its owner named; {@code ours} when the viewer keeps it. */
    public record Listing(Venue venue, String ownerName, boolean ours) {
    }

    /** A booking in a list, with its venue and the body that asked named, and its time in the local zone. */
    public record Line(Booking booking, String venueName, String unitName, String when, boolean conflicts) {
    }

    /** The venue list page: the venues, requests waiting for the viewer, the viewer's bodies' bookings. */
    public record Overview(List<Listing> venues, List<Line> toDecide, List<Line> ours, List<OrgUnit> bodies) {
    }

    /** One booking on one day of the calendar; {@code open} when the viewer may open it (owner or asker). */
    public record Slot(Booking booking, String time, String unitName, boolean open) {
    }

    public record Day(LocalDate date, boolean today, List<Slot> slots) {
    }

    /** A venue's page: the venue, a week of its calendar, and the bodies the viewer may ask for it in the name of. */
    public record Calendar(Venue venue, String ownerName, boolean mayManage, LocalDate weekStart, List<Day> days,
                           List<OrgUnit> bodies) {
    }

    /** One booking as its page shows it to the owner's officers and the asking body's officers. */
    public record BookingView(Booking booking, Venue venue, String ownerName, String unitName, String when,
                              LocalDate day, boolean mayDecide, boolean mayCancel, boolean conflicts) {
    }

    /** What an activity's page says about its venue: the venue and where its booking stands. */
    public record ActivityVenue(long venueId, String venueName, String status) {
    }

    private final Venues venues;
    private final Bookings bookings;
    private final OrgDirectory org;
    private final FileStore files;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VenueService(Venues venues, Bookings bookings, OrgDirectory org, FileStore files, AuditTrail audit,
                 ApplicationEventPublisher events, Optional<Clock> clock) {
        this.venues = venues;
        this.bookings = bookings;
        this.org = org;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    ZoneId zone() {
        return clock.getZone();
    }

    // ---- venues

    /** A new venue owned by a body the officer manages; the photo is optional. */
    @Transactional
    public long create(Viewer officer, long ownerUnitId, VenueForm form, byte[] photo) {
        OrgUnit owner = org.managedUnit(officer, ownerUnitId);
        if (owner.isClosed()) {
            throw new Refusal("venue.error.ownerClosed");
        }
        Venues.Details d = details(form);
        if (venues.nameTaken(owner.id(), d.name(), 0)) {
            throw new Refusal("venue.error.nameTaken");
        }
        String photoKey = photo == null || photo.length == 0 ? null : files.storeImage("venues", photo, MAX_PHOTO_BYTES);
        long id = venues.insert(owner.id(), d, photoKey, officer.accountId());
        audit.record(officer, "venue.create", "activity_venue", id, owner.id(), d.name(), null, facts(d, photoKey));
        return id;
    }

    /** Changes a venue the officer keeps; a new photo replaces the old one, none keeps it. */
    @Transactional
    public void update(Viewer officer, long venueId, VenueForm form, byte[] photo) {
        Venue v = kept(officer, venueId);
        Venues.Details d = details(form);
        if (venues.nameTaken(v.ownerUnitId(), d.name(), v.id())) {
            throw new Refusal("venue.error.nameTaken");
        }
        venues.update(v.id(), d);
        String photoKey = v.photoKey();
        if (photo != null && photo.length > 0) {
            photoKey = files.storeImage("venues", photo, MAX_PHOTO_BYTES);
            venues.setPhoto(v.id(), photoKey);
        }
        audit.record(officer, "venue.update", "activity_venue", v.id(), v.ownerUnitId(), d.name(),
                facts(new Venues.Details(v.name(), v.kind(), v.site(), v.capacity(), v.description()), v.photoKey()),
                facts(d, photoKey));
    }

    private static Map<String, Object> facts(Venues.Details d, String photoKey) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", d.name());
        facts.put("kind", d.kind());
        facts.put("site", d.site());
        facts.put("capacity", d.capacity());
        facts.put("photo", photoKey == null ? "—" : photoKey);
        return facts;
    }

    private static Venues.Details details(VenueForm f) {
        String name = f.name() == null ? "" : f.name().strip();
        String site = f.site() == null ? "" : f.site().strip();
        String description = f.description() == null ? "" : f.description().strip();
        if (name.isEmpty() || name.length() > 100 || site.isEmpty() || site.length() > 200 || description.length() > 2000
                || !Venue.KINDS.contains(f.kind())) {
            throw new Refusal("venue.error.incomplete");
        }
        Integer capacity = null;
        if (f.capacity() != null && !f.capacity().isBlank()) {
            try {
                capacity = Integer.valueOf(f.capacity().strip());
            } catch (NumberFormatException e) {
                throw new Refusal("venue.error.capacity");
            }
            if (capacity < 1 || capacity > 100000) {
                throw new Refusal("venue.error.capacity");
            }
        }
        return new Venues.Details(name, f.kind(), site, capacity, description);
    }

    /** The venue when the officer manages its owner; 404 otherwise. */
    private Venue kept(Viewer officer, long venueId) {
        Venue v = venues.find(venueId).orElseThrow(() -> new NotFoundException("venue " + venueId));
        org.managedUnit(officer, v.ownerUnitId());
        return v;
    }

    /** Any venue, for any officer: venues are shared so that every body can find one to borrow. */
    private Venue shown(Viewer viewer, long venueId) {
        if (!viewer.isOfficerOrAbove()) {
            throw new OutOfScopeException("venue " + venueId);
        }
        return venues.find(venueId).orElseThrow(() -> new NotFoundException("venue " + venueId));
    }

    /** The venue's photo, for any officer. */
    public FileStore.Image photo(Viewer viewer, long venueId) {
        Venue v = shown(viewer, venueId);
        return Optional.ofNullable(v.photoKey()).flatMap(files::readImage)
                .orElseThrow(() -> new NotFoundException("photo of venue " + venueId));
    }

    /** The venue with its owner, for the edit form of those who keep it. */
    public Listing editable(Viewer officer, long venueId) {
        Venue v = kept(officer, venueId);
        return new Listing(v, unitName(v.ownerUnitId()), true);
    }

    // ---- pages

    /** Every venue matching the search; the requests waiting for the viewer; the viewer's bodies' bookings. */
    public Overview overview(Viewer viewer, String q, String kind) {
        if (!viewer.isOfficerOrAbove()) {
            throw new OutOfScopeException("venues");
        }
        Names names = new Names();
        List<Listing> list = venues.search(q, kind, 300).stream()
                .map(v -> new Listing(v, names.of(v.ownerUnitId()), manages(viewer, v.ownerUnitId())))
                .toList();
        OffsetDateTime now = now();
        Map<Long, Venue> venueCache = new HashMap<>();
        List<Line> toDecide = bookings.pendingFor(org.manageableUnitIds(viewer).orElse(null), now, 100).stream()
                .map(b -> line(b, venueCache, names, true)).toList();
        List<OrgUnit> bodies = bodies(viewer);
        List<Line> ours = bookings.askedBy(bodies.stream().map(OrgUnit::id).toList(), now, 100).stream()
                .map(b -> line(b, venueCache, names, false)).toList();
        return new Overview(list, toDecide, ours, bodies);
    }

    private Line line(Booking b, Map<Long, Venue> venueCache, Names names, boolean checkConflict) {
        Venue v = venueCache.computeIfAbsent(b.venueId(), id -> venues.find(id).orElseThrow());
        boolean conflicts = checkConflict && b.isPending()
                && bookings.overlapsApproved(b.venueId(), b.startsAt(), b.endsAt());
        return new Line(b, v.name(), names.of(b.unitId()), when(b.startsAt(), b.endsAt()), conflicts);
    }

    /** Requests not yet over waiting for the officer's decision, for the home tab. */
    public int waitingFor(Viewer viewer) {
        if (!viewer.isOfficerOrAbove()) {
            return 0;
        }
        return bookings.countPendingFor(org.manageableUnitIds(viewer).orElse(null), now());
    }

    /** A venue with the week (Monday to Sunday) around {@code day} of its calendar; today's week by default. */
    public Calendar calendar(Viewer viewer, long venueId, LocalDate day) {
        Venue v = shown(viewer, venueId);
        LocalDate today = LocalDate.now(clock);
        LocalDate monday = (day == null ? today : day).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        OffsetDateTime from = start(monday);
        List<Booking> week = bookings.live(v.id(), from, start(monday.plusDays(7)));
        Names names = new Names();
        boolean owner = manages(viewer, v.ownerUnitId());
        List<Day> days = new ArrayList<>(7);
        for (int i = 0; i < 7; i++) {
            LocalDate date = monday.plusDays(i);
            OffsetDateTime dayStart = start(date);
            OffsetDateTime dayEnd = start(date.plusDays(1));
            List<Slot> slots = week.stream()
                    .filter(b -> b.startsAt().isBefore(dayEnd) && b.endsAt().isAfter(dayStart))
                    .map(b -> new Slot(b, timeOnDay(b, dayStart, dayEnd), names.of(b.unitId()),
                            owner || manages(viewer, b.unitId())))
                    .toList();
            days.add(new Day(date, date.equals(today), slots));
        }
        return new Calendar(v, names.of(v.ownerUnitId()), owner, monday, days, bodies(viewer));
    }

    private String timeOnDay(Booking b, OffsetDateTime dayStart, OffsetDateTime dayEnd) {
        OffsetDateTime from = b.startsAt().isBefore(dayStart) ? dayStart : b.startsAt();
        OffsetDateTime to = b.endsAt().isAfter(dayEnd) ? dayEnd : b.endsAt();
        return TIME.format(from.atZoneSameInstant(zone())) + "–"
                + (to.isEqual(dayEnd) ? "24:00" : TIME.format(to.atZoneSameInstant(zone())));
    }

    private OffsetDateTime start(LocalDate date) {
        return date.atStartOfDay(zone()).toOffsetDateTime();
    }

    /**
     * The bodies an officer may ask in the name of: the units they hold office in and the partner bodies (团委,
     * 女工委, 党支部) beside them, open ones only.
     */
    public List<OrgUnit> bodies(Viewer viewer) {
        List<OrgUnit> bodies = new ArrayList<>();
        viewer.officerUnits().stream().sorted()
                .forEach(id -> org.unit(id).filter(u -> !u.isClosed()).ifPresent(bodies::add));
        if (!bodies.isEmpty()) {
            org.partnerBodies().stream().filter(p -> viewer.officerUnits().contains(p.besideId())).forEach(bodies::add);
        }
        return bodies;
    }

    /** A booking for the owner's officers and the asking body's officers; 404 for anyone else. */
    public BookingView booking(Viewer viewer, long bookingId) {
        Sides s = sides(viewer, bookings.find(bookingId), bookingId);
        Booking b = s.booking();
        boolean open = b.endsAt().isAfter(now());
        return new BookingView(b, s.venue(), unitName(s.venue().ownerUnitId()), unitName(b.unitId()),
                when(b.startsAt(), b.endsAt()), b.startsAt().atZoneSameInstant(zone()).toLocalDate(),
                s.owner() && open && b.isPending(), open && mayCancel(b, s.owner(), s.asker()),
                b.isPending() && bookings.overlapsApproved(b.venueId(), b.startsAt(), b.endsAt()));
    }

    /** A booking with its venue, and whether the viewer stands on the owner's side, the asking side or both. */
    private record Sides(Booking booking, Venue venue, boolean owner, boolean asker) {
    }

    /** The booking's sides for a viewer on at least one of them; 404 for anyone else. */
    private Sides sides(Viewer viewer, Optional<Booking> found, long bookingId) {
        Booking b = found.orElseThrow(() -> new NotFoundException("booking " + bookingId));
        Venue v = venues.find(b.venueId()).orElseThrow();
        Sides s = new Sides(b, v, manages(viewer, v.ownerUnitId()), manages(viewer, b.unitId()));
        if (!s.owner() && !s.asker()) {
            throw new OutOfScopeException("booking " + bookingId);
        }
        return s;
    }

    // ---- bookings

    /** A request as typed: the asking body, the purpose, and local date-times such as {@code 2026-11-20T09:00}. */
    public record RequestForm(Long unitId, String purpose, String startsAt, String endsAt)
            implements Serializable {
    }

    /**
     * Asks for the venue in the name of a body the officer manages. Approved at once when the officer could
     * approve it (they manage the owner), otherwise pending and the owner's officers are told.
     */
    @Transactional
    public long request(Viewer officer, long venueId, RequestForm form) {
        if (form.unitId() == null) {
            throw new Refusal("venue.error.body");
        }
        OrgUnit body = org.managedUnit(officer, form.unitId());
        Venue v = shown(officer, venueId);
        if (body.isClosed()) {
            throw new Refusal("venue.error.body");
        }
        OffsetDateTime startsAt = localTime(form.startsAt());
        OffsetDateTime endsAt = localTime(form.endsAt());
        checkTimes(startsAt, endsAt);
        if (startsAt.isBefore(now())) {
            throw new Refusal("venue.error.past");
        }
        return insert(officer, v, new Bookings.Request(v.id(), body.id(), null, purpose(form.purpose()), startsAt,
                endsAt));
    }

    private OffsetDateTime localTime(String text) {
        try {
            return text == null || text.isBlank() ? null
                    : LocalDateTime.parse(text.strip()).atZone(zone()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String purpose(String purpose) {
        String p = purpose == null ? "" : purpose.strip();
        if (p.isEmpty() || p.length() > 200) {
            throw new Refusal("venue.error.purpose");
        }
        return p;
    }

    private void checkTimes(OffsetDateTime startsAt, OffsetDateTime endsAt) {
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)
                || Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
            throw new Refusal("venue.error.times");
        }
        if (!endsAt.isAfter(now())) {
            throw new Refusal("venue.error.past");
        }
    }

    private long insert(Viewer officer, Venue v, Bookings.Request r) {
        boolean atOnce = manages(officer, v.ownerUnitId());
        // A pending request may overlap other pending ones (the owner picks), never an approved one: it could
        // not be approved, so asking is refused at once. The constraint still guards the approval itself.
        if (!atOnce && bookings.overlapsApproved(v.id(), r.startsAt(), r.endsAt())) {
            throw new Refusal("venue.error.conflict");
        }
        long id = refusingDoubleBooking(v.id(), () -> bookings.insert(r, new Bookings.Requester(officer.accountId(),
                officer.employeeId(), officer.displayName()), atOnce ? officer.accountId() : null));
        audit.record(officer, "venue.booking.request", "activity_booking", id, r.unitId(), v.name(), null,
                bookingFacts(atOnce ? "APPROVED" : "PENDING", r.startsAt(), r.endsAt(), r.activityId()));
        if (!atOnce) {
            String body = unitName(r.unitId());
            String when = when(r.startsAt(), r.endsAt());
            tell(NotificationRequested.toOfficersOf(v.ownerUnitId(),
                    Message.of(NoticeKind.ACTIVITY, "activity.venue-requested", link(id), v.name(), body, when,
                            r.purpose())));
        }
        return id;
    }

    private static Map<String, Object> bookingFacts(String status, OffsetDateTime startsAt, OffsetDateTime endsAt,
                                                    Long activityId) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("status", status);
        facts.put("startsAt", startsAt);
        facts.put("endsAt", endsAt);
        if (activityId != null) {
            facts.put("activity", activityId);
        }
        return facts;
    }

    /** Approves a pending request for a venue the officer keeps; refused when it overlaps an approved booking. */
    @Transactional
    public void approve(Viewer officer, long bookingId) {
        Decision d = decision(officer, bookingId);
        refusingDoubleBooking(d.venue().id(), () -> {
            bookings.approve(d.booking().id(), officer.accountId());
            return null;
        });
        audit.record(officer, "venue.booking.approve", "activity_booking", bookingId, d.venue().ownerUnitId(),
                d.venue().name(), Map.of("status", "PENDING"), Map.of("status", "APPROVED"));
        tellAsker(officer, d.booking(), Message.of(NoticeKind.ACTIVITY, "activity.venue-approved",
                link(bookingId), d.venue().name(), when(d.booking().startsAt(), d.booking().endsAt())));
    }

    /** Declines a pending request with a reason the asker reads. */
    @Transactional
    public void decline(Viewer officer, long bookingId, String reason) {
        Decision d = decision(officer, bookingId);
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty() || r.length() > 500) {
            throw new Refusal("venue.error.reason");
        }
        bookings.decline(bookingId, officer.accountId(), r);
        audit.record(officer, "venue.booking.decline", "activity_booking", bookingId, d.venue().ownerUnitId(),
                d.venue().name(), Map.of("status", "PENDING"), Map.of("status", "DECLINED", "reason", r));
        tellAsker(officer, d.booking(), Message.of(NoticeKind.ACTIVITY, "activity.venue-declined",
                link(bookingId), d.venue().name(), when(d.booking().startsAt(), d.booking().endsAt()), r));
    }

    private record Decision(Booking booking, Venue venue) {
    }

    /** The pending, locked booking of a venue the officer keeps: 404 for anyone else, so asking does not mean deciding. */
    private Decision decision(Viewer officer, long bookingId) {
        Booking b = bookings.findForUpdate(bookingId).orElseThrow(() -> new NotFoundException("booking " + bookingId));
        Venue v = kept(officer, b.venueId());
        if (!b.isPending()) {
            throw new Refusal("venue.error.notPending");
        }
        if (!b.endsAt().isAfter(now())) {
            throw new Refusal("venue.error.over");
        }
        return new Decision(b, v);
    }

    /** Cancels a pending or approved booking (see {@link #mayCancel}); the other side is told. */
    @Transactional
    public void cancel(Viewer officer, long bookingId) {
        Sides s = sides(officer, bookings.findForUpdate(bookingId), bookingId);
        Booking b = s.booking();
        if (!b.isLive()) {
            throw new Refusal("venue.error.notLive");
        }
        if (!b.endsAt().isAfter(now())) {
            throw new Refusal("venue.error.over");
        }
        if (!mayCancel(b, s.owner(), s.asker())) {
            throw new Refusal(b.activityId() != null && s.asker() ? "venue.error.activityBooking"
                    : "venue.error.declineInstead");
        }
        cancelLocked(officer, b, s.venue());
    }

    /**
     * The asking side withdraws its own requests and bookings, except an activity's, which follows the activity;
     * the owner withdraws an approved booking, and answers a pending one by declining it with a reason.
     */
    private static boolean mayCancel(Booking b, boolean owner, boolean asker) {
        return b.isLive() && ((asker && b.activityId() == null) || (owner && !b.isPending()));
    }

    private void cancelLocked(Viewer officer, Booking b, Venue v) {
        bookings.cancel(b.id(), officer.accountId());
        audit.record(officer, "venue.booking.cancel", "activity_booking", b.id(), b.unitId(), v.name(),
                Map.of("status", b.status()), Map.of("status", "CANCELLED"));
        boolean owner = manages(officer, v.ownerUnitId());
        boolean asker = manages(officer, b.unitId());
        String when = when(b.startsAt(), b.endsAt());
        if (asker && !owner) {
            String body = unitName(b.unitId());
            tell(NotificationRequested.toOfficersOf(v.ownerUnitId(),
                    Message.of(NoticeKind.ACTIVITY, "activity.venue-cancelled-by-asker", link(b.id()), v.name(), body,
                            when)));
        } else if (owner && !asker) {
            tellAsker(officer, b, Message.of(NoticeKind.ACTIVITY, "activity.venue-cancelled-by-venue", link(b.id()),
                    v.name(), when));
        }
    }

    // ---- activities at a venue

    /** The venue an activity names must exist; none is fine. */
    public void checkVenue(Long venueId) {
        if (venueId != null && venues.find(venueId).isEmpty()) {
            throw new Refusal("venue.error.unknown");
        }
    }

    /**
     * Publishing an activity at a venue books the venue for the activity's time in the name of its lead body. A
     * booking the lead body already holds for that time (approved or pending, tied to no activity) is taken over;
     * otherwise a new one is approved at once when the publishing officer keeps the venue, and pending for the
     * owner's officers otherwise. An overlap with an approved booking refuses the publishing.
     */
    @Transactional
    public void activityPublished(Viewer officer, Activity a) {
        if (a.venueId() != null) {
            book(officer, a.id(), a.venueId(), a.leadUnitId(), a.title(), a.startsAt(), a.endsAt());
        }
    }

    /**
     * Before a published activity is saved with another venue or time: its booking is given up and the new venue
     * or time booked as at publishing. A draft books nothing yet.
     */
    @Transactional
    public void activityChanging(Viewer officer, Activity before, Activities.Draft after) {
        if (before.status().equals("DRAFT") || (Objects.equals(before.venueId(), after.venueId())
                && before.startsAt().isEqual(after.startsAt()) && before.endsAt().isEqual(after.endsAt()))) {
            return;
        }
        release(officer, before.id());
        if (after.venueId() != null) {
            book(officer, before.id(), after.venueId(), before.leadUnitId(), after.title(), after.startsAt(),
                    after.endsAt());
        }
    }

    /** Cancelling an activity frees its venue. */
    @Transactional
    public void activityCancelled(Viewer officer, long activityId) {
        release(officer, activityId);
    }

    /** Where the activity's venue booking stands (its latest booking), for the activity's page. */
    public Optional<ActivityVenue> activityVenue(long activityId) {
        return bookings.latestOf(activityId).flatMap(b -> venues.find(b.venueId())
                .map(v -> new ActivityVenue(v.id(), v.name(), b.status())));
    }

    private void book(Viewer officer, long activityId, long venueId, long leadUnitId, String title,
                      OffsetDateTime startsAt, OffsetDateTime endsAt) {
        Venue v = venues.find(venueId).orElseThrow(() -> new Refusal("venue.error.unknown"));
        Optional<Booking> held = bookings.heldCovering(venueId, leadUnitId, startsAt, endsAt);
        if (held.isPresent()) {
            bookings.attach(held.get().id(), activityId);
            audit.record(officer, "venue.booking.attach", "activity_booking", held.get().id(), leadUnitId, v.name(),
                    null, Map.of("activity", activityId, "status", held.get().status()));
            return;
        }
        checkTimes(startsAt, endsAt);
        String purpose = title.length() > 200 ? title.substring(0, 200) : title;
        insert(officer, v, new Bookings.Request(v.id(), leadUnitId, activityId, purpose, startsAt, endsAt));
    }

    private void release(Viewer officer, long activityId) {
        bookings.liveOf(activityId).flatMap(b -> bookings.findForUpdate(b.id())).filter(Booking::isLive)
                .ifPresent(b -> cancelLocked(officer, b, venues.find(b.venueId()).orElseThrow()));
    }

    // ---- helpers

    /**
     * Runs a write that may approve a booking and turns the exclusion constraint's refusal into the one people
     * read. Nothing else tells two overlapping approvals apart under concurrency: the second waits for the first
     * to commit and is then refused by the database. The venue's approvals take turns first: two writes checking
     * the constraint at the same moment would each wait for the other's uncommitted row, and PostgreSQL would end one
     * with a deadlock instead of the refusal.
     */
    private <T> T refusingDoubleBooking(long venueId, Supplier<T> write) {
        bookings.serialiseApprovals(venueId);
        try {
            return write.get();
        } catch (DataAccessException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException s && "23P01".equals(s.getSQLState())
                        && String.valueOf(s.getMessage()).contains(NO_OVERLAP)) {
                    throw new Refusal("venue.error.conflict");
                }
            }
            throw e;
        }
    }

    private boolean manages(Viewer viewer, long unitId) {
        return org.unit(unitId).map(u -> viewer.manages(u.pathIds())).orElse(false);
    }

    private String unitName(long unitId) {
        return org.unit(unitId).map(OrgUnit::name).orElse("#" + unitId);
    }

    private String when(OffsetDateTime startsAt, OffsetDateTime endsAt) {
        var from = startsAt.atZoneSameInstant(zone());
        var to = endsAt.atZoneSameInstant(zone());
        return DAY_TIME.format(from) + "–" + (from.toLocalDate().equals(to.toLocalDate()) ? TIME.format(to)
                : DAY_TIME.format(to));
    }

    private static String link(long bookingId) {
        return "/activity-venues/bookings/" + bookingId;
    }

    private void tellAsker(Viewer officer, Booking b, Message message) {
        if (b.requesterEmployeeId() != null && !Objects.equals(b.requesterEmployeeId(), officer.employeeId())) {
            tell(NotificationRequested.toEmployee(b.requesterEmployeeId(), message));
        }
    }

    private void tell(NotificationRequested notice) {
        events.publishEvent(notice);
    }

    /** Unit names looked up once per page. */
    private final class Names {
        private final Map<Long, String> names = new HashMap<>();

        String of(long unitId) {
            return names.computeIfAbsent(unitId, VenueService.this::unitName);
        }
    }
}
