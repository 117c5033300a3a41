package org.tongxin.notify;

/**
 * Published by any module that wants people told something after its own transaction commits: one
 * person ({@code employeeId}), every active employee in a unit's subtree ({@code unitId}), or the
 * officers looking after a unit ({@code officersOfUnitId}; only those with the care right when
 * {@code careOnly}). Exactly one of the three is set.
 */
public record NotificationRequested(Long employeeId, Long unitId, Message message, Long officersOfUnitId,
                                    boolean careOnly) {

    public NotificationRequested(Long employeeId, Long unitId, Message message) {
        this(employeeId, unitId, message, null, false);
    }

    public static NotificationRequested toOfficersOf(long unitId, Message message) {
        return new NotificationRequested(null, null, message, unitId, false);
    }

    /** The nearest officers up the chain who hold the care right: care notices name people. */
    public static NotificationRequested toCarersOf(long unitId, Message message) {
        return new NotificationRequested(null, null, message, unitId, true);
    }


    public static NotificationRequested toEmployee(long employeeId, Message message) {
        return new NotificationRequested(employeeId, null, message);
    }

    public static NotificationRequested toSubtree(long unitId, Message message) {
        return new NotificationRequested(null, unitId, message);
    }
}
