package org.tongxin.library.internal;

import java.util.Optional;

/**
 * ISBN checks: an ISBN-13 (978/979 prefix, mod-10 check digit) or an ISBN-10 (mod-11, X for ten), hyphens and
 * spaces ignored; ISBN-10s are converted to their 978 ISBN-13, the form the catalogue keeps.
 */
public final class Isbn {

    private Isbn() {
    }

    /** The ISBN-13 of what was typed, or empty when it is not a valid ISBN-10 or ISBN-13. */
    public static Optional<String> toIsbn13(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String s = typed.replaceAll("[\\s-]", "").toUpperCase();
        if (s.matches("97[89]\\d{10}")) {
            return s.charAt(12) == check13(s.substring(0, 12)) ? Optional.of(s) : Optional.empty();
        }
        if (s.matches("\\d{9}[\\dX]")) {
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                int d = s.charAt(i) == 'X' ? 10 : s.charAt(i) - '0';
                sum += d * (10 - i);
            }
            if (sum % 11 != 0 || s.substring(0, 9).contains("X")) {
                return Optional.empty();
            }
            String body = "978" + s.substring(0, 9);
            return Optional.of(body + check13(body));
        }
        return Optional.empty();
    }

    /** The check digit of the first twelve digits of an ISBN-13. */
    public static char check13(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** True when the text looks like someone typed an ISBN (digits, hyphens, maybe an X), valid or not. */
    public static boolean looksLikeOne(String q) {
        return q != null && q.replaceAll("[\\s-]", "").matches("\\d{9,12}[\\dXx]");
    }
}
