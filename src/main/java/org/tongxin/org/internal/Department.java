package org.tongxin.org.internal;

/** A department of the enterprise; it belongs to exactly one union unit. */
public record Department(long id, String code, String name, long unitId) {
}
