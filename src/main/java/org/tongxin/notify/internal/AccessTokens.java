package org.tongxin.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The access token of 企业微信 or 钉钉: both answer {@code gettoken} with {@code errcode}, {@code access_token} and
 * {@code expires_in} (7,200 s) and ask callers to keep it rather than fetch one per message. Kept until five minutes
 * before it runs out, or until the platform says it is no longer valid.
 */
final class AccessTokens {

    private final Clock clock;
    private String token;
    private Instant until = Instant.MIN;

    AccessTokens(Clock clock) {
        this.clock = clock;
    }

    interface Fetch {
        JsonNode get() throws DeliveryFailure;
    }

    /** One call to the platform with a token. */
    interface Call {
        JsonNode with(String token) throws DeliveryFailure;
    }

    /**
     * Makes the call with the kept token; when the platform answers with one of {@code tokenGone} (the token expired or
     * was revoked), forgets it and makes the call once more with a new one. Returns the platform's answer.
     */
    JsonNode call(Fetch fetch, Call call, Set<Integer> tokenGone) throws DeliveryFailure {
        for (int round = 0; round < 2; round++) {
            JsonNode answer = call.with(get(fetch));
            if (!tokenGone.contains(answer.path("errcode").asInt(-1))) {
                return answer;
            }
            forget();
        }
        throw new DeliveryFailure("the access token was refused twice", false);
    }

    synchronized String get(Fetch fetch) throws DeliveryFailure {
        if (token != null && clock.instant().isBefore(until)) {
            return token;
        }
        JsonNode answer = fetch.get();
        int code = answer.path("errcode").asInt(-1);
        String t = answer.path("access_token").asString("");
        if (code != 0 || t.isEmpty()) {
            throw new DeliveryFailure("gettoken errcode " + code + ": " + answer.path("errmsg").asString(""), false);
        }
        token = t;
        until = clock.instant().plusSeconds(Math.max(answer.path("expires_in").asLong(7200) - 300, 60));
        return token;
    }

    synchronized void forget() {
        token = null;
    }
}
