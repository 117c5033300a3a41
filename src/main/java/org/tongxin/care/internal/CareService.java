package org.tongxin.care.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.care.CareCaseOpened;
import org.tongxin.care.CareCaseOverdue;
import org.tongxin.care.MoveRecorded;
import org.tongxin.notify.Message;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
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

    /** What HR says about one move; {@code toGrade} is empty and {@code exitType} set when the employee leaves. */
    public record MoveForm(long employeeId, LocalDate movedOn, String fromGrade, String toDepartment, String toPost,
                           String toGrade, String exitType, String reason) {
    }

    /** A case with its notes decrypted, for the officers allowed to read it. */
    public record CaseView(CareCase careCase, Move move, String employeeName, String unitName, String outcome,
                           List<NoteView> notes) {
    }

    /** A note decrypted. */
    public record NoteView(String kind, LocalDate happenedOn, String content) {
    }

    private final CareRecords records;
    private final OrgDirectory org;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CareService(CareRecords records, OrgDirectory org, FieldCipher cipher, AuditTrail audit,
                ApplicationEventPublisher events, Optional<Clock> clock) {
        this.records = records;
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
        boolean leaving = form.exitType() != null && !form.exitType().isBlank();
        if (!grades.containsKey(form.fromGrade()) || form.reason() == null || form.reason().isBlank()
                || form.movedOn() == null || (leaving ? !EXIT_TYPES.contains(form.exitType())
                : !grades.containsKey(form.toGrade()) || blank(form.toDepartment()) || blank(form.toPost()))) {
            throw new Refusal("care.move.incomplete");
        }
        MoveClassification.Direction direction = MoveClassification.classify(grades.get(form.fromGrade()),
                leaving ? null : grades.get(form.toGrade()));
        long moveId = records.insertMove(employee.id(), employee.unitId(), form.movedOn(), employee.departmentName(),
                employee.jobTitle(), form.fromGrade(), leaving ? null : form.toDepartment().trim(),
                leaving ? null : form.toPost().trim(), leaving ? null : form.toGrade(), leaving ? form.exitType() : null,
                form.reason().trim(), direction.name(), hr.accountId());
        audit.record(hr, "care.move", "move", moveId, employee.unitId(), employee.employeeNo() + " " + employee.name(),
                null, Map.of("direction", direction, "movedOn", form.movedOn()));
        events.publishEvent(new MoveRecorded(moveId, employee.id(), employee.unitId(), direction.name(), form.movedOn()));
        if (MoveClassification.needsCare(direction)) {
            LocalDate today = LocalDate.now(clock);
            LocalDate due = WorkingDays.after(today, FIRST_CONTACT_DAYS);
            long caseId = records.openCase(moveId, employee.id(), employee.unitId(), today, due);
            events.publishEvent(new CareCaseOpened(caseId, employee.id(), employee.unitId(), due));
            events.publishEvent(NotificationRequested.toCarersOf(employee.unitId(), new Message(
                    "新的关怀案例：" + employee.name(),
                    employee.name() + " 有一次" + (direction == MoveClassification.Direction.OUT ? "离开企业" : "向下")
                            + "的岗位变动，请在 " + due + " 前完成首次谈心谈话。\n"
                            + "A move that costs " + employee.name() + " something: please make first contact by " + due + ".",
                    "/care/cases/" + caseId)));
        }
        return moveId;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The case if the viewer is an officer of the employee's own chain; 404 for anyone else. */
    private CareCase scoped(Viewer viewer, long caseId) {
        CareCase c = records.findCase(caseId).orElseThrow(() -> new NotFoundException("care case " + caseId));
        org.caredUnit(viewer, c.unitId());
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
        return new CaseView(c, records.move(c.moveId()).orElseThrow(), employee.name(),
                org.unit(c.unitId()).map(OrgUnit::name).orElse(""), cipher.decrypt(c.outcomeEnc()), notes);
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
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", kind);
        after.put("on", happenedOn);
        audit.record(officer, "care.note", "care_case", caseId, c.unitId(), "#" + caseId, null, after);
    }

    @Transactional
    public void close(Viewer officer, long caseId, String outcome) {
        CareCase c = scoped(officer, caseId);
        if (blank(outcome)) {
            throw new Refusal("care.case.outcome");
        }
        records.close(caseId, cipher.encrypt(outcome.trim()), LocalDate.now(clock));
        audit.record(officer, "care.case.close", "care_case", caseId, c.unitId(), "#" + caseId,
                Map.of("status", c.status()), Map.of("status", "CLOSED"));
    }

    /**
     * First contact overdue: the officers of the unit above are told, as are the unit's own (they may
     * have missed the first notice).
     *
     * @return how many cases were escalated
     */
    @Transactional
    public int escalateOverdue() {
        List<CareCase> overdue = records.overdue(LocalDate.now(clock));
        for (CareCase c : overdue) {
            Long parent = org.unit(c.unitId()).map(OrgUnit::parentId).orElse(null);
            records.escalated(c.id());
            events.publishEvent(new CareCaseOverdue(c.id(), c.employeeId(), c.unitId(), parent, c.firstContactDue()));
            Message message = new Message("关怀案例首次谈话已超期", "一个关怀案例应在 " + c.firstContactDue()
                    + " 前完成首次谈心谈话，至今没有记录。\nA care case had its first talk due by " + c.firstContactDue()
                    + "; none is recorded yet.", "/care/cases/" + c.id());
            events.publishEvent(NotificationRequested.toCarersOf(c.unitId(), message));
            if (parent != null) {
                events.publishEvent(NotificationRequested.toCarersOf(parent, message));
            }
        }
        return overdue.size();
    }

    /** Cases the viewer may see: their units' (everyone's for the committee). */
    public List<CareCase> casesFor(Viewer viewer) {
        return records.cases(org.caredUnitIds(viewer).orElse(null));
    }
}
