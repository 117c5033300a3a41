package org.tongxin.org;

/** A unit and its whole subtree now sit under another parent: figures kept per subtree elsewhere must be recounted. */
public record UnitMoved(long unitId, long fromParentId, long toParentId) {
}
