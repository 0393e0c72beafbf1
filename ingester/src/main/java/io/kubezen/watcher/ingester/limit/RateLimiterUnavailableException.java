package io.kubezen.watcher.ingester.limit;

import io.kubezen.watcher.ingester.http.ProblemException;
import io.kubezen.watcher.ingester.http.ProblemType;

import java.time.Duration;

/**
 * 503 with {@code Retry-After}: the shared bucket store (Redis) did not answer. The request is refused
 * rather than let through unmetered; senders retry on 5xx, so nothing is lost.
 */
public final class RateLimiterUnavailableException extends ProblemException {

    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    public RateLimiterUnavailableException(String source, Throwable cause) {
        super(ProblemType.UNAVAILABLE, "The rate limit store is unreachable; retry after the time in Retry-After.",
                source, null, retryAfter(DEFAULT_RETRY_AFTER), cause);
    }
}
