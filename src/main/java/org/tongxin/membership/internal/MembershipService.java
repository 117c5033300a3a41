package org.tongxin.membership.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.membership.MemberJoined;
import org.tongxin.membership.MemberPeriods;
import org.tongxin.membership.MemberTransferred;
import org.tongxin.membership.MembershipEnded;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.EmployeeStatus;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.time.SnapshotVersion;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/** Applying, deciding and escalating; every officer decision is audited and the people concerned are told. */
@Service
public class MembershipService {

    /** A request refused for a reason the person can act on; carries an i18n key. */
    public static class Refused extends Refusal {

        public Refused(String messageKey) {
            super(messageKey);
        }
    }

    static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;

    private final Applications applications;
    private final Members members;
    private final FileStore files;
    private final Flags flags;
    private final UnitStats stats;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MembershipService(Applications applications, Members members, FileStore files, Flags flags, UnitStats stats,
                      OrgDirectory org,
                      AuditTrail audit, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.applications = applications;
        this.members = members;
        this.files = files;
        this.flags = flags;
        this.stats = stats;
        this.org = org;
        this.audit = audit;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** An employee applies for themselves. */
    @Transactional
    public long apply(Viewer viewer, boolean declarationAccepted) {
        return apply(viewer, declarationAccepted, null);
    }

    /** An employee applies for themselves, with an optional photo for the member card (JPEG, PNG or WebP, 2 MB). */
    @Transactional
    public long apply(Viewer viewer, boolean declarationAccepted, byte[] photo) {
        if (viewer.employeeId() == null) {
            throw new Refused("membership.refused.notEmployee");
        }
        if (!declarationAccepted) {
            throw new Refused("membership.refused.declaration");
        }
        EmployeeSummary employee = org.employee(viewer.employeeId()).orElse(null);
        checkMayApply(employee);
        long id = submit(employee, "ONLINE", storePhoto(photo));
        LocalDate due = applications.find(id).orElseThrow().dueOn();
        tellOfficers(employee.unitId(), Message.of(NoticeKind.MEMBERSHIP, "membership.application-received",
                "/membership/applications", employee.name(), employee.unitName(), due));
        return id;
    }

    /**
     * At a mobile service window (流动服务窗口) an officer fills the application with the employee on the
     * spot and, being allowed to decide for that unit, approves it there and then.
     *
     * @return the new member number
     */
    @Transactional
    public String joinAtWindow(Viewer officer, long employeeId, boolean declarationAccepted) {
        EmployeeSummary employee = org.employee(employeeId).orElseThrow(() -> new NotFoundException("employee"));
        requireScope(officer, employee.unitId());
        if (!declarationAccepted) {
            throw new Refused("membership.refused.declaration");
        }
        long id = submit(employee, "SERVICE_WINDOW", null);
        return approve(officer, id);
    }

    private String storePhoto(byte[] photo) {
        if (photo == null || photo.length == 0) {
            return null;
        }
        return files.storeImage("photos", photo, MAX_PHOTO_BYTES);
    }

    private void checkMayApply(EmployeeSummary employee) {
        long employeeId = employee == null ? -1 : employee.id();
        JoiningPolicy.refusal(employee, employee != null && members.current(employeeId).isPresent(),
                employee != null && applications.openOf(employeeId).isPresent()).ifPresent(key -> {
                    throw new Refused(key);
                });
    }

    private long submit(EmployeeSummary employee, String channel, String photoKey) {
        checkMayApply(employee);
        LocalDate due = DecisionDeadline.dueOn(today(),
                applications.decisionDays(employee.unitId(), DecisionDeadline.DEFAULT_WORKING_DAYS));
        long id;
        try {
            id = applications.submit(employee.id(), employee.unitId(), channel, due, photoKey);
        } catch (DuplicateKeyException e) {
            // A second tap on "submit" raced the first: one open application per person, as the index says.
            throw new Refused("membership.refused.open");
        }
        applicationChanged(id);
        return id;
    }

    /**
     * Ends a membership (退会, death, lapse), or turns it into a retired membership (退休会员), which is a
     * new period rather than an end. The old period stays as it was, with its end date and reason.
     */
    @Transactional
    public void endMembership(Viewer officer, long employeeId, String reason) {
        if (!List.of("LEFT", "RETIRED", "LAPSED", "DECEASED").contains(reason)) {
            throw new Refused("membership.refused.endReason");
        }
        EmployeeSummary employee = org.employee(employeeId).orElseThrow(() -> new NotFoundException("employee"));
        requireScope(officer, employee.unitId());
        Member member = lockedCurrent(employeeId).orElseThrow(() -> new Refused("membership.refused.notMember"));
        requireScope(officer, member.unitId());
        LocalDate today = today();
        if (reason.equals("RETIRED") && member.isRetired()) {
            throw new Refused("membership.refused.retired");
        }
        members.endPeriod(member.id(), today, reason);
        if (reason.equals("RETIRED")) {
            members.startPeriod(member.id(), member.unitId(), today, "RETIRED", "RETIRED");
        }
        periodsChanged(member.id(), employeeId);
        audit.record(officer, "membership.end", "member", member.memberNo(), member.unitId(), employee.name(),
                Map.of("status", member.status()), Map.of("status", reason.equals("RETIRED") ? "RETIRED" : "ENDED",
                        "reason", reason));
        if (!reason.equals("RETIRED")) {
            events.publishEvent(new MembershipEnded(member.id(), employeeId, member.unitId(), reason, today));
        }
    }

    /**
     * The member's current state read after locking the member row: two officers acting on one member
     * at once take turns, and the second sees what the first did.
     */
    private Optional<Member> lockedCurrent(long employeeId) {
        Optional<Long> memberId = members.formerMemberId(employeeId);
        memberId.ifPresent(members::lock);
        return memberId.flatMap(id -> members.current(employeeId));
    }

    /** Sets how many working days a unit has to decide applications (1 to 90); applies to new applications. */
    @Transactional
    public void setDecisionDays(Viewer officer, long unitId, int days) {
        requireScope(officer, unitId);
        if (days < 1 || days > 90) {
            throw new Refused("membership.refused.days");
        }
        int before = applications.decisionDays(unitId, DecisionDeadline.DEFAULT_WORKING_DAYS);
        applications.setDecisionDays(unitId, days);
        audit.record(officer, "membership.deadline", "unit", unitId, unitId,
                org.unit(unitId).map(OrgUnit::name).orElse(""), Map.of("days", before), Map.of("days", days));
    }

    public int decisionDays(long unitId) {
        return applications.decisionDays(unitId, DecisionDeadline.DEFAULT_WORKING_DAYS);
    }

    private void requireScope(Viewer viewer, Application a) {
        requireScope(viewer, a.unitId());
    }

    private void requireScope(Viewer viewer, long unitId) {
        org.managedUnit(viewer, unitId);
    }

    @Transactional
    public String approve(Viewer viewer, long applicationId) {
        Application a = applications.lock(applicationId)
                .orElseThrow(() -> new NotFoundException("application " + applicationId));
        requireScope(viewer, a);
        if (!a.isPending()) {
            throw new Refused("membership.refused.decided");
        }
        EmployeeSummary applicant = org.employee(a.employeeId()).orElse(null);
        if (applicant == null || applicant.status() == EmployeeStatus.LEFT || applicant.status() == EmployeeStatus.RETIRED) {
            throw new Refused("membership.refused.notEmployee");
        }
        LocalDate today = today();
        Optional<Long> former = members.formerMemberId(a.employeeId());
        long memberId;
        String memberNo;
        if (former.isPresent()) {
            memberId = former.get();
            memberNo = members.numberOf(memberId);
            members.startPeriod(memberId, a.unitId(), today, "REJOINED");
        } else {
            memberNo = members.nextNumber(a.unitId());
            memberId = members.create(a.employeeId(), memberNo, today);
            members.startPeriod(memberId, a.unitId(), today, "JOINED");
        }
        members.setPhoto(memberId, a.photoKey());
        periodsChanged(memberId, a.employeeId());
        applications.decide(applicationId, "APPROVED", viewer.accountId(), null);
        applicationChanged(applicationId);
        String name = org.employee(a.employeeId()).map(EmployeeSummary::name).orElse("#" + a.employeeId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", "APPROVED");
        after.put("memberNo", memberNo);
        audit.record(viewer, "membership.approve", "application", applicationId, a.unitId(), name,
                Map.of("status", "PENDING"), after);
        events.publishEvent(new MemberJoined(memberId, a.employeeId(), a.unitId(), memberNo, today,
                former.isPresent()));
        events.publishEvent(NotificationRequested.toEmployee(a.employeeId(),
                Message.of(NoticeKind.MEMBERSHIP, "membership.application-approved", "/me/card", memberNo)));
        return memberNo;
    }

    @Transactional
    public void reject(Viewer viewer, long applicationId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new Refused("membership.refused.reason");
        }
        Application a = applications.lock(applicationId)
                .orElseThrow(() -> new NotFoundException("application " + applicationId));
        requireScope(viewer, a);
        if (!a.isPending()) {
            throw new Refused("membership.refused.decided");
        }
        String why = reason.trim();
        applications.decide(applicationId, "REJECTED", viewer.accountId(), why);
        applicationChanged(applicationId);
        String name = org.employee(a.employeeId()).map(EmployeeSummary::name).orElse("#" + a.employeeId());
        audit.record(viewer, "membership.reject", "application", applicationId, a.unitId(), name,
                Map.of("status", "PENDING"), Map.of("status", "REJECTED", "reason", why));
        events.publishEvent(NotificationRequested.toEmployee(a.employeeId(),
                Message.of(NoticeKind.MEMBERSHIP, "membership.application-rejected", "/membership/apply", why)));
    }

    /**
     * HR moved a member's department to another union unit: the membership follows (转会) with a new
     * period, and the receiving unit's officers are told.
     */
    @Transactional
    public void followMove(long employeeId, long fromUnitId, long toUnitId) {
        lockedCurrent(employeeId).filter(m -> m.unitId() == fromUnitId)
                .ifPresent(m -> transfer(m, toUnitId, null));
        applications.openOf(employeeId).filter(a -> a.unitId() == fromUnitId).ifPresent(a -> {
            applications.moveTo(a.id(), fromUnitId, toUnitId);
            applicationChanged(a.id());
        });
    }

    /** An officer transfers a member of their units to another open union unit. */
    @Transactional
    public void transferByOfficer(Viewer officer, long employeeId, long toUnitId) {
        Member member = lockedCurrent(employeeId).orElseThrow(() -> new Refused("membership.refused.notMember"));
        requireScope(officer, member.unitId());
        OrgUnit target = org.unit(toUnitId).filter(u -> !u.isClosed() && !u.kind().isPartner())
                .orElseThrow(() -> new Refused("membership.refused.transferTarget"));
        // Into the officer's own units only: a transfer elsewhere is for the receiving union to accept.
        requireScope(officer, toUnitId);
        if (target.id() == member.unitId()) {
            throw new Refused("membership.refused.transferTarget");
        }
        transfer(member, toUnitId, officer.displayName());
        String name = org.employee(employeeId).map(EmployeeSummary::name).orElse("#" + employeeId);
        audit.record(officer, "membership.transfer", "member", member.memberNo(), member.unitId(), name,
                Map.of("unit", org.unit(member.unitId()).map(OrgUnit::name).orElse("")), Map.of("unit", target.name()));
    }

    /**
     * Moves a member whose row the caller has locked; counter rows are taken in unit order (no deadlock). {@code by}
     * names the officer who moved them, null for HR's move.
     */
    private void transfer(Member member, long toUnitId, String by) {
        stats.lockInOrder(List.of(member.unitId(), toUnitId));
        flags.follow(member.id(), toUnitId);
        LocalDate today = today();
        members.endPeriod(member.id(), today, "TRANSFERRED");
        members.startPeriod(member.id(), toUnitId, today, "TRANSFERRED", member.status());
        periodsChanged(member.id(), member.employeeId());
        events.publishEvent(new MemberTransferred(member.id(), member.employeeId(), member.unitId(), toUnitId, today));
        String name = org.employee(member.employeeId()).map(EmployeeSummary::name).orElse("");
        tellOfficers(toUnitId, by == null
                ? Message.of(NoticeKind.MEMBERSHIP, "membership.moved-in-by-hr", "/membership/window", name,
                        member.memberNo())
                : Message.of(NoticeKind.MEMBERSHIP, "membership.transferred-in", "/membership/window", name,
                        member.memberNo(), by));
    }

    /** HR reports a member has left the enterprise: an officer decides what becomes of the membership. */
    @Transactional
    public void flagLeft(long employeeId) {
        applications.openOf(employeeId).ifPresent(this::withdraw);
        members.current(employeeId).ifPresent(m -> {
            flags.raise(m.id(), m.unitId(), "LEFT_ENTERPRISE");
            String name = org.employee(employeeId).map(EmployeeSummary::name).orElse("");
            tellOfficers(m.unitId(), Message.of(NoticeKind.MEMBERSHIP, "membership.member-left",
                    "/membership/applications", name));
        });
    }

    /**
     * HR reports an employee retired: a member carries on as a retired member (退休会员) in a new period,
     * and an open application is withdrawn (retirees do not join as employees).
     */
    @Transactional
    public void followRetirement(long employeeId) {
        applications.openOf(employeeId).ifPresent(this::withdraw);
        lockedCurrent(employeeId).filter(m -> !m.isRetired()).ifPresent(m -> {
            LocalDate today = today();
            members.endPeriod(m.id(), today, "RETIRED");
            members.startPeriod(m.id(), m.unitId(), today, "RETIRED", "RETIRED");
            periodsChanged(m.id(), m.employeeId());
        });
    }

    /** Settles a flag: end the membership as left, or keep it (e.g. moved to a partner company). */
    @Transactional
    public void settleFlag(Viewer officer, long flagId, boolean endMembership) {
        Flag flag = flags.lockOpen(flagId).orElseThrow(() -> new NotFoundException("flag " + flagId));
        requireScope(officer, flag.unitId());
        members.lock(flag.memberId());
        Member member = members.currentById(flag.memberId()).orElse(null);
        if (member != null) {
            requireScope(officer, member.unitId());
        }
        if (endMembership && member != null) {
            members.endPeriod(member.id(), today(), "LEFT");
            periodsChanged(member.id(), member.employeeId());
            events.publishEvent(new MembershipEnded(member.id(), member.employeeId(), member.unitId(), "LEFT", today()));
        }
        flags.settle(flagId, officer.accountId(), endMembership ? "ENDED" : "KEPT");
        audit.record(officer, "membership.flag", "member", flag.memberId(), flag.unitId(),
                member == null ? "#" + flag.memberId() : org.employee(member.employeeId()).map(EmployeeSummary::name).orElse(""),
                Map.of("flag", flag.reason()), Map.of("outcome", endMembership ? "ENDED" : "KEPT"));
    }

    /**
     * Applications past their deadline go up to the unit above: its officers and the unit's own are told.
     * A top unit has no one above; its officers are reminded.
     *
     * @return how many applications were escalated
     */
    @Transactional
    public int escalateOverdue() {
        List<Application> overdue = applications.overdue(today());
        for (Application a : overdue) {
            Long parent = org.unit(a.unitId()).map(OrgUnit::parentId).orElse(null);
            applications.escalate(a.id(), parent);
            String name = org.employee(a.employeeId()).map(EmployeeSummary::name).orElse("#" + a.employeeId());
            Message message = Message.of(NoticeKind.MEMBERSHIP, "membership.application-overdue",
                    "/membership/applications", name, a.dueOn()).urgently();
            tellOfficers(a.unitId(), message);
            if (parent != null) {
                tellOfficers(parent, message);
            }
        }
        return overdue.size();
    }

    /** Tells the officers looking after the unit, once this transaction has committed. */
    private void tellOfficers(long unitId, Message message) {
        events.publishEvent(NotificationRequested.toOfficersOf(unitId, message));
    }

    /** Tells whoever keeps figures the member's periods as they stand now (after this transaction commits). */
    private void periodsChanged(long memberId, long employeeId) {
        List<MemberPeriods.Span> spans = members.periods(memberId).stream()
                .map(p -> new MemberPeriods.Span(p.id(), p.unitId(), p.status(), p.startedOn(), p.endedOn()))
                .toList();
        events.publishEvent(new MemberPeriods(memberId, employeeId, spans, version()));
    }

    private void withdraw(Application a) {
        applications.withdraw(a.id());
        applicationChanged(a.id());
    }

    /**
     * Tells whoever keeps figures the application as it stands now (after this transaction commits). Escalation
     * changes nothing they count and publishes nothing.
     */
    private void applicationChanged(long applicationId) {
        events.publishEvent(applications.snapshot(applicationId, version()));
    }

    /** Microseconds of the change: orders the snapshots of one record. */
    private long version() {
        Instant now = Instant.now(clock);
        return SnapshotVersion.of(now);
    }
}
