package org.tongxin.activity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.activity.VolunteerHoursConfirmed;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * The organisers' side of volunteering (公益一起做): projects with co-organisers, shifts, and the hours served.
 * Officers of the lead body (or of a unit above it, or the committee) run a project; after a shift one of them
 * records each volunteer's hours and another confirms them, and only confirmed hours count.
 */
@Service
public class VolunteerService {

    static final Set<String> AUDIENCES = Set.of("MEMBERS", "EMPLOYEES");
    private static final int MAX_CO_HOSTS = 10;
    private static final int MAX_SHIFTS = 500;
    private static final int MAX_PLACES = 1000;

    /** A host body as credited on the pages. */
    public record Body(long unitId, String name, boolean lead) {
    }

    /** A shift with where it stands now. */
    public record ShiftLine(Shift shift, Shift.State state) {
    }

    /** A project with its hosts and shifts, for its organisers. */
    public record ProjectView(VolunteerProject project, List<Body> hosts, List<ShiftLine> shifts) {

        public List<Long> coHostIds() {
            return hosts.stream().filter(h -> !h.lead()).map(Body::unitId).toList();
        }
    }

    /** A volunteer on the roster with the hours to show in the form: recorded, or the shift's length. */
    public record RosterLine(long signupId, String name, String employeeNo, String unitName, boolean present,
                             String hours) {
    }

    /** A shift's page for its organisers. */
    public record ShiftPage(VolunteerProject project, Shift shift, Shift.State state, List<RosterLine> roster,
                            boolean mayRecord, boolean mayConfirm, String confirmBlock) {
    }

    /** A body and its totals in a year. */
    public record BodyLine(Body body, ServiceHours.Totals totals) {
    }

    /** Everything on the organisers' start page for a year. */
    public record Overview(int year, List<VolunteerProject> projects, List<VolunteerShifts.Waiting> toRecord,
                           List<VolunteerShifts.Waiting> toConfirm, List<BodyLine> bodies, Map<Long, String> names) {
    }

    /** What the project form offers: bodies to lead, audiences, co-organisers. */
    public record Choices(List<OrgUnit> leads, List<OrgUnit> audiences, List<OrgUnit> coHosts) {
    }

    /** A shift as entered. */
    public record ShiftForm(OffsetDateTime startsAt, OffsetDateTime endsAt, String place, Integer needed) {
    }

    /** One volunteer's line of the hours form: whether they came, and the hours as typed. */
    public record HoursEntry(boolean present, String hours) {
    }

    private final VolunteerProjects projects;
    private final VolunteerShifts shifts;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ActivitySnapshots snapshots;

    VolunteerService(VolunteerProjects projects, VolunteerShifts shifts, OrgDirectory org, AuditTrail audit,
                     ApplicationEventPublisher events, Optional<Clock> clock, ActivitySnapshots snapshots) {
        this.projects = projects;
        this.shifts = shifts;
        this.org = org;
        this.audit = audit;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.snapshots = snapshots;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** A new project as a draft, led by a body the officer manages. */
    @Transactional
    public long create(Viewer officer, VolunteerProjects.Draft draft, List<Long> coHosts) {
        OrgUnit lead = org.managedUnit(officer, draft.leadUnitId());
        check(officer, draft, lead, coHosts);
        long id = projects.insert(draft, "DRAFT", officer.accountId());
        projects.setHosts(id, lead.id(), coHosts);
        audit.record(officer, "volunteer.project.create", "volunteer_project", id, lead.id(), draft.title(), null,
                Map.of("coHosts", coHosts));
        return id;
    }

    /** Changes a project that is not closed; the lead body stays. */
    @Transactional
    public void update(Viewer officer, long id, VolunteerProjects.Draft draft, List<Long> coHosts) {
        VolunteerProject p = led(officer, id, true);
        if (p.isClosed()) {
            throw new Refusal("volunteer.error.closed");
        }
        VolunteerProjects.Draft kept = new VolunteerProjects.Draft(draft.title(), draft.description(), draft.place(),
                draft.audience(), draft.audienceUnitId(), p.leadUnitId());
        check(officer, kept, org.unit(p.leadUnitId()).orElseThrow(), coHosts);
        List<Long> hostsBefore = projects.hosts(id);
        projects.update(id, kept);
        projects.setHosts(id, p.leadUnitId(), coHosts);
        audit.record(officer, "volunteer.project.update", "volunteer_project", id, p.leadUnitId(), kept.title(),
                Map.of("audience", p.audience() + " " + p.audienceUnitId(), "hosts", hostsBefore),
                Map.of("audience", kept.audience() + " " + kept.audienceUnitId(), "hosts", projects.hosts(id)));
    }

    private void check(Viewer officer, VolunteerProjects.Draft d, OrgUnit lead, List<Long> coHosts) {
        if (d.title() == null || d.title().isBlank() || d.title().length() > 100 || d.description() == null
                || d.description().length() > 20000 || (d.place() != null && d.place().length() > 200)) {
            throw new Refusal("volunteer.error.incomplete");
        }
        if (!AUDIENCES.contains(d.audience()) || d.audienceUnitId() == null) {
            throw new Refusal("volunteer.error.audience");
        }
        org.managedUnit(officer, d.audienceUnitId());
        if (coHosts.size() > MAX_CO_HOSTS || coHosts.stream().anyMatch(u -> !mayCoHost(officer, lead, u))) {
            throw new Refusal("volunteer.error.hosts");
        }
    }

    /**
     * A co-organiser is an open body the officer manages, a union unit above the lead body, or a partner body
     * beside one of those: who commonly runs such a project together, never an unrelated unit elsewhere.
     */
    private boolean mayCoHost(Viewer officer, OrgUnit lead, long unitId) {
        Optional<OrgUnit> unit = org.unit(unitId).filter(u -> !u.isClosed());
        if (unit.isEmpty() || unitId == lead.id()) {
            return false;
        }
        List<Long> chain = lead.pathIds();
        OrgUnit u = unit.get();
        return officer.manages(u.pathIds()) || chain.contains(u.id()) || (u.besideId() != null && chain.contains(u.besideId()));
    }

    /** Publishes a draft with at least one shift still to come: from now on its audience sees it. */
    @Transactional
    public void publish(Viewer officer, long id) {
        VolunteerProject p = led(officer, id, true);
        if (!p.isDraft()) {
            throw new Refusal("volunteer.error.notDraft");
        }
        if (!shifts.hasUpcoming(id, now())) {
            throw new Refusal("volunteer.error.noShifts");
        }
        projects.setStatus(id, "PUBLISHED");
        audit.record(officer, "volunteer.project.publish", "volunteer_project", id, p.leadUnitId(), p.title(),
                Map.of("status", p.status()), Map.of("status", "PUBLISHED"));
    }

    /** Closes a project once no shift is left to come: no more sign-ups; past shifts' hours may still be recorded. */
    @Transactional
    public void close(Viewer officer, long id) {
        VolunteerProject p = led(officer, id, true);
        if (p.isClosed()) {
            throw new Refusal("volunteer.error.closed");
        }
        if (shifts.hasUpcoming(id, now())) {
            throw new Refusal("volunteer.error.upcomingShifts");
        }
        projects.setStatus(id, "CLOSED");
        audit.record(officer, "volunteer.project.close", "volunteer_project", id, p.leadUnitId(), p.title(),
                Map.of("status", p.status()), Map.of("status", "CLOSED"));
    }

    @Transactional
    public long addShift(Viewer officer, long projectId, ShiftForm form) {
        VolunteerProject p = led(officer, projectId, true);
        if (p.isClosed()) {
            throw new Refusal("volunteer.error.closed");
        }
        if (form.startsAt() == null || form.endsAt() == null || !form.startsAt().isAfter(now())
                || !form.endsAt().isAfter(form.startsAt())
                || Duration.between(form.startsAt(), form.endsAt()).toMinutes() > ServiceHours.MAX_MINUTES) {
            throw new Refusal("volunteer.error.shiftTimes");
        }
        checkPlaces(form.needed());
        String place = form.place() == null || form.place().isBlank() ? null : form.place().strip();
        if (place != null && place.length() > 200) {
            throw new Refusal("volunteer.error.incomplete");
        }
        if (shifts.ofProject(projectId).size() >= MAX_SHIFTS) {
            throw new Refusal("volunteer.error.tooManyShifts");
        }
        long id = shifts.insert(projectId, form.startsAt(), form.endsAt(), place, form.needed());
        audit.record(officer, "volunteer.shift.add", "volunteer_shift", id, p.leadUnitId(), p.title(), null,
                Map.of("startsAt", form.startsAt(), "endsAt", form.endsAt(), "needed", form.needed()));
        return id;
    }

    private static void checkPlaces(Integer needed) {
        if (needed == null || needed < 1 || needed > MAX_PLACES) {
            throw new Refusal("volunteer.error.places");
        }
    }

    /** Changes the places of a shift that has not started; never below the places taken. */
    @Transactional
    public void changePlaces(Viewer officer, long shiftId, Integer needed) {
        Led led = shiftLed(officer, shiftId);
        Shift s = led.shift();
        checkPlaces(needed);
        if (!s.openForSignUp(now())) {
            throw new Refusal("volunteer.error.shiftStarted");
        }
        if (!shifts.setNeeded(shiftId, needed)) {
            throw new Refusal("volunteer.error.placesBelowTaken");
        }
        audit.record(officer, "volunteer.shift.places", "volunteer_shift", shiftId, led.project().leadUnitId(),
                led.project().title(), Map.of("needed", s.needed()), Map.of("needed", needed));
    }

    /** Cancels a shift that has not started, with a reason every volunteer on it is told. */
    @Transactional
    public void cancelShift(Viewer officer, long shiftId, String reason) {
        Led led = shiftLed(officer, shiftId);
        Shift s = led.shift();
        VolunteerProject p = led.project();
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new Refusal("volunteer.error.cancelReason");
        }
        if (!s.openForSignUp(now())) {
            throw new Refusal("volunteer.error.shiftStarted");
        }
        shifts.cancel(shiftId, reason.strip());
        audit.record(officer, "volunteer.shift.cancel", "volunteer_shift", shiftId, p.leadUnitId(), p.title(),
                Map.of("status", s.status()), Map.of("status", "CANCELLED", "reason", reason.strip()));
        String when = Volunteering.when(s);
        Message message = Message.of(NoticeKind.ACTIVITY, "activity.shift-cancelled", "/volunteering/mine", p.title(),
                when, reason.strip());
        shifts.volunteers(shiftId).forEach(e -> events.publishEvent(NotificationRequested.toEmployee(e, message)));
    }

    /**
     * Records, for every volunteer on an ended shift, whether they came and their hours (a no-show is 0). The
     * hours wait for another officer's confirmation; until then they may be recorded again.
     */
    @Transactional
    public void recordHours(Viewer officer, long shiftId, Map<Long, HoursEntry> entries) {
        Led led = shiftLed(officer, shiftId);
        Shift s = led.shift();
        if (!s.hasEnded(now()) || s.status().equals("CANCELLED")) {
            throw new Refusal("volunteer.error.notEnded");
        }
        if (s.status().equals("CONFIRMED")) {
            throw new Refusal("volunteer.error.confirmedAlready");
        }
        List<VolunteerShifts.Volunteer> roster = shifts.roster(shiftId);
        if (!entries.keySet().equals(roster.stream().map(VolunteerShifts.Volunteer::signupId).collect(Collectors.toSet()))) {
            throw new Refusal("volunteer.error.rosterChanged");
        }
        Map<Long, Integer> minutes = new HashMap<>();
        for (VolunteerShifts.Volunteer v : roster) {
            HoursEntry entry = entries.get(v.signupId());
            if (!entry.present()) {
                minutes.put(v.signupId(), 0);
                continue;
            }
            OptionalInt m = ServiceHours.parse(entry.hours() == null ? "" : entry.hours());
            if (m.isEmpty()) {
                throw new Refusal("volunteer.error.hours");
            }
            if (m.getAsInt() == 0) {
                throw new Refusal("volunteer.error.presentWithoutHours");
            }
            minutes.put(v.signupId(), m.getAsInt());
        }
        roster.forEach(v -> shifts.recordHours(v.signupId(), entries.get(v.signupId()).present(),
                minutes.get(v.signupId())));
        shifts.recorded(shiftId, officer.accountId(), now());
        audit.record(officer, "volunteer.hours.record", "volunteer_shift", shiftId, led.project().leadUnitId(),
                led.project().title(), null,
                Map.of("volunteers", roster.size(), "present", entries.values().stream().filter(HoursEntry::present).count(),
                        "minutes", minutes.values().stream().mapToInt(Integer::intValue).sum()));
        snapshots.shiftChanged(shiftId);
    }

    /**
     * Confirms recorded hours: someone other than the officer who recorded them, and not one of the shift's
     * volunteers, so nobody vouches for their own work or their own hours. Each volunteer is told their hours.
     */
    @Transactional
    public void confirmHours(Viewer officer, long shiftId) {
        Led led = shiftLed(officer, shiftId);
        Shift s = led.shift();
        VolunteerProject p = led.project();
        String block = confirmBlock(officer, s);
        if (block != null) {
            throw new Refusal(block);
        }
        shifts.confirmed(shiftId, officer.accountId(), now());
        List<VolunteerShifts.Volunteer> roster = shifts.roster(shiftId);
        audit.record(officer, "volunteer.hours.confirm", "volunteer_shift", shiftId, p.leadUnitId(), p.title(),
                Map.of("status", "RECORDED"), Map.of("status", "CONFIRMED", "volunteers", roster.size()));
        snapshots.shiftChanged(shiftId);
        String when = Volunteering.when(s);
        for (VolunteerShifts.Volunteer v : roster) {
            String hours = ServiceHours.format(v.minutes());
            Message message = Boolean.TRUE.equals(v.present())
                    ? Message.of(NoticeKind.ACTIVITY, "activity.hours-confirmed", "/volunteering/mine", hours, p.title(),
                    when)
                    : Message.of(NoticeKind.ACTIVITY, "activity.shift-absent", "/volunteering/mine", p.title(), when);
            events.publishEvent(NotificationRequested.toEmployee(v.employeeId(), message));
            if (Boolean.TRUE.equals(v.present()) && v.minutes() != null && v.minutes() > 0) {
                events.publishEvent(new VolunteerHoursConfirmed(shiftId, v.employeeId(), v.minutes(), p.title()));
            }
        }
    }

    /** Why the officer may not confirm the shift's hours (an i18n key), or null when they may. */
    private String confirmBlock(Viewer officer, Shift s) {
        if (!s.status().equals("RECORDED")) {
            return "volunteer.error.notRecorded";
        }
        if (s.recordedBy() == officer.accountId()) {
            return "volunteer.error.ownRecord";
        }
        if (officer.employeeId() != null && shifts.holdsPlace(s.id(), officer.employeeId())) {
            return "volunteer.error.ownHours";
        }
        return null;
    }

    /**
     * The project if the officer manages its lead body; 404 otherwise. Co-organisers are credited with its
     * hours but do not see who served.
     */
    public VolunteerProject led(Viewer officer, long id, boolean forUpdate) {
        VolunteerProject p = (forUpdate ? projects.findForUpdate(id) : projects.find(id))
                .orElseThrow(() -> new NotFoundException("volunteer project " + id));
        org.managedUnit(officer, p.leadUnitId());
        return p;
    }

    /** A shift with its project. */
    private record Led(VolunteerProject project, Shift shift) {
    }

    /** The shift, locked, with its project if the officer manages the project's lead body; 404 otherwise. */
    private Led shiftLed(Viewer officer, long shiftId) {
        Shift s = shifts.find(shiftId).orElseThrow(() -> new NotFoundException("volunteer shift " + shiftId));
        VolunteerProject p = led(officer, s.projectId(), false);
        return new Led(p, shifts.findForUpdate(shiftId).orElseThrow());
    }

    /** Whether the officer manages the project's lead body (for the employees' page, which organisers preview). */
    boolean manages(Viewer viewer, VolunteerProject p) {
        return org.unit(p.leadUnitId()).filter(u -> viewer.manages(u.pathIds())).isPresent();
    }

    public ProjectView view(Viewer officer, long id) {
        VolunteerProject p = led(officer, id, false);
        OffsetDateTime now = now();
        return new ProjectView(p, hosts(p.id()),
                shifts.ofProject(id).stream().map(s -> new ShiftLine(s, s.state(now))).toList());
    }

    public ShiftPage shiftPage(Viewer officer, long shiftId) {
        Shift s = shifts.find(shiftId).orElseThrow(() -> new NotFoundException("volunteer shift " + shiftId));
        VolunteerProject p = led(officer, s.projectId(), false);
        String length = ServiceHours.format(s.minutes());
        List<RosterLine> roster = shifts.roster(shiftId).stream().map(v -> {
            Optional<EmployeeSummary> e = org.employee(v.employeeId());
            return new RosterLine(v.signupId(), e.map(EmployeeSummary::name).orElse(""),
                    e.map(EmployeeSummary::employeeNo).orElse(""), e.map(EmployeeSummary::unitName).orElse(""),
                    v.present() == null || v.present(), v.minutes() == null ? length : ServiceHours.format(v.minutes()));
        }).toList();
        Shift.State state = s.state(now());
        boolean mayRecord = state == Shift.State.TO_RECORD || state == Shift.State.TO_CONFIRM;
        String block = confirmBlock(officer, s);
        return new ShiftPage(p, s, state, roster, mayRecord, block == null,
                state == Shift.State.TO_CONFIRM ? block : null);
    }

    /** The hosts of a project, the lead first, named. */
    public List<Body> hosts(long projectId) {
        List<Long> ids = projects.hosts(projectId);
        List<Body> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            out.add(new Body(id, org.unit(id).map(OrgUnit::name).orElse("#" + id), i == 0));
        }
        return out;
    }

    /** Projects led by the bodies the officer manages, shifts waiting for them, and each body's totals in {@code year}. */
    public Overview overview(Viewer officer, int year) {
        Collection<Long> scope = org.manageableUnitIds(officer).orElse(null);
        List<VolunteerShifts.BodyTotals> totals = shifts.byHost(scope, ServiceHours.yearStart(year),
                ServiceHours.yearStart(year + 1));
        List<VolunteerProject> led = projects.ledBy(scope, 200);
        List<VolunteerShifts.Waiting> toRecord = shifts.waiting(scope, false, officer.accountId(), now(), 100);
        List<VolunteerShifts.Waiting> toConfirm = shifts.waiting(scope, true, officer.accountId(), now(), 100);
        Map<Long, String> names = new LinkedHashMap<>();
        led.forEach(p -> names.computeIfAbsent(p.leadUnitId(), this::name));
        toRecord.forEach(w -> names.computeIfAbsent(w.leadUnitId(), this::name));
        toConfirm.forEach(w -> names.computeIfAbsent(w.leadUnitId(), this::name));
        List<BodyLine> bodies = totals.stream()
                .map(t -> new BodyLine(new Body(t.unitId(), name(t.unitId()), false), t.totals())).toList();
        return new Overview(year, led, toRecord, toConfirm, bodies, names);
    }

    /** Shifts waiting for the officer: to record, and to confirm (up to 100 each). */
    public Queue queue(Viewer officer) {
        Collection<Long> scope = org.manageableUnitIds(officer).orElse(null);
        return new Queue(shifts.waiting(scope, false, officer.accountId(), now(), 100).size(),
                shifts.waiting(scope, true, officer.accountId(), now(), 100).size());
    }

    /** How many shifts wait for an officer. */
    public record Queue(int toRecord, int toConfirm) {

        public boolean isEmpty() {
            return toRecord == 0 && toConfirm == 0;
        }
    }

    /** A body's totals in a year: its own projects, and those of every body of its subtree (each shift once). */
    public record UnitTotals(int year, ServiceHours.Totals own, ServiceHours.Totals subtree, boolean hasSubunits) {
    }

    public UnitTotals unitTotals(OrgUnit unit, List<Long> subtree, int year) {
        OffsetDateTime from = ServiceHours.yearStart(year);
        OffsetDateTime to = ServiceHours.yearStart(year + 1);
        return new UnitTotals(year, shifts.ofHosts(List.of(unit.id()), from, to), shifts.ofHosts(subtree, from, to),
                subtree.size() > 1);
    }

    /**
     * Bodies the officer may choose: to lead, the union units and partner bodies they manage; as audience, the
     * union units; as co-organisers, the units above them and the partner bodies beside those, and the partner
     * bodies they manage.
     */
    public Choices choices(Viewer officer) {
        List<OrgUnit> unions = org.manageableUnits(officer);
        List<Long> unionIds = unions.stream().map(OrgUnit::id).toList();
        List<OrgUnit> partners = org.partnersBeside(unionIds);
        List<OrgUnit> leads = new ArrayList<>(unions);
        leads.addAll(partners);
        Set<Long> chains = unions.stream().filter(u -> u.parentId() == null || !unionIds.contains(u.parentId()))
                .flatMap(u -> u.pathIds().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, OrgUnit> coHosts = new LinkedHashMap<>();
        chains.forEach(id -> org.unit(id).filter(u -> !u.isClosed()).ifPresent(u -> coHosts.put(id, u)));
        org.partnersBeside(chains).forEach(u -> coHosts.put(u.id(), u));
        partners.forEach(u -> coHosts.putIfAbsent(u.id(), u));
        return new Choices(leads, unions, List.copyOf(coHosts.values()));
    }

    private String name(long unitId) {
        return org.unit(unitId).map(OrgUnit::name).orElse("#" + unitId);
    }
}
