package org.tongxin.care.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.EmployeeStatus;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.time.SnapshotVersion;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Hardship aid (困难职工帮扶): applications by the employee or an officer on their behalf, decisions along
 * the employee's chain ({@link AidChain}), disbursement and yearly totals. The situation, comments and
 * evidence are encrypted and open only to the applicant and the officers of the employee's own chain who
 * hold the care right (and the committee); every officer's look is audited.
 */
@Service
public class AidService {

    private static final int MAX_FILES = 5;
    private static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");
    private static final int MAX_SITUATION = 4000;
    private static final int MAX_COMMENT = 1000;
    private static final int LIST_LIMIT = 300;
    private static final String FOLDER = "aid";

    /** What the form says; the amount as typed, checked here. */
    public record AidForm(String category, String amount, String situation) {
    }

    /** An uploaded evidence file with the name the uploader's device gave it. */
    public record Upload(String name, byte[] content) {
    }

    /**
     * One decision along the chain as shown. {@code unitName} is null for the committee's own step; the
     * comment and the reviewer's name are null for the applicant, who sees only a decline's reason.
     */
    public record StepView(String unitName, boolean byCommittee, boolean approved, BigDecimal amount, String comment,
                           String reviewerName, OffsetDateTime at) {
    }

    public record FileView(long id, String name, String mediaType, int sizeBytes) {

        public boolean isImage() {
            return mediaType.startsWith("image/");
        }
    }

    /**
     * An application decrypted for someone allowed to read it. {@code stepName} names the unit whose officers
     * review now (null at the committee's step or once decided).
     */
    public record AidView(Aid aid, String employeeName, String employeeNo, String unitName, String situation,
                          String stepName, List<StepView> steps, List<FileView> files, boolean mayReview,
                          boolean mayPay) {
    }

    /** An evidence file read back for download. */
    public record Evidence(String name, String mediaType, byte[] content) {
    }

    /** One line of the officers' list: nothing of the situation, only who, how much and where it stands. */
    public record Row(long id, String name, String unitName, String category, BigDecimal asked, BigDecimal approved,
                      String status, LocalDate appliedOn) {
    }

    /** A year's applications of a person or a unit, with the amounts approved (approved or paid) and paid. */
    public record Sum(String name, int applications, BigDecimal approved, BigDecimal paid) {

        Sum plus(Sum other) {
            return new Sum(name, applications + other.applications, approved.add(other.approved), paid.add(other.paid));
        }
    }

    /**
     * The officers' list for a year: the applications in the viewer's cared units (at most
     * {@value #LIST_LIMIT}, newest first), and that year's totals per person and per sub-unit.
     */
    public record Overview(int year, boolean careRight, List<Row> rows, List<Sum> people, List<Sum> units,
                           BigDecimal approved, BigDecimal paid) {
    }

    private final AidRecords records;
    private final OrgDirectory org;
    private final FieldCipher cipher;
    private final FileStore files;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AidService(AidRecords records, OrgDirectory org, FieldCipher cipher, FileStore files, AuditTrail audit,
               ApplicationEventPublisher events, Optional<Clock> clock) {
        this.records = records;
        this.org = org;
        this.cipher = cipher;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** An employee applies for themself. */
    @Transactional
    public long applyForSelf(Viewer employee, AidForm form, List<Upload> uploads) {
        if (employee.employeeId() == null) {
            throw new Refusal("care.aid.noEmployee");
        }
        return apply(employee, org.employee(employee.employeeId()).orElseThrow(() -> new NotFoundException("employee")),
                form, uploads);
    }

    /**
     * An officer with the care right applies for someone of their units, named by employee number. Someone
     * outside their units gets the same answer as a number that does not exist.
     */
    @Transactional
    public long applyFor(Viewer officer, String employeeNo, AidForm form, List<Upload> uploads) {
        String no = employeeNo == null ? "" : employeeNo.trim();
        EmployeeSummary employee = Optional.ofNullable(org.employeeIdsByNumber(List.of(no)).get(no))
                .flatMap(org::employee)
                .filter(e -> org.unit(e.unitId()).map(u -> officer.caresFor(u.pathIds())).orElse(false))
                .orElseThrow(() -> new Refusal("care.aid.unknownEmployee"));
        return apply(officer, employee, form, uploads);
    }

    /** Checks everything, files included, before anything is written: a refused form leaves nothing behind. */
    private long apply(Viewer actor, EmployeeSummary employee, AidForm form, List<Upload> uploads) {
        if (employee.status() == EmployeeStatus.LEFT) {
            throw new Refusal("care.aid.employeeLeft");
        }
        Aid.Category category = parse(Aid.Category.class, form.category()).orElseThrow(
                () -> new Refusal("care.aid.incomplete"));
        BigDecimal asked = money(form.amount()).orElseThrow(() -> new Refusal("care.aid.amountInvalid"));
        String situation = form.situation() == null ? "" : form.situation().trim();
        if (situation.isEmpty() || situation.length() > MAX_SITUATION) {
            throw new Refusal("care.aid.incomplete");
        }
        if (uploads.size() > MAX_FILES) {
            throw new Refusal("care.aid.tooManyFiles");
        }
        uploads.forEach(u -> files.documentType(u.content(), MAX_FILE_BYTES));

        List<Long> unitPath = org.unit(employee.unitId()).orElseThrow().pathIds();
        Long firstStep = AidChain.firstStep(unitPath);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = records.insert(employee.id(), employee.unitId(), now.getYear(), category.name(), asked,
                cipher.encrypt(situation), firstStep, actor.accountId(), now);
        aidChanged(id);
        int position = 1;
        for (Upload upload : uploads) {
            FileStore.StoredDocument stored = files.storeDocument(FOLDER, upload.content(), MAX_FILE_BYTES);
            records.addFile(id, position++, stored.key(), stored.mediaType(), cipher.encrypt(fileName(upload.name())),
                    upload.content().length);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("category", category);
        after.put("amountAsked", asked);
        after.put("files", uploads.size());
        audit.record(actor, "care.aid.apply", "care_aid", id, employee.unitId(), label(employee), null, after);
        askReviewers(id, employee, asked, firstStep, unitPath);
        if (actor.employeeId() == null || actor.employeeId() != employee.id()) {
            events.publishEvent(NotificationRequested.toEmployee(employee.id(),
                    Message.of(NoticeKind.CARE, "care.aid-applied-for-you", "/care/aid/mine")));
        }
        return id;
    }

    /** Tells whoever decides {@code step} (the committee's: those holding the care right at the top unit). */
    private void askReviewers(long aidId, EmployeeSummary employee, BigDecimal asked, Long step, List<Long> unitPath) {
        events.publishEvent(NotificationRequested.toCarersOf(step != null ? step : unitPath.getFirst(),
                Message.of(NoticeKind.CARE, "care.aid-to-review", "/care/aid/" + aidId, employee.name(),
                        asked.toPlainString())));
    }

    /**
     * Approves the current step with an amount no higher than asked, or declines it with a reason the
     * applicant will read. The row is locked first, so of two reviewers acting on one step only the first
     * decides; the second finds the step moved on.
     */
    @Transactional
    public void review(Viewer reviewer, long aidId, String decision, String amount, String comment) {
        Aid aid = records.lock(aidId).orElseThrow(() -> new NotFoundException("aid " + aidId));
        org.caredUnit(reviewer, aid.unitId());
        List<Long> stepPath = stepPath(aid);
        AidChain.reviewRefusal(aid, reviewer, stepPath, records.hasReviewed(aidId, reviewer.accountId()))
                .ifPresent(key -> {
                    throw new Refusal(key);
                });
        boolean approve = "APPROVE".equals(decision);
        if (!approve && !"DECLINE".equals(decision)) {
            throw new Refusal("care.aid.chooseDecision");
        }
        String text = comment == null ? "" : comment.trim();
        if (text.length() > MAX_COMMENT) {
            throw new Refusal("care.aid.commentTooLong");
        }
        BigDecimal granted = null;
        if (approve) {
            granted = money(amount).orElseThrow(() -> new Refusal("care.aid.amountInvalid"));
            if (granted.compareTo(aid.amountAsked()) > 0) {
                throw new Refusal("care.aid.amountAboveAsked");
            }
        } else if (text.isEmpty()) {
            throw new Refusal("care.aid.reasonRequired");
        }
        boolean committee = reviewer.has(Role.COMMITTEE);
        OffsetDateTime now = OffsetDateTime.now(clock);
        records.addReview(aidId, aid.currentUnitId(), committee, decision, granted,
                text.isEmpty() ? null : cipher.encrypt(text), reviewer.accountId(), reviewer.displayName(), now);
        EmployeeSummary employee = org.employee(aid.employeeId()).orElseThrow();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", aid.status());
        before.put("step", aid.currentUnitId() == null ? "committee" : aid.currentUnitId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("decision", decision);
        after.put("amount", granted);
        if (!approve) {
            records.decide(aidId, Aid.Status.DECLINED, null, now.toLocalDate());
            after.put("status", Aid.Status.DECLINED);
            tellApplicant(employee, Message.of(NoticeKind.CARE, "care.aid-declined", "/care/aid/mine"));
        } else if (committee) {
            records.decide(aidId, Aid.Status.APPROVED, granted, now.toLocalDate());
            after.put("status", Aid.Status.APPROVED);
            tellApplicant(employee, Message.of(NoticeKind.CARE, "care.aid-approved", "/care/aid/mine",
                    granted.toPlainString()));
        } else {
            Long next = AidChain.nextStep(reviewer, stepPath);
            records.passOn(aidId, next);
            after.put("status", Aid.Status.IN_REVIEW);
            after.put("step", next == null ? "committee" : next);
            askReviewers(aidId, employee, aid.amountAsked(), next, stepPath);
        }
        aidChanged(aidId);
        audit.record(reviewer, "care.aid.review", "care_aid", aidId, aid.unitId(), label(employee), before, after);
    }

    /** Records that approved aid was paid: on a day no later than today, no more than approved, in cash, by transfer or in kind. */
    @Transactional
    public void pay(Viewer officer, long aidId, LocalDate paidOn, String amount, String method) {
        Aid aid = records.lock(aidId).orElseThrow(() -> new NotFoundException("aid " + aidId));
        org.caredUnit(officer, aid.unitId());
        if (!aid.isApproved()) {
            throw new Refusal("care.aid.notApproved");
        }
        if (isApplicant(officer, aid)) {
            throw new Refusal("care.aid.ownApplication");
        }
        BigDecimal paid = money(amount).orElseThrow(() -> new Refusal("care.aid.amountInvalid"));
        if (paid.compareTo(aid.amountApproved()) > 0) {
            throw new Refusal("care.aid.amountAboveApproved");
        }
        Aid.PayMethod how = parse(Aid.PayMethod.class, method).orElseThrow(() -> new Refusal("care.aid.payIncomplete"));
        if (paidOn == null || paidOn.isAfter(LocalDate.now(clock)) || paidOn.isBefore(aid.decidedOn())) {
            throw new Refusal("care.aid.payIncomplete");
        }
        records.pay(aidId, paidOn, paid, how, officer.accountId());
        aidChanged(aidId);
        EmployeeSummary employee = org.employee(aid.employeeId()).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", Aid.Status.PAID);
        after.put("paidOn", paidOn);
        after.put("amount", paid);
        after.put("method", how);
        audit.record(officer, "care.aid.pay", "care_aid", aidId, aid.unitId(), label(employee),
                Map.of("status", aid.status()), after);
        tellApplicant(employee, Message.of(NoticeKind.CARE, "care.aid-paid", "/care/aid/mine", paid.toPlainString(),
                paidOn));
    }

    /** Tells whoever keeps figures the application as it stands now (after this transaction commits). */
    private void aidChanged(long aidId) {
        Instant now = Instant.now(clock);
        events.publishEvent(records.snapshot(aidId, SnapshotVersion.of(now)));
    }

    private void tellApplicant(EmployeeSummary employee, Message message) {
        events.publishEvent(NotificationRequested.toEmployee(employee.id(), message));
    }

    /**
     * Opens an application for an officer of the employee's chain with the care right, or the committee; 404
     * for anyone else. Every opening is in the audit trail. The applicant, should they hold such a right, sees
     * it as an applicant.
     */
    @Transactional
    public AidView view(Viewer officer, long aidId) {
        Aid aid = records.find(aidId).orElseThrow(() -> new NotFoundException("aid " + aidId));
        org.caredUnit(officer, aid.unitId());
        EmployeeSummary employee = org.employee(aid.employeeId()).orElseThrow();
        audit.record(officer, "care.aid.view", "care_aid", aidId, aid.unitId(), label(employee), null, null);
        if (isApplicant(officer, aid)) {
            return build(aid, employee, true, false, false);
        }
        boolean mayReview = AidChain.reviewRefusal(aid, officer, stepPath(aid),
                records.hasReviewed(aidId, officer.accountId())).isEmpty();
        return build(aid, employee, false, mayReview, aid.isApproved());
    }

    /** The employee's own applications, as the applicant sees them. */
    public List<AidView> mine(Viewer employee) {
        if (employee.employeeId() == null) {
            return List.of();
        }
        EmployeeSummary me = org.employee(employee.employeeId()).orElseThrow();
        return records.ofEmployee(me.id()).stream().map(a -> build(a, me, true, false, false)).toList();
    }

    private AidView build(Aid aid, EmployeeSummary employee, boolean forApplicant, boolean mayReview, boolean mayPay) {
        Map<Long, Optional<OrgUnit>> units = new HashMap<>();
        List<StepView> steps = records.reviews(aid.id()).stream().map(r -> new StepView(
                r.unitId() == null ? null : unitName(units, r.unitId()), r.byCommittee(), r.approved(), r.amount(),
                forApplicant && r.approved() ? null : cipher.decrypt(r.commentEnc()),
                forApplicant ? null : r.reviewerName(), r.reviewedAt())).toList();
        List<FileView> evidence = records.files(aid.id()).stream()
                .map(f -> new FileView(f.id(), cipher.decrypt(f.nameEnc()), f.mediaType(), f.sizeBytes())).toList();
        return new AidView(aid, employee.name(), employee.employeeNo(), unitName(units, aid.unitId()),
                cipher.decrypt(aid.situationEnc()),
                aid.currentUnitId() == null ? null : unitName(units, aid.currentUnitId()), steps, evidence,
                mayReview, mayPay);
    }

    /**
     * An evidence file, for the applicant or an officer who may open the application; 404 for anyone else.
     * Every download is in the audit trail.
     */
    @Transactional
    public Evidence evidence(Viewer viewer, long aidId, long fileId) {
        Aid aid = records.find(aidId).orElseThrow(() -> new NotFoundException("aid " + aidId));
        if (!isApplicant(viewer, aid)) {
            org.caredUnit(viewer, aid.unitId());
        }
        AidRecords.AidFile file = records.file(aidId, fileId).orElseThrow(() -> new NotFoundException("file " + fileId));
        FileStore.Document document = files.readDocument(file.fileKey())
                .orElseThrow(() -> new NotFoundException("file " + fileId));
        audit.record(viewer, "care.aid.file", "care_aid", aidId, aid.unitId(), "#" + aidId + " / " + file.position(),
                null, null);
        return new Evidence(cipher.decrypt(file.nameEnc()), document.mediaType(), document.content());
    }

    /**
     * The applications of {@code year} in the units the viewer looks after (all for the committee), optionally
     * of one status or only those waiting for the viewer, with the year's totals per person and per sub-unit.
     * An officer without the care right gets nothing. Opening the list is audited, as it names people.
     */
    @Transactional
    public Overview overview(Viewer viewer, int year, String status, boolean waitingForMe) {
        Set<Long> scope = org.caredUnitIds(viewer).orElse(null);
        if (scope != null && scope.isEmpty()) {
            return new Overview(year, false, List.of(), List.of(), List.of(), BigDecimal.ZERO, BigDecimal.ZERO);
        }
        String shownStatus = parse(Aid.Status.class, status).map(Enum::name).orElse(null);
        Map<Long, Optional<OrgUnit>> units = new HashMap<>();
        Map<Long, Optional<EmployeeSummary>> people = new HashMap<>();
        List<Row> rows = records.list(new AidRecords.Filter(scope, year, shownStatus,
                waitingForMe ? reviewer(viewer) : null), LIST_LIMIT).stream()
                .map(a -> new Row(a.id(), person(people, a.employeeId()).map(EmployeeSummary::name).orElse(""),
                        unitName(units, a.unitId()), a.category(), a.amountAsked(), a.amountApproved(), a.status(),
                        a.createdAt().toLocalDate()))
                .toList();

        // Keyed by employee number and unit name, so each list comes out in that order.
        Map<String, Sum> byPerson = new TreeMap<>();
        Map<String, Sum> byUnit = new TreeMap<>();
        BigDecimal approved = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        for (AidRecords.Total t : records.totals(scope, year)) {
            EmployeeSummary e = person(people, t.employeeId()).orElse(null);
            String name = e == null ? "" : e.name() + " " + e.employeeNo();
            byPerson.merge(e == null ? "" : e.employeeNo(), new Sum(name, t.applications(), t.approved(), t.paid()),
                    Sum::plus);
            String unitName = unitName(units, subUnitOf(viewer, unit(units, t.unitId()).orElseThrow().pathIds()));
            byUnit.merge(unitName, new Sum(unitName, t.applications(), t.approved(), t.paid()), Sum::plus);
            approved = approved.add(t.approved());
            paid = paid.add(t.paid());
        }
        audit.record(viewer, "care.aid.list", "care_aid", null, null, Integer.toString(year), null,
                Map.of("shown", rows.size()));
        return new Overview(year, true, rows, List.copyOf(byPerson.values()), List.copyOf(byUnit.values()), approved,
                paid);
    }

    /** How many applications wait for the viewer's decision: the committee's step for committee members. */
    public long waitingFor(Viewer viewer) {
        Set<Long> units = org.caredUnitIds(viewer).orElse(null);
        if (units != null && units.isEmpty()) {
            return 0;
        }
        return records.count(new AidRecords.Filter(units, null, null, reviewer(viewer)));
    }

    /**
     * The sub-unit a unit's totals count towards: the child, on its path, of the top unit the viewer looks
     * after there (the tree's top for the committee); that top unit itself for its own people.
     */
    private static long subUnitOf(Viewer viewer, List<Long> path) {
        int top = 0;
        if (!viewer.has(Role.COMMITTEE)) {
            while (top < path.size() - 1 && !viewer.careUnits().contains(path.get(top))) {
                top++;
            }
        }
        return path.get(Math.min(top + 1, path.size() - 1));
    }

    private static AidRecords.Reviewer reviewer(Viewer viewer) {
        return new AidRecords.Reviewer(viewer.accountId(), viewer.employeeId(), viewer.has(Role.COMMITTEE));
    }

    private Optional<EmployeeSummary> person(Map<Long, Optional<EmployeeSummary>> cache, long employeeId) {
        return cache.computeIfAbsent(employeeId, org::employee);
    }

    private Optional<OrgUnit> unit(Map<Long, Optional<OrgUnit>> cache, long unitId) {
        return cache.computeIfAbsent(unitId, org::unit);
    }

    private String unitName(Map<Long, Optional<OrgUnit>> cache, long unitId) {
        return unit(cache, unitId).map(OrgUnit::name).orElse("");
    }

    private List<Long> stepPath(Aid aid) {
        return aid.currentUnitId() == null ? null : org.unit(aid.currentUnitId()).orElseThrow().pathIds();
    }

    private static boolean isApplicant(Viewer viewer, Aid aid) {
        return viewer.employeeId() != null && viewer.employeeId() == aid.employeeId();
    }

    private static String label(EmployeeSummary employee) {
        return employee.employeeNo() + " " + employee.name();
    }

    /** A positive amount in yuan with at most two decimals, up to {@link #MAX_AMOUNT}; empty for anything else. */
    static Optional<BigDecimal> money(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            BigDecimal amount = new BigDecimal(typed.trim().replace(",", ""));
            if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(MAX_AMOUNT) > 0) {
                return Optional.empty();
            }
            return Optional.of(amount.setScale(2));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The last part of an uploaded name, without control characters, short enough to show. */
    private static String fileName(String uploaded) {
        String name = uploaded == null ? "" : uploaded.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").trim();
        if (name.isEmpty()) {
            return "evidence";
        }
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }
}
