package org.tongxin.org;

/** A department of the enterprise; it belongs to exactly one union unit. */
public record Department(long id, String code, String name, long unitId) {
}
