package org.tongxin.activity;

/** A person was given an honour, or it was revoked. */
public record HonourChanged(long honourId, long employeeId, String name, boolean revoked) {
}
