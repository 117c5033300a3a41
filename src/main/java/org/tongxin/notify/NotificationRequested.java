package org.tongxin.notify;

/**
 * Published by any module that wants people told something after its own transaction commits.
 * Exactly one of {@code employeeId} and {@code unitId} is set: one person, or every active employee
 * in a unit's subtree.
 */
public record NotificationRequested(Long employeeId, Long unitId, Message message) {

    public static NotificationRequested toEmployee(long employeeId, Message message) {
        return new NotificationRequested(employeeId, null, message);
    }

    public static NotificationRequested toSubtree(long unitId, Message message) {
        return new NotificationRequested(null, unitId, message);
    }
}
