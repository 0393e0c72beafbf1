package io.kubezen.watcher.ingester.limit;

import io.kubezen.watcher.http.ProblemException;
import io.kubezen.watcher.http.ProblemType;

import java.math.BigDecimal;
import java.time.Duration;

/** 429 with {@code Retry-After}: the source's token bucket is empty. */
public final class RateLimitedException extends ProblemException {

    RateLimitedException(String source, RateLimitSettings settings, Duration retryAfter) {
        super(ProblemType.RATE_LIMITED, "Source '" + source + "' accepts "
                + BigDecimal.valueOf(settings.ratePerSecond()).stripTrailingZeros().toPlainString()
                + " requests per second with bursts of " + settings.burst() + " (webhook.limits.ratePerSecond, "
                + "webhook.limits.burst); retry after the time in Retry-After.", source, null, retryAfter(retryAfter));
    }
}
