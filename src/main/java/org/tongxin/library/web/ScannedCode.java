package org.tongxin.library.web;

import java.util.Locale;

/**
 * What a desk scanner typed into a barcode field. A 1D scanner types the barcode printed on the label; a 2D
 * scanner (or a phone) reads the label's QR code and types its whole link, {@code …/library/c/T00001234}: both
 * come out as the barcode.
 */
final class ScannedCode {

    private static final String COPY_PATH = "/library/c/";

    private ScannedCode() {
    }

    static String barcode(String typed) {
        String s = typed == null ? "" : typed.strip();
        int at = s.lastIndexOf(COPY_PATH);
        if (at >= 0) {
            s = s.substring(at + COPY_PATH.length());
            int end = indexOfAny(s, "?#/");
            s = end < 0 ? s : s.substring(0, end);
        }
        return s.toUpperCase(Locale.ROOT);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
