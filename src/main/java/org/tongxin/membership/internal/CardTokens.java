package org.tongxin.membership.internal;

import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.tongxin.shared.crypto.FieldCipher;

/**
 * The signed, expiring token inside a member card's QR code: member id, expiry and an HMAC over both.
 * A screenshot of the card stops working after {@link #LIFETIME}; a token cannot be made up for
 * another member without the server's key.
 */
@Component
public class CardTokens {

    public static final Duration LIFETIME = Duration.ofMinutes(5);

    /** What a scanned token says. */
    public enum Check { VALID, EXPIRED, INVALID }

    public record Result(Check check, Long memberId) {
    }

    private final FieldCipher cipher;

    public CardTokens(FieldCipher cipher) {
        this.cipher = cipher;
    }

    public String issue(long memberId, Instant now) {
        String body = memberId + "." + now.plus(LIFETIME).getEpochSecond();
        return body + "." + cipher.sign("member-card:" + body);
    }

    public Result check(String token, Instant now) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return new Result(Check.INVALID, null);
        }
        String body = parts[0] + "." + parts[1];
        if (!cipher.verify("member-card:" + body, parts[2])) {
            return new Result(Check.INVALID, null);
        }
        try {
            long memberId = Long.parseLong(parts[0]);
            long expires = Long.parseLong(parts[1]);
            return now.getEpochSecond() > expires ? new Result(Check.EXPIRED, memberId)
                    : new Result(Check.VALID, memberId);
        } catch (NumberFormatException e) {
            return new Result(Check.INVALID, null);
        }
    }
}
