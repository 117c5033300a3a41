package org.tongxin.identity.internal;

import java.security.SecureRandom;

/** Random passwords handed over once (first admin, resets); letters without look-alikes, plus a digit. */
public final class TemporaryPasswords {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    public static String generate() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.append(RANDOM.nextInt(10)).toString();
    }
}
