package org.tongxin.activity.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Employees signing up, cancelling and checking in. Capacity, single registration and waitlist order are
 * kept by the database (see {@link Registrations#register}); this class decides who may sign up and when.
 */
@Service
public class SignUp {

    /** Check-in opens this long before the start … */
    public static final Duration CHECKIN_OPENS = Duration.ofMinutes(60);
    /** … and a check-in this long after the start counts as late. */
    public static final Duration LATE_AFTER = Duration.ofMinutes(15);

    /** The outcome of signing up. */
    public enum Result { CONFIRMED, WAITLISTED, APPLIED, ALREADY }

    /** The outcome of a check-in. */
    public enum CheckIn { ON_TIME, LATE, ALREADY }

    private final Activities activities;
    private final Registrations registrations;
    private final ActivityService service;
    private final MemberDirectory members;
    private final Audience audience;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ActivitySnapshots snapshots;
    private final SignUpCounts counts;

    SignUp(Activities activities, Registrations registrations, ActivityService service, MemberDirectory members,
           Audience audience, AuditTrail audit, ApplicationEventPublisher events, ActivitySnapshots snapshots,
           SignUpCounts counts) {
        this.activities = activities;
        this.registrations = registrations;
        this.service = service;
        this.members = members;
        this.audience = audience;
        this.audit = audit;
        this.events = events;
        this.snapshots = snapshots;
        this.counts = counts;
    }

    /**
     * Whether the employee is in the activity's audience: a member (or employee) of its subtree, or listed.
     */
    public boolean eligible(Activity a, long employeeId) {
        return eligibility(employeeId).test(a);
    }

    /**
     * {@link #eligible} for many activities of one employee: their unit path and membership are read once, not once
     * per activity (an invitation list is still asked per activity).
     */
    public Predicate<Activity> eligibility(long employeeId) {
        BiPredicate<String, Long> included = audience.of(employeeId);
        return a -> a.audience().equals("LIST") ? activities.invited(a.id(), employeeId)
                : included.test(a.audience(), a.audienceUnitId());
    }

    /**
     * The activity if it is published and open to the employee, or they are signed up for it (someone whose
     * membership ended can still see and cancel); 404 otherwise (a draft is nobody's business).
     */
    public Activity visible(long activityId, long employeeId) {
        Activity a = activities.find(activityId).orElseThrow(() -> new NotFoundException("activity " + activityId));
        if (a.status().equals("DRAFT")
                || !eligible(a, employeeId) && registrations.active(activityId, employeeId).isEmpty()) {
            throw new NotFoundException("activity " + activityId);
        }
        return a;
    }

    @Transactional
    public Result register(Viewer employee, long activityId) {
        long employeeId = employeeOf(employee);
        Activity a = visible(activityId, employeeId);
        if (!a.signupOpen(service.now()) || !eligible(a, employeeId)) {
            counts.count(SignUpCounts.Outcome.REFUSED);
            throw new Refusal("activity.error.signupClosed");
        }
        // A lottery only collects names while the window is open; seats are drawn when it closes.
        Registrations.Claim claim = registrations.register(activityId, employeeId, !a.lottery());
        Result result = claim.registrationId() == null ? Result.ALREADY
                : a.lottery() ? Result.APPLIED : claim.seatNo() != null ? Result.CONFIRMED : Result.WAITLISTED;
        counts.count(SignUpCounts.Outcome.valueOf(result.name()));
        return result;
    }

    /** Cancels the employee's registration; a seat goes straight to the head of the waitlist, who is told. */
    @Transactional
    public void cancel(Viewer employee, long activityId) {
        long employeeId = employeeOf(employee);
        Activity a = visible(activityId, employeeId);
        if (!a.startsAt().isAfter(service.now()) || a.status().equals("CANCELLED")) {
            throw new Refusal("activity.error.tooLateToCancel");
        }
        Registrations.Entry entry = registrations.activeForUpdate(activityId, employeeId)
                .orElseThrow(() -> new Refusal("activity.error.notRegistered"));
        registrations.cancel(entry.id());
        if (entry.confirmed()) {
            registrations.passSeat(activityId, entry.id()).ifPresent(e -> service.tellPromoted(e, activityId, a.title()));
        }
        snapshots.attendanceChanged(a);
    }

    /** Seats the waitlist's first on any free seats of the activity, telling them; returns how many. */
    @Transactional
    public int fillFreeSeats(long activityId, String title) {
        List<Long> promoted = registrations.fillFromWaitlist(activityId);
        promoted.forEach(e -> service.tellPromoted(e, activityId, title));
        return promoted.size();
    }

    /**
     * Draws a lottery activity once its window has closed: the applicants are shuffled with a seed derived
     * from a random value recorded on the activity, so anyone can replay the draw; the first get the seats,
     * the others wait in the order drawn. Everyone is told the outcome.
     *
     * @return false when there was nothing to draw (not a lottery, window open, or drawn already)
     */
    @Transactional
    public boolean draw(Viewer actor, long activityId, String seed) {
        Activity a = activities.findForUpdate(activityId).orElseThrow(() -> new NotFoundException("activity " + activityId));
        if (!a.awaitingDraw(service.now())) {
            return false;
        }
        List<Registrations.Entry> applicants = registrations.activeInQueueOrder(activityId);
        List<Long> order = shuffled(applicants.stream().map(Registrations.Entry::id).toList(), seed);
        registrations.requeue(order);
        activities.drawn(activityId, seed);
        List<Long> winners = registrations.fillFromWaitlist(activityId);
        audit.record(actor, "activity.draw", "activity", activityId, a.leadUnitId(), a.title(), null,
                Map.of("seed", seed, "applicants", applicants.size(), "seats", winners.size()));
        for (Registrations.Entry e : applicants) {
            String link = "/activities/" + activityId;
            events.publishEvent(NotificationRequested.toEmployee(e.employeeId(), winners.contains(e.employeeId())
                    ? Message.of(NoticeKind.ACTIVITY, "activity.lottery-won", link, a.title())
                    : Message.of(NoticeKind.ACTIVITY, "activity.lottery-waitlisted", link, a.title())));
        }
        return true;
    }

    /**
     * A Fisher–Yates shuffle driven by a PRNG seeded from SHA-256 of the seed: the same seed and the same
     * applicants (in arrival order) always give the same order.
     */
    public static List<Long> shuffled(List<Long> ids, String seed) {
        List<Long> out = new ArrayList<>(ids);
        Random random = new Random(seedOf(seed));
        for (int i = out.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Long t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    private static long seedOf(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String newSeed() {
        return HexFormat.of().formatHex(ActivityService.newToken().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Checks an employee in by the activity's QR link: only a confirmed registration, only from an hour before
     * the start to the end; after a quarter of an hour it counts as late.
     */
    @Transactional
    public CheckIn checkIn(Viewer employee, long activityId, String token) {
        long employeeId = employeeOf(employee);
        Activity a = activities.find(activityId).orElseThrow(() -> new NotFoundException("activity " + activityId));
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                a.checkinToken().getBytes(StandardCharsets.UTF_8))) {
            throw new NotFoundException("activity " + activityId);
        }
        return record(a, employeeId, employee.accountId());
    }

    /** An officer of a host checks in the holder of a member card QR (scanned with the officer's phone). */
    @Transactional
    public CheckIn checkInByCard(Viewer officer, long activityId, String cardToken) {
        Activity a = service.led(officer, activityId, false);
        long employeeId = members.cardHolder(cardToken).orElseThrow(() -> new Refusal("activity.error.card"));
        CheckIn result = record(a, employeeId, officer.accountId());
        audit.record(officer, "activity.checkin", "activity", activityId, a.leadUnitId(), a.title(), null,
                Map.of("employee", employeeId));
        return result;
    }

    private CheckIn record(Activity a, long employeeId, long by) {
        OffsetDateTime now = service.now();
        if (a.status().equals("CANCELLED") || now.isBefore(a.startsAt().minus(CHECKIN_OPENS)) || now.isAfter(a.endsAt())) {
            throw new Refusal("activity.error.checkinWindow");
        }
        Registrations.Entry entry = registrations.active(a.id(), employeeId)
                .filter(Registrations.Entry::confirmed)
                .orElseThrow(() -> new Refusal("activity.error.notConfirmed"));
        if (!registrations.checkIn(entry.id(), now, by)) {
            return CheckIn.ALREADY;
        }
        snapshots.attendanceChanged(a);
        return now.isAfter(a.startsAt().plus(LATE_AFTER)) ? CheckIn.LATE : CheckIn.ON_TIME;
    }

    private static long employeeOf(Viewer viewer) {
        if (viewer.employeeId() == null) {
            throw new Refusal("activity.error.employeesOnly");
        }
        return viewer.employeeId();
    }
}
