package org.tongxin.shared.security;

/**
 * Roles as in ARCHITECTURE.md. OFFICER is always held for a unit (see {@link Viewer#officerUnits()}); CARE is
 * the care right an officer holds for one of their units (see {@link Viewer#careUnits()}).
 */
public enum Role {
    EMPLOYEE, MEMBER, OFFICER, CARE, COMMITTEE, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
