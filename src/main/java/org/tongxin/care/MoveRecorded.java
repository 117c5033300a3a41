package org.tongxin.care;

import java.time.LocalDate;

/** HR recorded a move of an employee, classified UP, LATERAL, DOWN or OUT. */
public record MoveRecorded(long moveId, long employeeId, long unitId, String direction, LocalDate movedOn) {
}
