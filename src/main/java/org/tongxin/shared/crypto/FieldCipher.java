package org.tongxin.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal fields at rest (AES-256-GCM, a fresh IV per value) and derives blind indexes
 * (HMAC-SHA256) so that an encrypted phone can still be looked up for log-in and checked for
 * uniqueness. The two keys are derived from one configured master key.
 */
public final class FieldCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec indexKey;
    private final SecretKeySpec signingKey;
    private final SecureRandom random = new SecureRandom();
    // Looking up and keying a Mac or Cipher costs more than using it. Request threads are virtual and
    // short-lived, but an import's checks and encryption run on the common pool's few long-lived threads,
    // which make hundreds of thousands of these calls: those keep their instances.
    private final ThreadLocal<Mac> macs;
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(FieldCipher::newCipher);

    public FieldCipher(byte[] masterKey) {
        if (masterKey.length < 32) {
            throw new IllegalArgumentException("tongxin.crypto.key must be at least 32 bytes (base64)");
        }
        this.encryptionKey = new SecretKeySpec(derive(masterKey, "encrypt"), "AES");
        this.indexKey = new SecretKeySpec(derive(masterKey, "index"), "HmacSHA256");
        this.signingKey = new SecretKeySpec(derive(masterKey, "sign"), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(indexKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Encrypts a value; null stays null. The result is base64 of {@link #seal(byte[])}. */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        return Base64.getEncoder().encodeToString(seal(plain.getBytes(StandardCharsets.UTF_8)));
    }

    public String decrypt(String sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            return new String(open(Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("decryption failed: not a sealed value", e);
        }
    }

    /** Encrypts bytes, e.g. an uploaded document: the IV followed by ciphertext and tag. */
    public byte[] seal(byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + cipher.getOutputSize(plain.length));
            cipher.doFinal(plain, 0, plain.length, out, IV_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** The bytes {@link #seal(byte[])} sealed; fails when they were altered or sealed under another key. */
    public byte[] open(byte[] sealed) {
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("decryption failed: wrong tongxin.crypto.key?", e);
        }
    }

    /** A signature (base64url HMAC) over {@code text}, for tokens that must not be forged, such as a member card's QR. */
    public String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(signingKey);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} is {@link #sign(String)} of {@code text}, compared in constant time. */
    public boolean verify(String text, String signature) {
        return MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** A keyed, deterministic digest for equality look-ups; null stays null. */
    public String blindIndex(String plain) {
        if (plain == null) {
            return null;
        }
        return HexFormat.of().formatHex(macs.get().doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    }
}
