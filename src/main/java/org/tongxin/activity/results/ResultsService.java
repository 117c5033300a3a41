package org.tongxin.activity.results;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.activity.internal.Activities;
import org.tongxin.activity.internal.Activity;
import org.tongxin.activity.internal.ActivityService;
import org.tongxin.activity.internal.ActivitySnapshots;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.files.Photos;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Results shared (成果一起享): once an activity has ended, officers of its lead body publish a summary with
 * a photo gallery; it is credited to every host and shows on each host's unit page.
 * <p>
 * Who sees a summary: the officers of any host, and employees of the activity's audience subtree, of a
 * host's subtree (a partner body's people are those of the unit it sits beside), or on its invitation list.
 * How many came is shown to all of them; who came, to the hosts' officers only.
 */
@Service
public class ResultsService {

    public static final int MAX_PHOTOS = 20;
    static final int MAX_OUTCOMES = 5000;
    static final String FOLDER = "gallery";

    /** A published summary as pages show it; {@code attendeeNames} is null for anyone but the hosts' officers. */
    public record Result(long activityId, Summaries.Summary summary, List<Summaries.Photo> photos, int attended,
                         List<String> attendeeNames) {

        public boolean showsNames() {
            return attendeeNames != null;
        }
    }

    /**
     * The results page: the activity with its hosts, its summary if published, and what the lead body's
     * officer may do: publish now ({@code canPublish}) or once it has ended ({@code publishLater}).
     */
    public record ResultPage(ActivityService.View activity, Result result, boolean canPublish, boolean publishLater) {
    }

    private final Activities activities;
    private final ActivityService service;
    private final Summaries summaries;
    private final Photos photos;
    private final OrgDirectory org;
    private final FileStore files;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Reach reach;
    private final Clock clock;
    private final ActivitySnapshots snapshots;

    ResultsService(Activities activities, ActivityService service, Summaries summaries, Photos photos, OrgDirectory org,
                   FileStore files, AuditTrail audit, ApplicationEventPublisher events, Reach reach,
                   Optional<Clock> clock, ActivitySnapshots snapshots) {
        this.activities = activities;
        this.service = service;
        this.summaries = summaries;
        this.photos = photos;
        this.org = org;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.reach = reach;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.snapshots = snapshots;
    }

    /**
     * Publishes the summary of an ended activity led by a body the officer manages (404 otherwise), with up to
     * {@link #MAX_PHOTOS} photos. Every photo is checked and resized before any is stored, so one refused
     * photo refuses the whole summary and nothing is kept.
     */
    @Transactional
    public void publish(Viewer officer, long activityId, String outcomes, List<byte[]> uploads) {
        service.led(officer, activityId, true);
        Activity a = activities.findForUpdate(activityId).orElseThrow(() -> new NotFoundException("activity"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (a.status().equals("SUMMARISED")) {
            throw new Refusal("results.error.already");
        }
        if (!Set.of("PUBLISHED", "HELD").contains(a.status())) {
            throw new Refusal("results.error.notHeld");
        }
        if (a.endsAt().isAfter(now)) {
            throw new Refusal("results.error.notEnded");
        }
        String text = outcomes == null ? "" : outcomes.strip();
        if (text.isEmpty() || text.length() > MAX_OUTCOMES) {
            throw new Refusal("results.error.outcomes");
        }
        if (uploads.size() > MAX_PHOTOS) {
            throw new Refusal("results.error.tooManyPhotos");
        }
        List<Photos.Prepared> prepared = uploads.stream().map(photos::prepare).toList();
        record(activityId, text, prepared, officer.accountId(), now);
        int attended = summaries.attended(activityId);
        audit.record(officer, "activity.summary", "activity", activityId, a.leadUnitId(), a.title(),
                Map.of("status", a.status()), Map.of("status", "SUMMARISED", "photos", prepared.size(),
                        "attended", attended));
        snapshots.activityChanged(activityId);
        Message message = Message.of(NoticeKind.ACTIVITY, "activity.results-published", "/activity-results/" + activityId,
                a.title());
        activities.hosts(activityId).stream().filter(h -> !h.lead())
                .forEach(h -> events.publishEvent(NotificationRequested.toOfficersOf(h.unitId(), message)));
    }

    /**
     * Writes a summary with its photos (checked and resized already) and marks the activity summarised. No
     * scope or state is checked here: {@link #publish} checks them, and start-up code needs none.
     */
    public void record(long activityId, String outcomes, List<Photos.Prepared> prepared, long by, OffsetDateTime at) {
        summaries.insert(activityId, outcomes, by, at);
        int position = 1;
        for (Photos.Prepared p : prepared) {
            summaries.addPhoto(activityId, position++, photos.store(FOLDER, p));
        }
        activities.setStatus(activityId, "SUMMARISED");
    }

    /** The results page of an activity the viewer may see (see the class comment); 404 otherwise. */
    public ResultPage page(Viewer viewer, long activityId) {
        Activity a = visible(viewer, activityId);
        boolean leadOfficer = reach.manages(viewer, a.leadUnitId());
        boolean open = Set.of("PUBLISHED", "HELD").contains(a.status());
        boolean ended = !a.endsAt().isAfter(OffsetDateTime.now(clock));
        return new ResultPage(service.view(a), published(viewer, activityId).orElse(null), leadOfficer && open && ended,
                leadOfficer && open && !ended);
    }

    /**
     * The published summary, for a page that has already decided the viewer may see the activity (such as
     * the activity's own page); attendees are named only to the hosts' officers.
     */
    public Optional<Result> published(Viewer viewer, long activityId) {
        return summaries.find(activityId).map(s -> {
            List<String> names = hostOfficer(viewer, activityId) ? summaries.attendees(activityId).stream()
                    .map(e -> org.employee(e).map(EmployeeSummary::name).orElse("#" + e)).toList() : null;
            return new Result(activityId, s, summaries.photos(activityId), summaries.attended(activityId), names);
        });
    }

    /** A gallery photo, thumbnail or phone size, for whoever may see its activity; 404 otherwise. */
    public FileStore.Image photo(Viewer viewer, long photoId, boolean thumbnail) {
        Summaries.Photo p = summaries.photo(photoId).orElseThrow(() -> new NotFoundException("photo " + photoId));
        visible(viewer, p.activityId());
        return files.readImage(thumbnail ? p.thumbKey() : p.imageKey())
                .orElseThrow(() -> new NotFoundException("photo " + photoId));
    }

    /** The latest summaries of activities the unit hosted or co-hosted, for its unit page. */
    public List<Summaries.Latest> hostedBy(long unitId) {
        return summaries.hostedBy(unitId, 5);
    }

    /** Ended activities the unit leads that wait for their summary. */
    public List<Summaries.Awaiting> awaiting(long unitId) {
        return summaries.awaiting(List.of(unitId), OffsetDateTime.now(clock), 5);
    }

    /** Ended activities led by bodies the viewer manages that wait for their summary (none for employees). */
    public List<Summaries.Awaiting> awaiting(Viewer viewer) {
        if (!viewer.isOfficerOrAbove()) {
            return List.of();
        }
        return summaries.awaiting(org.manageableUnitIds(viewer).orElse(null), OffsetDateTime.now(clock), 50);
    }

    /** The latest summaries the viewer may see. */
    public List<Summaries.Latest> recent(Viewer viewer) {
        List<Long> path = reach.pathOf(viewer);
        Set<Long> managed = viewer.isOfficerOrAbove() ? org.manageableUnitIds(viewer).orElse(null) : Set.of();
        return summaries.visibleTo(path, viewer.employeeId(), managed, 30);
    }

    private Activity visible(Viewer viewer, long activityId) {
        Activity a = activities.find(activityId).orElseThrow(() -> new NotFoundException("activity " + activityId));
        if (!canSee(viewer, a)) {
            throw new OutOfScopeException("activity " + activityId);
        }
        return a;
    }

    private boolean canSee(Viewer viewer, Activity a) {
        List<Activities.Host> hosts = activities.hosts(a.id());
        if (hosts.stream().anyMatch(h -> reach.manages(viewer, h.unitId()))) {
            return true;
        }
        if (a.status().equals("DRAFT") || viewer.employeeId() == null) {
            return false;
        }
        List<Long> path = reach.pathOf(viewer);
        if (a.audienceUnitId() != null && path.contains(a.audienceUnitId())) {
            return true;
        }
        if (hosts.stream().map(h -> reach.of(h.unitId())).anyMatch(path::contains)) {
            return true;
        }
        return a.audience().equals("LIST") && activities.invited(a.id(), viewer.employeeId());
    }

    private boolean hostOfficer(Viewer viewer, long activityId) {
        return activities.hosts(activityId).stream().anyMatch(h -> reach.manages(viewer, h.unitId()));
    }
}
