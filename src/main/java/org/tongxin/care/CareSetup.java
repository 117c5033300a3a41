package org.tongxin.care;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.care.internal.Aid;
import org.tongxin.care.internal.AidChain;
import org.tongxin.care.internal.AidRecords;
import org.tongxin.care.internal.CareRecords;
import org.tongxin.care.internal.MoveClassification;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.time.WorkingDays;

/**
 * Start-up set-up of care records for the demo enterprise and for data carried over from an earlier
 * system: moves with the case they opened, hardship aid at the stage it reached, at the dates they
 * happened. No officer scope is checked.
 */
@Service
public class CareSetup {

    /**
     * One decision on a hardship application, a day after the one before: an officer's at the step the
     * application is at, or the committee's (final).
     */
    public record AidDecision(long accountId, String reviewerName, boolean committee, boolean approve,
                              BigDecimal amount, String comment) {

        public static AidDecision approval(long accountId, String reviewerName, boolean committee, String amount,
                                           String comment) {
            return new AidDecision(accountId, reviewerName, committee, true, new BigDecimal(amount), comment);
        }

        public static AidDecision decline(long accountId, String reviewerName, boolean committee, String reason) {
            return new AidDecision(accountId, reviewerName, committee, false, null, reason);
        }
    }

    private final CareRecords records;
    private final AidRecords aids;
    private final OrgDirectory org;
    private final FieldCipher cipher;

    CareSetup(CareRecords records, AidRecords aids, OrgDirectory org, FieldCipher cipher) {
        this.records = records;
        this.aids = aids;
        this.org = org;
        this.cipher = cipher;
    }

    /**
     * A hardship aid application of an employee of {@code unitId}, applied for on {@code appliedOn} by the
     * account {@code appliedBy}, taken along the chain by {@code decisions}; when approved and {@code paidOn}
     * is given, paid in full that day by the last reviewer, in cash, by transfer or in kind ({@code method}
     * CASH, TRANSFER, IN_KIND). {@code category} is one of ILLNESS, DISASTER, FAMILY, EDUCATION, OTHER.
     */
    @Transactional
    public long aid(long employeeId, long unitId, LocalDate appliedOn, String category, BigDecimal asked,
                    String situation, long appliedBy, List<AidDecision> decisions, LocalDate paidOn, String method) {
        List<Long> unitPath = org.unit(unitId).orElseThrow().pathIds();
        Long step = AidChain.firstStep(unitPath);
        OffsetDateTime at = appliedOn.atTime(9, 0).atZone(ZoneId.systemDefault()).toOffsetDateTime();
        long id = aids.insert(employeeId, unitId, appliedOn.getYear(), Aid.Category.valueOf(category).name(), asked,
                cipher.encrypt(situation), step, appliedBy, at);
        for (AidDecision d : decisions) {
            at = at.plusDays(1);
            aids.addReview(id, step, d.committee(), d.approve() ? "APPROVE" : "DECLINE", d.approve() ? d.amount() : null,
                    cipher.encrypt(d.comment()), d.accountId(), d.reviewerName(), at);
            if (!d.approve()) {
                aids.decide(id, Aid.Status.DECLINED, null, at.toLocalDate());
            } else if (d.committee()) {
                aids.decide(id, Aid.Status.APPROVED, d.amount(), at.toLocalDate());
                if (paidOn != null) {
                    aids.pay(id, paidOn, d.amount(), Aid.PayMethod.valueOf(method), d.accountId());
                }
            } else {
                step = AidChain.stepAbove(org.unit(step).orElseThrow().pathIds());
                aids.passOn(id, step);
            }
        }
        return id;
    }

    /**
     * A move of an employee of {@code unitId}; a downward or outward one opens a case on the same day,
     * with a first talk on {@code talkOn} (none when null) and closed with {@code outcome}; a case talked to but
     * not closed gets a follow-up two weeks after the talk.
     */
    @Transactional
    public long move(long employeeId, long unitId, LocalDate movedOn, String fromDepartment, String fromPost,
                     String fromGrade, String toGrade, String exitType, String reason, Long projectId,
                     long recordedBy, LocalDate talkOn, String talk, String outcome) {
        var grades = records.grades();
        MoveClassification.Direction direction = MoveClassification.classify(grades.get(fromGrade),
                toGrade == null ? null : grades.get(toGrade));
        long moveId = records.insertMove(employeeId, unitId, movedOn, fromDepartment, fromPost, fromGrade,
                toGrade == null ? new CareRecords.Destination(null, null, null, null, exitType)
                        : new CareRecords.Destination("养护工区", "养护工", toGrade, null, null),
                reason, direction.name(), projectId, recordedBy);
        if (MoveClassification.needsCare(direction)) {
            long caseId = records.openCase(moveId, employeeId, unitId, movedOn, WorkingDays.after(movedOn, 3));
            if (talkOn != null) {
                records.addNote(caseId, "TALK", talkOn, cipher.encrypt(talk), recordedBy);
                records.firstContact(caseId, talkOn);
            }
            if (outcome != null) {
                records.close(caseId, cipher.encrypt(outcome), movedOn.plusDays(30));
            } else if (talkOn != null) {
                records.setPlan(caseId, cipher.encrypt("两周后回访，了解培训报名和家庭情况。"), talkOn.plusDays(14));
            }
        }
        return moveId;
    }

    /** A restructuring project; {@code kind} is REORGANISATION, MERGER or CLOSURE. */
    @Transactional
    public long project(String name, String kind, LocalDate startedOn, String note, long createdBy) {
        return records.createProject(name, kind, startedOn, note, createdBy);
    }
}
