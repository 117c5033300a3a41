package org.tongxin.shared.security;

/** Roles as in ARCHITECTURE.md; OFFICER is always held for a unit (see {@link Viewer#officerUnits()}). */
public enum Role {
    EMPLOYEE, MEMBER, OFFICER, COMMITTEE, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
