package org.tongxin.activity;

/** A volunteer's hours on a shift were confirmed by a second officer (only confirmed hours count). */
public record VolunteerHoursConfirmed(long shiftId, long employeeId, int minutes, String project) {
}
