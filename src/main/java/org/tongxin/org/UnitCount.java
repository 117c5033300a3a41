package org.tongxin.org;

/** A unit with the employees on the books (active or on leave) directly in its own departments. */
public record UnitCount(OrgUnit unit, long employees) {
}
