package io.kubezen.watcher.ingester.limit;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of asking for one token.
 *
 * @param retryAfter when refused, how long until a token will be there; zero when allowed
 */
public record RateLimitDecision(boolean allowed, Duration retryAfter) {

    public static final RateLimitDecision ALLOWED = new RateLimitDecision(true, Duration.ZERO);

    public RateLimitDecision {
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public static RateLimitDecision refused(Duration retryAfter) {
        return new RateLimitDecision(false, retryAfter);
    }
}
