package org.tongxin.care.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.care.CareCaseOpened;
import org.tongxin.care.CareCaseOverdue;
import org.tongxin.care.MoveRecorded;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitOfficers;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.time.SnapshotVersion;
import org.tongxin.shared.time.WorkingDays;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Records HR's moves, opens a care case for every downward or outward one, and keeps what officers
 * learn in talks encrypted and visible only along the employee's own chain, every look audited.
 */
@Service
public class CareService {

    /** Working days an officer has to make first contact after a case opens. */
    public static final int FIRST_CONTACT_DAYS = 3;
    static final Set<String> EXIT_TYPES = Set.of("DISMISSAL", "TERMINATION", "EARLY_RETIREMENT", "SECONDMENT", "POSTING");
    static final Set<String> NOTE_KINDS = Set.of("TALK", "COUNSELLING", "REFERRAL", "HR");

    /**
     * What HR says about one move; {@code toGrade} is empty and {@code exitType} set when the employee leaves.
     * {@code toDepartment} is a department code Tongxin knows (then the new unit is known) or a name.
     * {@code fromDepartment} and {@code fromPost} default to the employee's current record when blank.
     */
    public record MoveForm(long employeeId, LocalDate movedOn, String fromDepartment, String fromPost,
                           String fromGrade, String toDepartment, String toPost, String toGrade, String exitType,
                           String reason, Long projectId) {

        public MoveForm(long employeeId, LocalDate movedOn, String fromGrade, String toDepartment, String toPost,
                        String toGrade, String exitType, String reason, Long projectId) {
            this(employeeId, movedOn, null, null, fromGrade, toDepartment, toPost, toGrade, exitType, reason,
                    projectId);
        }
    }

    /** A case with its notes and plan decrypted, for the officers allowed to read it. */
    public record CaseView(CareCase careCase, Move move, String employeeName, String unitName, String outcome,
                           List<NoteView> notes, String plan, String ownerName, String toUnitName,
                           List<UnitOfficers.Officer> carers) {
    }

    /** A note decrypted. */
    public record NoteView(String kind, LocalDate happenedOn, String content) {
    }

    private final CareRecords records;
    private final OrgDirectory org;
    private final List<UnitOfficers> officers;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CareService(CareRecords records, OrgDirectory org, FieldCipher cipher, AuditTrail audit,
                ApplicationEventPublisher events, Optional<Clock> clock, List<UnitOfficers> officers) {
        this.records = records;
        this.officers = officers;
        this.org = org;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Records a move (HR, through the committee) and opens a care case when it is down or out. */
    @Transactional
    public long recordMove(Viewer hr, MoveForm form) {
        if (!hr.seesWholeTree()) {
            throw new OutOfScopeException("recording moves");
        }
        EmployeeSummary employee = org.employee(form.employeeId()).orElseThrow(() -> new NotFoundException("employee"));
        Map<String, Integer> grades = records.grades();
        boolean leaving = !blank(form.exitType());
        if (!grades.containsKey(form.fromGrade()) || blank(form.reason()) || form.reason().length() > 200
                || form.movedOn() == null || (leaving ? !EXIT_TYPES.contains(form.exitType())
                : !grades.containsKey(form.toGrade()) || blank(form.toDepartment()) || blank(form.toPost()))) {
            throw new Refusal("care.move.incomplete");
        }
        if (form.projectId() != null && records.project(form.projectId()).isEmpty()) {
            throw new Refusal("care.project.unknown");
        }
        if (records.moveExists(employee.id(), form.movedOn())) {
            throw new Refusal("care.move.duplicate");
        }
        MoveClassification.Direction direction = MoveClassification.classify(grades.get(form.fromGrade()),
                leaving ? null : grades.get(form.toGrade()));
        CareRecords.Destination to = leaving ? new CareRecords.Destination(null, null, null, null, form.exitType())
                : org.departmentByCode(form.toDepartment())
                        .map(d -> new CareRecords.Destination(d.name(), form.toPost().trim(), form.toGrade(), d.unitId(),
                                null))
                        .orElse(new CareRecords.Destination(form.toDepartment().trim(), form.toPost().trim(),
                                form.toGrade(), null, null));
        long moveId;
        try {
            moveId = records.insertMove(employee.id(), employee.unitId(), form.movedOn(),
                    blank(form.fromDepartment()) ? employee.departmentName() : form.fromDepartment().trim(),
                    blank(form.fromPost()) ? employee.jobTitle() : form.fromPost().trim(), form.fromGrade(), to,
                    form.reason().trim(), direction.name(), form.projectId(), hr.accountId());
        } catch (DuplicateKeyException sameMoveAtOnce) {
            // A double submit racing the check above: the unique index keeps one.
            throw new Refusal("care.move.duplicate");
        }
        audit.record(hr, "care.move", "move", moveId, employee.unitId(), employee.employeeNo() + " " + employee.name(),
                null, Map.of("direction", direction, "movedOn", form.movedOn()));
        events.publishEvent(new MoveRecorded(moveId, employee.id(), employee.unitId(), direction.name(), form.movedOn()));
        if (MoveClassification.needsCare(direction)) {
            openCase(moveId, employee.id(), employee.name(), employee.unitId(), direction);
        }
        if (to.unitId() != null && to.unitId() != employee.unitId()) {
            // The receiving unit hears who is coming, not why; from the day of the move it may read the case.
            events.publishEvent(NotificationRequested.toCarersOf(to.unitId(),
                    Message.of(NoticeKind.CARE, "care.moving-in", null, employee.name(), form.movedOn(),
                            to.department(), to.post())));
        }
        return moveId;
    }

    /** Opens the case for the unit the employee belonged to when they moved. */
    private long openCase(long moveId, long employeeId, String name, long unitId,
                          MoveClassification.Direction direction) {
        LocalDate today = LocalDate.now(clock);
        LocalDate due = WorkingDays.after(today, FIRST_CONTACT_DAYS);
        long caseId = records.openCase(moveId, employeeId, unitId, today, due);
        caseChanged(caseId);
        events.publishEvent(new CareCaseOpened(caseId, employeeId, unitId, due));
        String link = "/care/cases/" + caseId;
        events.publishEvent(NotificationRequested.toCarersOf(unitId, direction == MoveClassification.Direction.OUT
                ? Message.of(NoticeKind.CARE, "care.case-opened-out", link, name, due)
                : Message.of(NoticeKind.CARE, "care.case-opened-down", link, name, due)));
        return caseId;
    }

    /**
     * A move with its case, when the viewer cares for the employee's unit (or the unit they moved into);
     * the officer's reason for a correction decrypted. Every look is audited.
     */
    public record MoveView(Move move, String employeeName, String unitName, String reclassifyNote,
                           Optional<CareCase> careCase) {
    }

    @Transactional
    public MoveView move(Viewer viewer, long moveId) {
        Move move = records.move(moveId).orElseThrow(() -> new NotFoundException("move " + moveId));
        caredFor(viewer, move);
        String name = org.employee(move.employeeId()).map(EmployeeSummary::name).orElse("");
        audit.record(viewer, "care.move.view", "move", moveId, move.unitId(), name, null, null);
        return new MoveView(move, name, org.unit(move.unitId()).map(OrgUnit::name).orElse(""),
                cipher.decrypt(move.reclassifyNoteEnc()), records.caseOfMove(moveId));
    }

    /**
     * An officer who knows the person corrects HR's classification with a note (a "lateral" move that loses
     * a shift allowance is down). A move that now costs the employee something opens its case; a case
     * already open stays open for the officer to close.
     */
    @Transactional
    public void reclassify(Viewer officer, long moveId, String direction, String note) {
        Move move = records.moveForUpdate(moveId).orElseThrow(() -> new NotFoundException("move " + moveId));
        caredFor(officer, move);
        MoveClassification.Direction to;
        try {
            to = MoveClassification.Direction.valueOf(direction);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Refusal("care.reclassify.incomplete");
        }
        if (blank(note) || note.length() > 500) {
            throw new Refusal("care.reclassify.incomplete");
        }
        if ((to == MoveClassification.Direction.OUT) != (move.exitType() != null)) {
            throw new Refusal("care.reclassify.out");
        }
        if (to.name().equals(move.direction())) {
            throw new Refusal("care.reclassify.same");
        }
        records.reclassify(moveId, to.name(), cipher.encrypt(note.trim()), officer.accountId());
        audit.record(officer, "care.move.reclassify", "move", moveId, move.unitId(), "#" + moveId,
                Map.of("direction", move.direction()), Map.of("direction", to));
        Optional<CareCase> opened = records.caseOfMove(moveId);
        if (opened.isPresent()) {
            caseChanged(opened.get().id());
        } else if (MoveClassification.needsCare(to)) {
            openCase(moveId, move.employeeId(), org.employee(move.employeeId()).map(EmployeeSummary::name).orElse(""),
                    move.unitId(), to);
        }
    }

    /**
     * The viewer cares for the move's employee: at the unit they left, or, from the day of the move, at the
     * unit they moved into.
     */
    private void caredFor(Viewer viewer, Move move) {
        try {
            org.caredUnit(viewer, move.unitId());
        } catch (OutOfScopeException | NotFoundException notThere) {
            if (!arrived(move)) {
                throw notThere;
            }
            org.caredUnit(viewer, move.toUnitId());
        }
    }

    private boolean arrived(Move move) {
        return move.toUnitId() != null && !move.movedOn().isAfter(LocalDate.now(clock));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * The case if the viewer holds the care right on the employee's chain, before or after the move; 404 for
     * anyone else.
     */
    private CareCase scoped(Viewer viewer, long caseId) {
        CareCase c = records.findCase(caseId).orElseThrow(() -> new NotFoundException("care case " + caseId));
        caredFor(viewer, records.move(c.moveId()).orElseThrow());
        return c;
    }

    private CareCase open(Viewer viewer, long caseId) {
        CareCase c = scoped(viewer, caseId);
        if (!c.isOpen()) {
            throw new Refusal("care.case.closed");
        }
        return c;
    }

    /** Opens a case for reading; every look is in the audit trail. */
    @Transactional
    public CaseView view(Viewer viewer, long caseId) {
        CareCase c = scoped(viewer, caseId);
        EmployeeSummary employee = org.employee(c.employeeId()).orElseThrow();
        audit.record(viewer, "care.case.view", "care_case", caseId, c.unitId(), employee.name(), null, null);
        List<NoteView> notes = records.notes(caseId).stream()
                .map(n -> new NoteView(n.kind(), n.happenedOn(), cipher.decrypt(n.contentEnc()))).toList();
        Move move = records.move(c.moveId()).orElseThrow();
        return new CaseView(c, move, employee.name(), org.unit(c.unitId()).map(OrgUnit::name).orElse(""),
                cipher.decrypt(c.outcomeEnc()), notes, cipher.decrypt(c.planEnc()),
                c.ownerEmployeeId() == null ? null
                        : org.employee(c.ownerEmployeeId()).map(EmployeeSummary::name).orElse(null),
                move.toUnitId() == null ? null : org.unit(move.toUnitId()).map(OrgUnit::name).orElse(null),
                carers(c, move));
    }

    /**
     * Officers who may own the case: those with the care right on the case's unit and the units above it,
     * nearest first, then, once the employee has arrived, those of the unit they moved into.
     */
    private List<UnitOfficers.Officer> carers(CareCase c, Move move) {
        List<UnitOfficers.Officer> carers = new ArrayList<>();
        List<Long> units = new ArrayList<>(org.unit(c.unitId()).map(OrgUnit::pathIds).orElse(List.of()).reversed());
        if (arrived(move)) {
            units.addAll(org.unit(move.toUnitId()).map(OrgUnit::pathIds).orElse(List.of()).reversed());
        }
        for (long id : units) {
            officers.forEach(o -> o.officersOf(id).stream().filter(UnitOfficers.Officer::care)
                    .filter(x -> carers.stream().noneMatch(y -> y.employeeId() == x.employeeId()))
                    .forEach(carers::add));
        }
        return carers;
    }

    /** The nearest unit up from {@code unitId} (itself included) where an officer holds the care right. */
    private Optional<Long> nearestCarerUnit(long unitId) {
        for (long id : org.unit(unitId).map(OrgUnit::pathIds).orElse(List.of()).reversed()) {
            boolean any = officers.stream().anyMatch(o -> o.officersOf(id).stream().anyMatch(UnitOfficers.Officer::care));
            if (any) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /**
     * Gives the case an owner: the officer themself, or another officer holding the care right on the
     * employee's chain, who is told.
     */
    @Transactional
    public void assign(Viewer officer, long caseId, long ownerEmployeeId) {
        CareCase c = open(officer, caseId);
        boolean self = officer.employeeId() != null && officer.employeeId() == ownerEmployeeId;
        if (!self && carers(c, records.move(c.moveId()).orElseThrow()).stream()
                .noneMatch(o -> o.employeeId() == ownerEmployeeId)) {
            throw new Refusal("care.case.ownerNotCarer");
        }
        records.setOwner(caseId, ownerEmployeeId);
        audit.record(officer, "care.case.assign", "care_case", caseId, c.unitId(), "#" + caseId,
                c.ownerEmployeeId() == null ? null : Map.of("owner", c.ownerEmployeeId()),
                Map.of("owner", ownerEmployeeId));
        if (!self) {
            events.publishEvent(NotificationRequested.toEmployee(ownerEmployeeId,
                    Message.of(NoticeKind.CARE, "care.case-assigned", "/care/cases/" + caseId)));
        }
    }

    /** Sets the follow-up plan and the date of the next talk; missing that date escalates like first contact. */
    @Transactional
    public void plan(Viewer officer, long caseId, String plan, LocalDate followUpDue) {
        CareCase c = open(officer, caseId);
        LocalDate today = LocalDate.now(clock);
        if (blank(plan) || plan.length() > 2000 || followUpDue == null || !followUpDue.isAfter(today)
                || followUpDue.isAfter(today.plusYears(1))) {
            throw new Refusal("care.plan.incomplete");
        }
        records.setPlan(caseId, cipher.encrypt(plan.trim()), followUpDue);
        caseChanged(caseId);
        audit.record(officer, "care.case.plan", "care_case", caseId, c.unitId(), "#" + caseId, null,
                Map.of("followUpDue", followUpDue));
    }

    /** Records a talk, a counselling step, a referral or a note with HR; the first talk is the first contact. */
    @Transactional
    public void addNote(Viewer officer, long caseId, String kind, LocalDate happenedOn, String content) {
        CareCase c = scoped(officer, caseId);
        if (!c.isOpen()) {
            throw new Refusal("care.case.closed");
        }
        if (!NOTE_KINDS.contains(kind) || happenedOn == null || blank(content) || content.length() > 4000
                || happenedOn.isAfter(LocalDate.now(clock))) {
            throw new Refusal("care.note.incomplete");
        }
        records.addNote(caseId, kind, happenedOn, cipher.encrypt(content.trim()), officer.accountId());
        if (kind.equals("TALK")) {
            records.firstContact(caseId, happenedOn);
        }
        if (kind.equals("TALK") || kind.equals("COUNSELLING")) {
            records.followedUp(caseId);
        }
        caseChanged(caseId);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", kind);
        after.put("on", happenedOn);
        audit.record(officer, "care.note", "care_case", caseId, c.unitId(), "#" + caseId, null, after);
    }

    @Transactional
    public void close(Viewer officer, long caseId, String outcome) {
        CareCase c = open(officer, caseId);
        if (blank(outcome)) {
            throw new Refusal("care.case.outcome");
        }
        records.close(caseId, cipher.encrypt(outcome.trim()), LocalDate.now(clock));
        caseChanged(caseId);
        audit.record(officer, "care.case.close", "care_case", caseId, c.unitId(), "#" + caseId,
                Map.of("status", c.status()), Map.of("status", "CLOSED"));
    }

    /**
     * First contact or a planned follow-up overdue: the care officers of the unit above are told, as are the
     * unit's own (they may have missed the first notice). Each missed date escalates once.
     *
     * @return how many missed dates were escalated (a case can miss both)
     */
    @Transactional
    public int escalateOverdue() {
        LocalDate today = LocalDate.now(clock);
        List<CareCase> overdue = records.overdue(today);
        for (CareCase c : overdue) {
            records.escalated(c.id());
            escalate(c, c.firstContactDue(), Message.of(NoticeKind.CARE, "care.first-talk-overdue",
                    "/care/cases/" + c.id(), c.firstContactDue()).urgently());
        }
        List<CareCase> followUps = records.overdueFollowUps(today);
        for (CareCase c : followUps) {
            records.followUpEscalated(c.id(), c.followUpDue());
            escalate(c, c.followUpDue(), Message.of(NoticeKind.CARE, "care.follow-up-overdue",
                    "/care/cases/" + c.id(), c.followUpDue()).urgently());
        }
        return overdue.size() + followUps.size();
    }

    private void escalate(CareCase c, LocalDate due, Message message) {
        Long parent = org.unit(c.unitId()).map(OrgUnit::parentId).orElse(null);
        events.publishEvent(new CareCaseOverdue(c.id(), c.employeeId(), c.unitId(), parent, due));
        events.publishEvent(NotificationRequested.toCarersOf(c.unitId(), message));
        // When the unit has no care officer of its own its notice already went up to the parent's or beyond.
        boolean ownCarers = nearestCarerUnit(c.unitId()).filter(id -> id == c.unitId()).isPresent();
        if (parent != null && ownCarers) {
            events.publishEvent(NotificationRequested.toCarersOf(parent, message));
        }
    }

    /**
     * Tells whoever keeps figures the case as it stands now (after this transaction commits). An owner or an
     * escalation changes nothing they count and publishes nothing.
     */
    private void caseChanged(long caseId) {
        Instant now = Instant.now(clock);
        events.publishEvent(records.caseSnapshot(caseId, SnapshotVersion.of(now)));
    }

    /** Cases the viewer may see: of their cared units' people, or people moving into them (all for the committee). */
    public List<CareCase> casesFor(Viewer viewer) {
        return records.cases(org.caredUnitIds(viewer).orElse(null), LocalDate.now(clock));
    }
}
