package org.tongxin.rights.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.org.UnitOfficers;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.time.WorkingDays;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Page;
import org.tongxin.shared.web.Refusal;

/**
 * Employees' appeals: raised from the phone, routed by {@link AppealRouting}, accepted and replied to within the
 * deadlines of {@link AppealCategory}, rated by the employee, reopened once at the unit above when unsatisfied, and
 * moved up the chain when a deadline passes. Only the appellant and officers holding a post in a unit of the appeal's
 * route reach it (anyone else: not found); a confidential appellant's name is shown only to the officers handling it
 * now, an anonymous one's to nobody; audit entries never carry a name.
 */
@Service
public class Appeals {

    public static final int MAX_TEXT = 4000;
    static final Set<String> STEP_KINDS = Set.of("CONTACTED", "MEETING", "RESPONSE", "NOTE");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** What an employee writes. */
    public record Raise(AppealCategory category, Appeal.Identity identity, String happened, String wanted) {
    }

    /** One step as everyone allowed sees it; the note decrypted. */
    public record Step(long id, String kind, String note, Long unitId, String unitName, OffsetDateTime at) {
    }

    /**
     * An appeal opened by someone allowed: {@code appellantName} null when hidden from this viewer; {@code handler}
     * when they may act on it now; {@code mine} when it is their own.
     */
    public record View(Appeal appeal, String happened, String wanted, String reply, List<Step> steps,
                       String appellantName, String appellantNo, String routeUnitName, boolean handler,
                       boolean mine) {
    }

    /** A line of a list. */
    public record Row(Appeal appeal, String appellantName, String routeUnitName) {
    }

    private static final RowMapper<Appeal> APPEAL = Appeals::appeal;

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final List<UnitOfficers> officers;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final RightsSnapshots snapshots;
    private final Clock clock;

    Appeals(JdbcClient jdbc, OrgDirectory org, List<UnitOfficers> officers, FieldCipher cipher, AuditTrail audit,
            ApplicationEventPublisher events, RightsSnapshots snapshots, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.officers = officers;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.snapshots = snapshots;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    static Appeal appeal(ResultSet rs, int i) throws SQLException {
        Object women = rs.getObject("women_committee_id");
        String rating = rs.getString("rating");
        return new Appeal(rs.getLong("id"), rs.getLong("employee_id"), rs.getLong("home_unit_id"),
                rs.getString("department"), rs.getLong("route_unit_id"), women == null ? null : ((Number) women).longValue(),
                AppealCategory.valueOf(rs.getString("category")), Appeal.Identity.valueOf(rs.getString("identity")),
                Appeal.Status.valueOf(rs.getString("status")), rs.getObject("accept_due", LocalDate.class),
                rs.getObject("resolve_due", LocalDate.class), rs.getObject("accepted_at", OffsetDateTime.class),
                rs.getObject("replied_at", OffsetDateTime.class), rating == null ? null : Appeal.Rating.valueOf(rating),
                rs.getBoolean("reopened"), rs.getInt("escalations"), rs.getObject("closed_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    /** The employee raises a concern; it goes to their own union, or straight to the committee level. */
    @Transactional
    public long raise(Viewer employee, Raise form) {
        if (employee.employeeId() == null) {
            throw new Refusal("rights.error.notEmployee");
        }
        if (form.category() == null || form.identity() == null) {
            throw new Refusal("rights.error.category");
        }
        if (form.identity() == Appeal.Identity.ANONYMOUS && !form.category().anonymousAllowed()) {
            throw new Refusal("rights.error.anonymousNotAllowed");
        }
        String happened = text(form.happened(), "rights.error.happened");
        String wanted = text(form.wanted(), "rights.error.wanted");
        EmployeeSummary person = org.employee(employee.employeeId())
                .orElseThrow(() -> new Refusal("rights.error.notEmployee"));
        OrgUnit home = org.unit(person.unitId()).orElseThrow(() -> new Refusal("rights.error.notEmployee"));
        long route = AppealRouting.firstUnit(form.category(), home.pathIds(), this::hasOfficers);
        Long women = form.category().womenCommittee() ? womenCommitteeBeside(route) : null;
        LocalDate today = today();
        long id = jdbc.sql("""
                        INSERT INTO rights_appeal (employee_id, home_unit_id, department, route_unit_id, women_committee_id,
                          category, identity, happened_enc, wanted_enc, status, accept_due)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?) RETURNING id""")
                .params(person.id(), home.id(), person.departmentName(), route, women, form.category().name(),
                        form.identity().name(), cipher.encrypt(happened), cipher.encrypt(wanted),
                        WorkingDays.after(today, AppealCategory.ACCEPT_DAYS))
                .query(Long.class).single();
        routeTo(id, route, form.category().committeeLevel() ? "COMMITTEE" : "RAISED");
        if (women != null) {
            routeTo(id, women, "WOMEN_COMMITTEE");
        }
        step(id, "RAISED", null, route, employee.accountId());
        snapshots.changed(id);
        tellHandlers(id, route, women, Message.of(NoticeKind.RIGHTS, "rights.appeal-raised", "/rights/handle/" + id,
                id, WorkingDays.after(today, AppealCategory.ACCEPT_DAYS)));
        return id;
    }

    /** An officer of the unit holding it accepts it; the resolution deadline starts. */
    @Transactional
    public void accept(Viewer officer, long id) {
        Appeal a = forHandler(officer, id);
        if (a.status() != Appeal.Status.SUBMITTED) {
            throw new Refusal("rights.error.notWaiting");
        }
        LocalDate due = WorkingDays.after(today(), a.category().resolveDays());
        jdbc.sql("UPDATE rights_appeal SET status = 'ACCEPTED', accepted_at = now(), resolve_due = ? WHERE id = ?")
                .params(due, id).update();
        step(id, "ACCEPTED", null, a.routeUnitId(), officer.accountId());
        snapshots.changed(id);
        audit.record(officer, "rights.appeal.accept", "rights_appeal", a.id(), a.routeUnitId(), "#" + a.id(),
                Map.of("status", "SUBMITTED"),
                Map.of("status", "ACCEPTED"));
        tellAppellant(a, Message.of(NoticeKind.RIGHTS, "rights.appeal-accepted", "/rights/appeals/" + id, id, due));
    }

    /** A step taken (department contacted, meeting held, answer received, a note), which the employee sees. */
    @Transactional
    public void record(Viewer officer, long id, String kind, String note) {
        Appeal a = forHandler(officer, id);
        if (!STEP_KINDS.contains(kind)) {
            throw new Refusal("rights.error.stepKind");
        }
        if (a.status() != Appeal.Status.ACCEPTED) {
            throw new Refusal("rights.error.notInHand");
        }
        String n = text(note, "rights.error.note");
        step(id, kind, n, a.routeUnitId(), officer.accountId());
        audit.record(officer, "rights.appeal.step", "rights_appeal", a.id(), a.routeUnitId(), "#" + a.id(),
                Map.of(), Map.of("step", kind));
        tellAppellant(a, Message.of(NoticeKind.RIGHTS, "rights.appeal-step", "/rights/appeals/" + id, id));
    }

    /** The reply to the employee; they rate it next. */
    @Transactional
    public void reply(Viewer officer, long id, String reply) {
        Appeal a = forHandler(officer, id);
        if (a.status() != Appeal.Status.ACCEPTED) {
            throw new Refusal("rights.error.notInHand");
        }
        String r = text(reply, "rights.error.reply");
        jdbc.sql("UPDATE rights_appeal SET status = 'REPLIED', replied_at = now(), reply_enc = ? WHERE id = ?")
                .params(cipher.encrypt(r), id).update();
        step(id, "REPLIED", null, a.routeUnitId(), officer.accountId());
        snapshots.changed(id);
        audit.record(officer, "rights.appeal.reply", "rights_appeal", a.id(), a.routeUnitId(), "#" + a.id(),
                Map.of("status", "ACCEPTED"),
                Map.of("status", "REPLIED"));
        tellAppellant(a, Message.of(NoticeKind.RIGHTS, "rights.appeal-replied", "/rights/appeals/" + id, id));
    }

    /**
     * The employee rates the reply. Unsatisfied, they may reopen it once: it goes to the unit above the one that
     * replied, to be accepted again. Otherwise it is closed.
     */
    @Transactional
    public void rate(Viewer employee, long id, Appeal.Rating rating, boolean reopen) {
        Appeal a = own(employee, id);
        if (a.status() != Appeal.Status.REPLIED) {
            throw new Refusal("rights.error.notReplied");
        }
        if (rating == null) {
            throw new Refusal("rights.error.rating");
        }
        if (reopen && (rating != Appeal.Rating.UNSATISFIED || a.reopened())) {
            throw new Refusal("rights.error.reopen");
        }
        jdbc.sql("UPDATE rights_appeal SET rating = ?, rated_at = now() WHERE id = ?").params(rating.name(), id).update();
        step(id, "RATED", null, a.routeUnitId(), employee.accountId());
        if (reopen) {
            long above = above(a.routeUnitId());
            LocalDate due = WorkingDays.after(today(), AppealCategory.ACCEPT_DAYS);
            jdbc.sql("""
                            UPDATE rights_appeal SET status = 'SUBMITTED', reopened = true, route_unit_id = ?, accept_due = ?,
                              resolve_due = NULL WHERE id = ?""")
                    .params(above, due, id).update();
            routeTo(id, above, "REOPENED");
            step(id, "REOPENED", null, above, employee.accountId());
            tellHandlers(id, above, null, Message.of(NoticeKind.RIGHTS, "rights.appeal-reopened",
                    "/rights/handle/" + id, id, due));
        } else {
            jdbc.sql("UPDATE rights_appeal SET status = 'CLOSED', closed_at = now() WHERE id = ?").param(id).update();
            step(id, "CLOSED", null, a.routeUnitId(), employee.accountId());
        }
        snapshots.changed(id);
    }

    /**
     * Moves every appeal whose deadline has passed to the unit above (at the root it stays, with a new deadline), to
     * be accepted there within the usual days, and tells that unit's officers urgently. Claimed with SKIP LOCKED and
     * given a new deadline in the same transaction, so two nodes never move one twice. Returns how many moved.
     */
    @Transactional
    public int escalateOverdue(LocalDate today) {
        List<Appeal> due = jdbc.sql("""
                        SELECT * FROM rights_appeal
                        WHERE (status = 'SUBMITTED' AND accept_due < ?) OR (status = 'ACCEPTED' AND resolve_due < ?)
                        ORDER BY id FOR UPDATE SKIP LOCKED""")
                .params(today, today).query(APPEAL).list();
        for (Appeal a : due) {
            long above = above(a.routeUnitId());
            LocalDate next = WorkingDays.after(today, AppealCategory.ACCEPT_DAYS);
            jdbc.sql("""
                            UPDATE rights_appeal SET status = 'SUBMITTED', route_unit_id = ?, accept_due = ?, resolve_due = NULL,
                              escalations = escalations + 1 WHERE id = ?""")
                    .params(above, next, a.id()).update();
            routeTo(a.id(), above, "OVERDUE");
            step(a.id(), "ESCALATED", null, above, null);
            snapshots.changed(a.id());
            tellHandlers(a.id(), above, a.womenCommitteeId(), Message.of(NoticeKind.RIGHTS, "rights.appeal-overdue",
                    "/rights/handle/" + a.id(), a.id(), next).urgently());
        }
        return due.size();
    }

    /** The appeal if this viewer may read it: its appellant, or an officer of a unit on its route; else not found. */
    public View view(Viewer viewer, long id) {
        Appeal a = find(id).orElseThrow(() -> new NotFoundException("appeal " + id));
        boolean mine = viewer.employeeId() != null && viewer.employeeId() == a.employeeId();
        if (!mine && !onRoute(viewer, a)) {
            throw new NotFoundException("appeal " + id);
        }
        boolean handler = handles(viewer, a);
        if (!mine) {
            audit.record(viewer, "rights.appeal.view", "rights_appeal", id, a.routeUnitId(), "#" + id, Map.of(),
                    Map.of());
        }
        record Written(String happened, String wanted, String reply) {
        }
        Written t = jdbc.sql("SELECT happened_enc, wanted_enc, reply_enc FROM rights_appeal WHERE id = ?").param(id)
                .query((rs, i) -> new Written(cipher.decrypt(rs.getString(1)), cipher.decrypt(rs.getString(2)),
                        rs.getString(3) == null ? null : cipher.decrypt(rs.getString(3))))
                .single();
        Optional<EmployeeSummary> person = shownName(viewer, a, mine) ? org.employee(a.employeeId()) : Optional.empty();
        return new View(a, t.happened(), t.wanted(), t.reply(), steps(id), person.map(EmployeeSummary::name).orElse(null),
                person.map(EmployeeSummary::employeeNo).orElse(null), unitName(a.routeUnitId()), handler, mine);
    }

    /** The employee's own appeals, newest first. */
    public List<Row> mine(Viewer employee) {
        if (employee.employeeId() == null) {
            return List.of();
        }
        return rows(jdbc.sql("SELECT * FROM rights_appeal WHERE employee_id = ? ORDER BY id DESC")
                .param(employee.employeeId()).query(APPEAL).list(), employee, true);
    }

    /**
     * The appeals that are or were at a unit where the officer holds a post, newest first; {@code open} for those not
     * yet closed or in mediation.
     */
    public Page<Row> forOfficer(Viewer officer, boolean open, int page, int size) {
        Long[] units = postUnits(officer).toArray(Long[]::new);
        String where = """
                 FROM rights_appeal a WHERE a.id IN (SELECT appeal_id FROM rights_appeal_route WHERE unit_id = ANY(?))
                """ + (open ? " AND a.status IN ('SUBMITTED', 'ACCEPTED', 'REPLIED')" : "");
        long total = jdbc.sql("SELECT count(*)" + where).param(units).query(Long.class).single();
        List<Appeal> appeals = jdbc.sql("SELECT a.*" + where + " ORDER BY a.id DESC LIMIT ? OFFSET ?")
                .params(units, size, (long) page * size).query(APPEAL).list();
        return new Page<>(rows(appeals, officer, false), page, size, total);
    }

    /**
     * The appeals the officer's units hold now (or the women workers' committee handling them too), waiting to be
     * accepted or in hand, oldest deadline first.
     */
    public List<Appeal> held(Viewer officer) {
        Long[] units = postUnits(officer).toArray(Long[]::new);
        if (units.length == 0) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT * FROM rights_appeal WHERE status IN ('SUBMITTED', 'ACCEPTED')
                          AND (route_unit_id = ANY(?) OR women_committee_id = ANY(?))
                        ORDER BY coalesce(resolve_due, accept_due), id""")
                .params(units, units).query(APPEAL).list();
    }

    /**
     * Marks an appeal as moved to mediation (the mediation committee's case refers to it); the company level joins its
     * route so the committee can open the case.
     */
    @Transactional
    public Appeal toMediation(Viewer officer, long id) {
        Appeal a = forHandler(officer, id);
        if (a.status() != Appeal.Status.ACCEPTED && a.status() != Appeal.Status.REPLIED) {
            throw new Refusal("rights.error.notInHand");
        }
        jdbc.sql("UPDATE rights_appeal SET status = 'MEDIATION' WHERE id = ?").param(id).update();
        // The mediation committee sits at the company level: it reads the appeal from now on to open its case.
        long root = org.unit(a.routeUnitId()).map(u -> u.pathIds().getFirst()).orElse(a.routeUnitId());
        routeTo(id, root, "COMMITTEE");
        step(id, "MEDIATION", null, a.routeUnitId(), officer.accountId());
        snapshots.changed(id);
        audit.record(officer, "rights.appeal.mediation", "rights_appeal", a.id(), a.routeUnitId(), "#" + a.id(),
                Map.of("status", a.status().name()),
                Map.of("status", "MEDIATION"));
        return a;
    }

    public Optional<Appeal> find(long id) {
        return jdbc.sql("SELECT * FROM rights_appeal WHERE id = ?").param(id).query(APPEAL).optional();
    }

    /** Units where the viewer holds a post; committee members hold the committee (the root). */
    Set<Long> postUnits(Viewer viewer) {
        return Posts.units(viewer, org);
    }

    /** Whether the viewer holds a post in a unit the appeal is or was at (may read it, not necessarily act). */
    boolean onRoute(Viewer viewer, Appeal a) {
        Set<Long> units = postUnits(viewer);
        if (units.isEmpty()) {
            return false;
        }
        return jdbc.sql("SELECT count(*) FROM rights_appeal_route WHERE appeal_id = ? AND unit_id = ANY(?)")
                .params(a.id(), units.toArray(Long[]::new)).query(Long.class).single() > 0;
    }

    /** Holds a post in the unit that has the appeal now (or in the women workers' committee handling it too). */
    private boolean handles(Viewer viewer, Appeal a) {
        Set<Long> units = postUnits(viewer);
        return units.contains(a.routeUnitId()) || (a.womenCommitteeId() != null && units.contains(a.womenCommitteeId()));
    }

    private boolean shownName(Viewer viewer, Appeal a, boolean mine) {
        return mine || switch (a.identity()) {
            case NAMED -> true;
            case CONFIDENTIAL -> handles(viewer, a);
            case ANONYMOUS -> false;
        };
    }

    private Appeal forHandler(Viewer officer, long id) {
        Appeal a = find(id).orElseThrow(() -> new NotFoundException("appeal " + id));
        if (!handles(officer, a)) {
            throw new NotFoundException("appeal " + id);
        }
        return a;
    }

    private Appeal own(Viewer employee, long id) {
        Appeal a = find(id).orElseThrow(() -> new NotFoundException("appeal " + id));
        if (employee.employeeId() == null || employee.employeeId() != a.employeeId()) {
            throw new NotFoundException("appeal " + id);
        }
        return a;
    }

    private List<Row> rows(List<Appeal> appeals, Viewer viewer, boolean mine) {
        Map<Long, EmployeeSummary> people = org.employees(appeals.stream()
                .filter(a -> shownName(viewer, a, mine)).map(Appeal::employeeId).distinct().toList());
        List<Row> out = new ArrayList<>();
        for (Appeal a : appeals) {
            EmployeeSummary p = shownName(viewer, a, mine) ? people.get(a.employeeId()) : null;
            out.add(new Row(a, p == null ? null : p.name(), unitName(a.routeUnitId())));
        }
        return out;
    }

    private List<Step> steps(long id) {
        return jdbc.sql("SELECT id, kind, note_enc, unit_id, created_at FROM rights_appeal_step WHERE appeal_id = ? ORDER BY id")
                .param(id)
                .query((rs, i) -> {
                    Object unit = rs.getObject(4);
                    Long unitId = unit == null ? null : ((Number) unit).longValue();
                    String note = rs.getString(3);
                    return new Step(rs.getLong(1), rs.getString(2), note == null ? null : cipher.decrypt(note), unitId,
                            unitId == null ? null : unitName(unitId), rs.getObject(5, OffsetDateTime.class));
                })
                .list();
    }

    private String unitName(long unitId) {
        return org.unit(unitId).map(OrgUnit::name).orElse("");
    }

    private boolean hasOfficers(long unitId) {
        return officers.stream().anyMatch(o -> !o.officersOf(unitId).isEmpty());
    }

    private Long womenCommitteeBeside(long unitId) {
        return org.partnersBeside(List.of(unitId)).stream().filter(u -> u.kind() == UnitKind.WOMEN_COMMITTEE)
                .map(OrgUnit::id).findFirst().orElse(null);
    }

    private long above(long unitId) {
        return AppealRouting.above(org.unit(unitId).map(OrgUnit::pathIds).orElse(List.of(unitId)));
    }

    private void routeTo(long id, long unitId, String reason) {
        jdbc.sql("INSERT INTO rights_appeal_route (appeal_id, unit_id, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(id, unitId, reason).update();
    }

    private void step(long id, String kind, String note, Long unitId, Long accountId) {
        jdbc.sql("INSERT INTO rights_appeal_step (appeal_id, kind, note_enc, unit_id, by_account) VALUES (?, ?, ?, ?, ?)")
                .params(id, kind, note == null ? null : cipher.encrypt(note), unitId, accountId).update();
    }

    private void tellHandlers(long id, long unitId, Long womenCommitteeId, Message message) {
        events.publishEvent(NotificationRequested.toOfficersOf(unitId, message));
        if (womenCommitteeId != null) {
            events.publishEvent(NotificationRequested.toOfficersOf(womenCommitteeId, message));
        }
    }

    private void tellAppellant(Appeal a, Message message) {
        events.publishEvent(NotificationRequested.toEmployee(a.employeeId(), message));
    }

    static String text(String value, String refusal) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > MAX_TEXT) {
            throw new Refusal(refusal);
        }
        return v;
    }
}
