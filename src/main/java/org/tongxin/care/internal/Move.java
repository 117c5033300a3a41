package org.tongxin.care.internal;

import java.time.LocalDate;

/** A move as HR recorded it, with its classification. */
public record Move(long id, long employeeId, long unitId, LocalDate movedOn, String fromDepartment, String fromPost,
                   String fromGrade, String toDepartment, String toPost, String toGrade, String exitType, String reason,
                   String direction, String reclassifyNote) {
}
