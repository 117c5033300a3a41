package org.tongxin.shared.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters kept in this node's memory: cheap enough for every log-in and upload, and forgotten at
 * restart. With several nodes behind a balancer each counts on its own, so a client may get up to N times the limit
 * (documented in docs/security.md); the limits are against floods and guessing, not exact quotas, and the account
 * lockout and the chat's limit, which must be exact, are counted in the database.
 */
@Component
public class RateLimits {

    /** Above this many keys, windows that have ended are dropped so a flood of addresses cannot grow the map. */
    private static final int SWEEP_ABOVE = 10_000;

    public enum Kind {
        LOG_IN_PER_ADDRESS, LOG_IN_PER_ACCOUNT, APPLICATION, UPLOAD
    }

    private record Window(long endsAt, int used) {
    }

    private final RateLimitProperties properties;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    @Autowired
    RateLimits(@Value("${tongxin.rate-limit.log-in-per-address:60}") int logInPerAddress,
               @Value("${tongxin.rate-limit.log-in-per-account:10}") int logInPerAccount,
               @Value("${tongxin.rate-limit.applications:20}") int applications,
               @Value("${tongxin.rate-limit.uploads:120}") int uploads,
               @Value("${tongxin.rate-limit.exempt:}") List<String> exempt, Optional<Clock> clock) {
        this(new RateLimitProperties(new RateLimitProperties.Limit(logInPerAddress, Duration.ofMinutes(1)),
                new RateLimitProperties.Limit(logInPerAccount, Duration.ofMinutes(5)),
                new RateLimitProperties.Limit(applications, Duration.ofMinutes(10)),
                new RateLimitProperties.Limit(uploads, Duration.ofMinutes(10)), exempt),
                clock.orElse(Clock.systemUTC()));
    }

    RateLimits(RateLimitProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public RateLimitProperties.Limit limit(Kind kind) {
        return switch (kind) {
            case LOG_IN_PER_ADDRESS -> properties.logInPerAddress();
            case LOG_IN_PER_ACCOUNT -> properties.logInPerAccount();
            case APPLICATION -> properties.applications();
            case UPLOAD -> properties.uploads();
        };
    }

    public boolean exempt(String remoteAddress) {
        return properties.exempt().contains(remoteAddress);
    }

    /**
     * Counts one request of this kind for the key.
     *
     * @return empty when it is within the limit, otherwise how long until the window ends
     */
    public Optional<Duration> take(Kind kind, String key) {
        RateLimitProperties.Limit limit = limit(kind);
        long now = clock.millis();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> w.endsAt() <= now);
        }
        Window w = windows.compute(kind + ":" + key, (k, old) -> old == null || old.endsAt() <= now
                ? new Window(now + limit.window().toMillis(), 1)
                : new Window(old.endsAt(), old.used() + 1));
        return w.used() <= limit.permits() ? Optional.empty() : Optional.of(Duration.ofMillis(w.endsAt() - now));
    }
}
