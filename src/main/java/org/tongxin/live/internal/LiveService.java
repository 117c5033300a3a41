package org.tongxin.live.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.live.CourseChoices;
import org.tongxin.live.LiveCancelled;
import org.tongxin.live.LiveScheduled;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.org.UnitOfficers;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.db.CacheEviction;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Scheduling live sessions and who may watch them. An officer schedules a session for a unit they manage, for the
 * employees or the officers of a subtree they manage, a list of people, or the public; the session gets a secret
 * stream key that only its organiser and presenter see and either may rotate. A session goes live with the first
 * push, ends when the organiser ends it (or when the encoder has been silent for a while after the scheduled end),
 * and is then a replay until its retention runs out.
 */
@Service
public class LiveService {

    static final Set<String> AUDIENCES = Set.of("SUBTREE", "OFFICERS", "LIST", "PUBLIC");
    /** How long a decision on who may watch is reused: segment requests come every few seconds per viewer. */
    private static final Duration ACCESS_TTL = Duration.ofSeconds(60);

    private record Decision(boolean allowed, long at) {
    }

    private record Recent(Sessions.Session session, long at) {
    }

    static final long RECENT_ROW_TTL_MS = 2_000;

    private final Sessions sessions;
    private final OrgDirectory org;
    private final UnitOfficers officers;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final FileStore files;
    private final Clock clock;
    private final Duration retention;
    private final Map<String, Decision> decisions = new ConcurrentHashMap<>();
    private final Map<Long, Recent> rows = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;
    private final List<CourseChoices> courseChoices;
    private final LiveSnapshots snapshots;

    LiveService(Sessions sessions, OrgDirectory org, UnitOfficers officers, FieldCipher cipher, AuditTrail audit, FileStore files,
                Optional<Clock> clock, @Value("${tongxin.live.replay-days:90}") int replayDays,
                ApplicationEventPublisher events, List<CourseChoices> courseChoices, LiveSnapshots snapshots) {
        this.events = events;
        this.snapshots = snapshots;
        this.courseChoices = courseChoices;
        this.sessions = sessions;
        this.org = org;
        this.officers = officers;
        this.cipher = cipher;
        this.audit = audit;
        this.files = files;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.retention = Duration.ofDays(replayDays);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Schedules a session; returns its id. */
    @Transactional
    public long schedule(Viewer organiser, Sessions.Draft d) {
        OrgUnit host = org.managedUnit(organiser, d.hostUnitId());
        String title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty() || title.length() > 100) {
            throw new Refusal("live.error.titleRequired");
        }
        if (d.startsAt() == null || d.endsAt() == null || !d.endsAt().isAfter(d.startsAt())
                || Duration.between(d.startsAt(), d.endsAt()).toHours() > 12) {
            throw new Refusal("live.error.badTimes");
        }
        if (!AUDIENCES.contains(d.audience())) {
            throw new Refusal("live.error.badAudience");
        }
        Long audienceUnit = null;
        if (d.audience().equals("SUBTREE") || d.audience().equals("OFFICERS")) {
            audienceUnit = org.managedUnit(organiser, d.audienceUnitId() == null ? host.id() : d.audienceUnitId()).id();
        }
        List<Long> invitees = d.audience().equals("LIST") && d.invitees() != null ? d.invitees() : List.of();
        if (d.audience().equals("LIST") && invitees.isEmpty()) {
            throw new Refusal("live.error.noInvitees");
        }
        if (d.attendPercent() < 10 || d.attendPercent() > 100) {
            throw new Refusal("live.error.badPercent");
        }
        String description = d.description() == null ? "" : d.description().strip();
        if (description.length() > 2000) {
            throw new Refusal("live.error.tooLong");
        }
        if (d.courseId() != null && courseChoices.stream().flatMap(c -> c.coursesOf(organiser).stream())
                .noneMatch(c -> c.id() == d.courseId())) {
            throw new Refusal("live.ops.error.course");
        }
        String key = StreamKeys.generate();
        Sessions.Draft clean = new Sessions.Draft(title, description, host.id(), d.presenterAccountId(), d.startsAt(),
                d.endsAt(), d.audience(), audienceUnit, invitees, d.courseId(), d.attendPercent());
        long id = sessions.insert(clean, organiser.accountId(), cipher.encrypt(key), StreamKeys.hash(key));
        audit.record(organiser, "live.schedule", "live_session", id, host.id(), title, Map.of(),
                Map.of("startsAt", d.startsAt(), "audience", d.audience(), "course", String.valueOf(d.courseId())));
        snapshots.sessionChanged(id);
        // Heard in this transaction by LiveNotices (the invitations) and after it commits by training (the lesson).
        events.publishEvent(new LiveScheduled(id, title, d.courseId()));
        return id;
    }

    /** The stream key, for the organiser and the presenter only. */
    public String streamKey(Viewer viewer, long id) {
        Sessions.Session s = sessions.find(id).orElseThrow(() -> new NotFoundException("session " + id));
        if (!s.keyHolder(viewer.accountId())) {
            throw new NotFoundException("stream key of " + id);
        }
        return cipher.decrypt(sessions.encryptedKey(id));
    }

    /** A new stream key; the old one stops working at once (an encoder still pushing with it is refused). */
    @Transactional
    public String rotateKey(Viewer viewer, long id) {
        Sessions.Session s = sessions.lock(id).orElseThrow(() -> new NotFoundException("session " + id));
        if (!s.keyHolder(viewer.accountId())) {
            throw new NotFoundException("stream key of " + id);
        }
        String key = StreamKeys.generate();
        sessions.newKey(id, cipher.encrypt(key), StreamKeys.hash(key));
        audit.record(viewer, "live.key.rotate", "live_session", id, s.hostUnitId(), s.title(), Map.of(), Map.of());
        return key;
    }

    /** Ends a session (by its organiser, the presenter or an officer of its unit); it becomes a replay. */
    @Transactional
    public void end(Viewer viewer, long id) {
        Sessions.Session s = runnable(viewer, id);
        if (s.state().equals("ENDED") || s.state().equals("CANCELLED")) {
            throw new Refusal("live.error.over");
        }
        OffsetDateTime now = now();
        sessions.ended(id, now, now.plus(retention));
        forgetRecent(id);
        ended(id);
        audit.record(viewer, "live.end", "live_session", id, s.hostUnitId(), s.title(), Map.of("state", s.state()),
                Map.of("state", "ENDED"));
    }

    @Transactional
    public void cancel(Viewer viewer, long id) {
        Sessions.Session s = runnable(viewer, id);
        if (!s.state().equals("SCHEDULED")) {
            throw new Refusal("live.error.notScheduled");
        }
        sessions.cancelled(id);
        forgetRecent(id);
        snapshots.sessionChanged(id);
        audit.record(viewer, "live.cancel", "live_session", id, s.hostUnitId(), s.title(), Map.of("state", s.state()),
                Map.of("state", "CANCELLED"));
        events.publishEvent(new LiveCancelled(id, s.courseId()));
    }

    /** Ends live sessions the encoder left silent for {@code silence} after their scheduled end; returns how many. */
    @Transactional
    public int endIdle(Duration silence) {
        OffsetDateTime now = now();
        int n = 0;
        for (long id : sessions.idleAfterEnd(now, now.minus(silence))) {
            Sessions.Session s = sessions.lock(id).orElseThrow();
            if (s.state().equals("LIVE")) {
                sessions.ended(id, now, now.plus(retention));
                forgetRecent(id);
                ended(id);
                n++;
            }
        }
        return n;
    }

    /** Removes the segments of replays past their retention; returns how many sessions were cleared. */
    @Transactional
    public int clearExpiredReplays() {
        List<Long> expired = sessions.replaysExpired(now());
        for (long id : expired) {
            sessions.clearSegments(id);
            files.deletePieces("live/" + id);
        }
        return expired.size();
    }

    /** An ended session's snapshot, and everyone's watching of it: their live minutes count from now on. */
    private void ended(long id) {
        snapshots.sessionChanged(id);
        snapshots.viewingsChanged(id);
    }

    /** A session ended or cancelled on this node is no longer served from the recent rows (other nodes: within 2 s). */
    private void forgetRecent(long id) {
        CacheEviction.nowAndAtTransactionEnd(() -> rows.remove(id));
    }

    /** The session when the viewer organises, presents or manages its unit; 404 otherwise. */
    public Sessions.Session runnable(Viewer viewer, long id) {
        Sessions.Session s = sessions.find(id).orElseThrow(() -> new NotFoundException("session " + id));
        if (s.keyHolder(viewer.accountId())) {
            return s;
        }
        org.managedUnit(viewer, s.hostUnitId());
        return s;
    }

    /** The session when {@code viewer} (null: not logged in) may watch it; 404 otherwise. */
    public Sessions.Session watchable(Viewer viewer, long id) {
        Sessions.Session s = sessions.find(id).orElseThrow(() -> new NotFoundException("session " + id));
        if (s.state().equals("CANCELLED") || !mayWatch(viewer, s)) {
            throw new NotFoundException("session " + id);
        }
        return s;
    }

    /**
     * As {@link #watchable}, for what players fetch every few seconds (segments, the live playlist): the session's row
     * is reused for up to {@value #RECENT_ROW_TTL_MS} ms. A segment never changes under its address and a playlist
     * served a second after the end only lists what was shown, while a crowd of players would otherwise cost a query
     * each, on the connection pool that every request of a thousand viewers queues for (bench/README.md, live).
     */
    public Sessions.Session watchableRecently(Viewer viewer, long id) {
        long nowMs = clock.millis();
        Recent recent = rows.get(id);
        Sessions.Session s;
        if (recent != null && nowMs - recent.at() < RECENT_ROW_TTL_MS) {
            s = recent.session();
        } else {
            s = sessions.find(id).orElseThrow(() -> new NotFoundException("session " + id));
            if (rows.size() > 10_000) {
                rows.clear();
            }
            rows.put(id, new Recent(s, nowMs));
        }
        if (s.state().equals("CANCELLED") || !mayWatch(viewer, s)) {
            throw new NotFoundException("session " + id);
        }
        return s;
    }

    /** Whether the viewer is in the session's audience (or runs it); decisions are reused for a minute. */
    public boolean mayWatch(Viewer viewer, Sessions.Session s) {
        if (s.audience().equals("PUBLIC")) {
            return true;
        }
        if (viewer == null) {
            return false;
        }
        String cacheKey = viewer.accountId() + ":" + s.id();
        long nowMs = clock.millis();
        Decision cached = decisions.get(cacheKey);
        if (cached != null && nowMs - cached.at() < ACCESS_TTL.toMillis()) {
            return cached.allowed();
        }
        boolean allowed = decide(viewer, s);
        if (decisions.size() > 50_000) {
            decisions.clear();
        }
        decisions.put(cacheKey, new Decision(allowed, nowMs));
        return allowed;
    }

    private boolean decide(Viewer viewer, Sessions.Session s) {
        if (s.keyHolder(viewer.accountId()) || org.unit(s.hostUnitId()).map(u -> viewer.manages(u.pathIds())).orElse(false)) {
            return true;
        }
        return switch (s.audience()) {
            case "SUBTREE" -> viewer.employeeId() != null && inSubtree(viewer.employeeId(), s.audienceUnitId());
            case "OFFICERS" -> viewer.has(Role.COMMITTEE)
                    || viewer.officerUnits().stream().anyMatch(u -> org.unit(u)
                    .map(unit -> unit.pathIds().contains(s.audienceUnitId())).orElse(false));
            case "LIST" -> viewer.employeeId() != null && sessions.invited(s.id(), viewer.employeeId());
            default -> false;
        };
    }

    private boolean inSubtree(long employeeId, long unitId) {
        Long unit = org.unitIdsOf(List.of(employeeId)).get(employeeId);
        return unit != null && org.unit(unit).map(u -> u.pathIds().contains(unitId)).orElse(false);
    }

    /** The employees invited: the subtree's active employees, the officers of its units, or the list. */
    public List<Long> invited(Sessions.Session s) {
        return switch (s.audience()) {
            case "SUBTREE" -> org.activeEmployeesInSubtree(s.audienceUnitId());
            case "OFFICERS" -> {
                Set<Long> people = new LinkedHashSet<>();
                OrgUnit root = org.unit(s.audienceUnitId()).orElseThrow();
                for (UnitCount u : org.subtreeCounts(root)) {
                    officers.officersOf(u.unit().id()).forEach(o -> people.add(o.employeeId()));
                }
                yield List.copyOf(people);
            }
            case "LIST" -> sessions.invitees(s.id());
            default -> List.of();
        };
    }
}
