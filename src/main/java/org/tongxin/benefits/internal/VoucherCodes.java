package org.tongxin.benefits.internal;

import java.security.SecureRandom;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Voucher codes and partners' PINs. A code is 20 characters of a 31-letter alphabet from a strong random source
 * (99 bits: nobody finds a voucher by guessing its address); a PIN is six digits, shown once and kept as a bcrypt
 * hash only.
 */
@Component
public class VoucherCodes {

    /** No 0/O or 1/I/L: codes are read aloud and typed from paper now and then. */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int CODE_LENGTH = 20;

    private final SecureRandom random = new SecureRandom();
    private final BCryptPasswordEncoder hashes = new BCryptPasswordEncoder(8);

    public String newCode() {
        char[] out = new char[CODE_LENGTH];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    public String newPin() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    public String hash(String pin) {
        return hashes.encode(pin);
    }

    public boolean matches(String pin, String hash) {
        return pin != null && hash != null && hashes.matches(pin, hash);
    }

    /** Whether a code could be one of ours, before asking the database. */
    public static boolean wellFormed(String code) {
        return code != null && code.matches("[A-Z2-9]{" + CODE_LENGTH + "}");
    }
}
