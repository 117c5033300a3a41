package org.tongxin.activity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * The officers' side of activities: drafts, co-hosts, publishing (which lays out the seats), cancelling
 * with a reason that reaches everyone registered. Only officers of the lead body change an activity;
 * officers of any host see it and its attendance.
 */
@Service
public class ActivityService {

    static final Set<String> TYPES = Set.of("CULTURE_SPORTS", "TRAINING", "VISIT", "SOLACE", "CONTEST", "VOLUNTEERING",
            "OTHER");
    static final Set<String> AUDIENCES = Set.of("MEMBERS", "EMPLOYEES", "LIST");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An activity with its hosts named, for pages. */
    public record View(Activity activity, List<HostView> hosts, Registrations.Counts counts, Activity.Phase phase) {

        public String leadName() {
            return hosts.isEmpty() ? "" : hosts.getFirst().name();
        }
    }

    /** A host body as credited on the page. */
    public record HostView(long unitId, String name, String kind, boolean lead) {
    }

    private final Activities activities;
    private final Registrations registrations;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final VenueService venues;
    private final ActivitySnapshots snapshots;

    ActivityService(Activities activities, Registrations registrations, OrgDirectory org, AuditTrail audit,
                    ApplicationEventPublisher events, Optional<Clock> clock,
                    VenueService venues, ActivitySnapshots snapshots) {
        this.activities = activities;
        this.registrations = registrations;
        this.org = org;
        this.audit = audit;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.venues = venues;
        this.snapshots = snapshots;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** A new activity as a draft, led by a body the officer manages. */
    @Transactional
    public long create(Viewer officer, Activities.Draft draft, List<Long> coHosts, List<Long> invitees,
                       String coverKey) {
        OrgUnit lead = org.managedUnit(officer, draft.leadUnitId());
        check(officer, draft, coHosts, invitees);
        long id = activities.insert(draft, newToken(), officer.accountId());
        if (coverKey != null) {
            activities.setCover(id, coverKey);
        }
        activities.setHosts(id, lead.id(), coHosts);
        activities.setInvitees(id, draft.audience().equals("LIST") ? invitees : List.of());
        audit.record(officer, "activity.create", "activity", id, lead.id(), draft.title(), null,
                Map.of("type", draft.type(), "startsAt", draft.startsAt()));
        return id;
    }

    /** Changes an activity; after publishing its capacity may only grow (the seats exist). */
    @Transactional
    public void update(Viewer officer, long id, Activities.Draft draft, List<Long> coHosts, List<Long> invitees,
                       String coverKey) {
        Activity a = led(officer, id, true);
        if (a.status().equals("CANCELLED") || a.status().equals("SUMMARISED")) {
            throw new Refusal("activity.error.finished");
        }
        if (draft.leadUnitId() != a.leadUnitId()) {
            throw new Refusal("activity.error.leadFixed");
        }
        check(officer, draft, coHosts, invitees);
        boolean published = !a.status().equals("DRAFT");
        if (published && draft.capacity() < a.capacity()) {
            throw new Refusal("activity.error.capacityShrinks");
        }
        if (published && draft.lottery() != a.lottery()) {
            throw new Refusal("activity.error.lotteryFixed");
        }
        venues.activityChanging(officer, a, draft);
        activities.update(id, draft);
        if (coverKey != null) {
            activities.setCover(id, coverKey);
        }
        activities.setHosts(id, a.leadUnitId(), coHosts);
        activities.setInvitees(id, draft.audience().equals("LIST") ? invitees : List.of());
        if (published && draft.capacity() > a.capacity()) {
            activities.addSeats(id, draft.capacity());
            if (!a.lottery() || a.drawnAt() != null) {
                registrations.fillFromWaitlist(id).forEach(e -> tellPromoted(e, id, draft.title()));
            }
        }
        audit.record(officer, "activity.update", "activity", id, a.leadUnitId(), draft.title(),
                Map.of("capacity", a.capacity(), "startsAt", a.startsAt()),
                Map.of("capacity", draft.capacity(), "startsAt", draft.startsAt()));
        snapshots.activityChanged(id);
        if (published && !draft.startsAt().isEqual(a.startsAt())) {
            registrations.remindAgain(id);
        }
        if (published && (!draft.startsAt().isEqual(a.startsAt()) || !Objects.equals(draft.place(), a.place()))) {
            Message message = Message.of(NoticeKind.ACTIVITY, "activity.time-or-place-changed", "/activities/" + id,
                    draft.title());
            registrations.activeEmployees(id)
                    .forEach(e -> events.publishEvent(NotificationRequested.toEmployee(e, message)));
        }
    }

    private void check(Viewer officer, Activities.Draft d, List<Long> coHosts, List<Long> invitees) {
        if (d.title() == null || d.title().isBlank() || d.title().length() > 100 || !TYPES.contains(d.type())
                || d.description() == null || d.description().length() > 20000
                || (d.place() != null && d.place().length() > 200)) {
            throw new Refusal("activity.error.incomplete");
        }
        if (d.startsAt() == null || d.endsAt() == null || d.signupOpensAt() == null || d.signupClosesAt() == null
                || !d.endsAt().isAfter(d.startsAt()) || !d.signupClosesAt().isAfter(d.signupOpensAt())
                || d.signupClosesAt().isAfter(d.startsAt())) {
            throw new Refusal("activity.error.times");
        }
        if (d.capacity() < 1 || d.capacity() > 100000) {
            throw new Refusal("activity.error.capacity");
        }
        if (!AUDIENCES.contains(d.audience())) {
            throw new Refusal("activity.error.audience");
        }
        if (d.audience().equals("LIST")) {
            if (invitees.isEmpty() || invitees.size() > 5000 || invitees.stream().anyMatch(e -> org.employee(e).isEmpty())) {
                throw new Refusal("activity.error.invitees");
            }
        } else {
            if (d.audienceUnitId() == null) {
                throw new Refusal("activity.error.audience");
            }
            org.managedUnit(officer, d.audienceUnitId());
        }
        if (coHosts.size() > 10 || coHosts.stream().anyMatch(u -> org.unit(u).filter(x -> !x.isClosed()).isEmpty())) {
            throw new Refusal("activity.error.hosts");
        }
        venues.checkVenue(d.venueId());
    }

    /** Publishes a draft: from now on it is listed and its seats exist. */
    @Transactional
    public void publish(Viewer officer, long id) {
        Activity a = led(officer, id, true);
        if (!a.status().equals("DRAFT")) {
            throw new Refusal("activity.error.notDraft");
        }
        if (!a.endsAt().isAfter(now())) {
            throw new Refusal("activity.error.past");
        }
        activities.setStatus(id, "PUBLISHED");
        activities.addSeats(id, a.capacity());
        venues.activityPublished(officer, a);
        audit.record(officer, "activity.publish", "activity", id, a.leadUnitId(), a.title(), Map.of("status", "DRAFT"),
                Map.of("status", "PUBLISHED"));
        snapshots.activityChanged(id);
    }

    /** Cancels with a reason; everyone registered is told. */
    @Transactional
    public void cancel(Viewer officer, long id, String reason) {
        Activity a = led(officer, id, true);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new Refusal("activity.error.cancelReason");
        }
        if (a.status().equals("CANCELLED") || a.status().equals("SUMMARISED") || !a.endsAt().isAfter(now())) {
            throw new Refusal("activity.error.finished");
        }
        activities.cancel(id, reason.trim());
        venues.activityCancelled(officer, id);
        audit.record(officer, "activity.cancel", "activity", id, a.leadUnitId(), a.title(),
                Map.of("status", a.status()), Map.of("status", "CANCELLED", "reason", reason.trim()));
        snapshots.activityChanged(id);
        Message message = Message.of(NoticeKind.ACTIVITY, "activity.activity-cancelled", "/activities/" + id,
                a.title(), reason.trim());
        registrations.activeEmployees(id).forEach(e -> events.publishEvent(NotificationRequested.toEmployee(e, message)));
    }

    /** Marks a published activity as held, once it has ended. */
    @Transactional
    public void markHeld(Viewer officer, long id) {
        Activity a = led(officer, id, true);
        if (!a.status().equals("PUBLISHED") || a.endsAt().isAfter(now())) {
            throw new Refusal("activity.error.notEnded");
        }
        activities.setStatus(id, "HELD");
        audit.record(officer, "activity.held", "activity", id, a.leadUnitId(), a.title(), Map.of("status", a.status()),
                Map.of("status", "HELD"));
        snapshots.activityChanged(id);
    }

    /**
     * The activity if the officer manages its lead body ({@code leadOnly}) or any of its hosts; 404 otherwise.
     */
    public Activity led(Viewer officer, long id, boolean leadOnly) {
        Activity a = activities.find(id).orElseThrow(() -> new NotFoundException("activity " + id));
        if (leadOnly) {
            org.managedUnit(officer, a.leadUnitId());
            return a;
        }
        for (Activities.Host h : activities.hosts(id)) {
            try {
                org.managedUnit(officer, h.unitId());
                return a;
            } catch (OutOfScopeException | NotFoundException notThisOne) {
                // try the next host
            }
        }
        throw new OutOfScopeException("activity " + id);
    }

    public View view(Activity a) {
        return views(List.of(a)).getFirst();
    }

    /**
     * {@link #view} of a list of activities with one query for their hosts and one for their counts, each host unit
     * read once: a list page of a hundred cards would otherwise make three hundred queries.
     */
    public List<View> views(List<Activity> list) {
        List<Long> ids = list.stream().map(Activity::id).toList();
        Map<Long, List<Activities.Host>> hosts = activities.hosts(ids);
        Map<Long, Registrations.Counts> counts = registrations.counts(ids);
        Map<Long, Optional<OrgUnit>> units = new HashMap<>();
        OffsetDateTime now = now();
        return list.stream().map(a -> new View(a, hosts.getOrDefault(a.id(), List.of()).stream()
                        .map(h -> units.computeIfAbsent(h.unitId(), org::unit)
                                .map(u -> new HostView(u.id(), u.name(), u.kind().name(), h.lead()))
                                .orElse(new HostView(h.unitId(), "#" + h.unitId(), "", h.lead())))
                        .toList(), counts.get(a.id()), a.phase(now)))
                .toList();
    }

    /** Activities hosted by the bodies the officer manages (all for the committee). */
    public List<Activity> hostedFor(Viewer officer) {
        return activities.hostedBy(org.manageableUnitIds(officer).orElse(null), 200);
    }

    void tellPromoted(long employeeId, long activityId, String title) {
        events.publishEvent(NotificationRequested.toEmployee(employeeId,
                Message.of(NoticeKind.ACTIVITY, "activity.promoted-from-waitlist", "/activities/" + activityId, title)));
    }

    public static String newToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
