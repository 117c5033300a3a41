package org.tongxin.care.internal;

import java.time.LocalDate;

/**
 * A move as HR recorded it, with its classification; {@code originalDirection} and {@code reclassifyNoteEnc} are
 * set when an officer corrected the classification, {@code toUnitId} when HR named a department Tongxin knows.
 */
public record Move(long id, long employeeId, long unitId, LocalDate movedOn, String fromDepartment, String fromPost,
                   String fromGrade, String toDepartment, String toPost, String toGrade, String exitType, String reason,
                   String direction, String reclassifyNoteEnc, String originalDirection, Long projectId, Long toUnitId) {

    public boolean isReclassified() {
        return originalDirection != null;
    }
}
