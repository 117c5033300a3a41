package org.tongxin.shared.crypto;

/** Masks personal values for lists and pages where the full value is not needed. */
public final class Mask {

    private Mask() {
    }

    /** 510106199001011234 → 5101**********1234. */
    public static String idCard(String value) {
        return keepEnds(value, 4, 4);
    }

    /** 13812345678 → 138****5678. */
    public static String phone(String value) {
        return keepEnds(value, 3, 4);
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}
