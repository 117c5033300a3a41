package org.tongxin.shared.limits;

import java.time.Duration;
import java.util.List;

/**
 * {@code tongxin.rate-limit.*}: how many requests of each kind one key (an address or an account) may make in a window.
 * Log-ins per address are generous because a whole toll station or office shares one NAT address at shift change.
 *
 * @param exempt remote addresses never limited; empty in production (the tests, and the bench, log hundreds of people
 *               in from the loopback address)
 */
public record RateLimitProperties(Limit logInPerAddress, Limit logInPerAccount, Limit applications, Limit uploads,
                                  List<String> exempt) {

    /** At most {@code permits} requests in each fixed {@code window}. */
    public record Limit(int permits, Duration window) {
    }
}
