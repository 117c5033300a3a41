package org.tongxin.identity.internal;

import org.tongxin.shared.security.Role;

/** A role held by an account; officer grants name the unit and the post. */
public record Grant(long id, long accountId, Role role, Long unitId, String post) {
}
