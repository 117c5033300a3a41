package org.tongxin.care;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.care.internal.CareRecords;
import org.tongxin.care.internal.MoveClassification;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.time.WorkingDays;

/**
 * Start-up set-up of care records for the demo enterprise and for data carried over from an earlier
 * system: moves with the case they opened, at the dates they happened. No officer scope is checked.
 */
@Service
public class CareSetup {

    private final CareRecords records;
    private final FieldCipher cipher;

    CareSetup(CareRecords records, FieldCipher cipher) {
        this.records = records;
        this.cipher = cipher;
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
