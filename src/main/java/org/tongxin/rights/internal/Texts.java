package org.tongxin.rights.internal;

import org.tongxin.shared.web.Refusal;

/** What people type into the rights forms, stripped and held to a length; refused with the form's own message. */
final class Texts {

    private Texts() {
    }

    static String required(String value, int max, String refusal) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new Refusal(refusal);
        }
        return v;
    }

    /** Null when left blank. */
    static String optional(String value, int max, String refusal) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw new Refusal(refusal);
        }
        return v.isEmpty() ? null : v;
    }
}
