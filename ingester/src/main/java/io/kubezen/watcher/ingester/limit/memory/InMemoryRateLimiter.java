package io.kubezen.watcher.ingester.limit.memory;

import io.kubezen.watcher.ingester.limit.RateLimitDecision;
import io.kubezen.watcher.ingester.limit.RateLimitSettings;
import io.kubezen.watcher.ingester.limit.RateLimiter;
import io.kubezen.watcher.throttle.TokenBucket;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token buckets in this process: right for the embedded mode and a single replica. With several
 * replicas each would grant the full rate; use the Redis limiter there. {@link TokenBucket} computes as the
 * Redis script does, and both limiters pass the same contract tests.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    private final Clock clock;
    private final ConcurrentMap<String, Held> buckets = new ConcurrentHashMap<>();

    public InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public RateLimitDecision tryAcquire(String source, RateLimitSettings settings) {
        // A reloaded source with new settings keeps the tokens it had, as the Redis bucket does.
        Held held = buckets.compute(source, (key, current) -> current == null
                ? new Held(settings, new TokenBucket(settings.ratePerSecond(), settings.burst(), clock))
                : current.settings().equals(settings) ? current
                : new Held(settings, current.bucket().resized(settings.ratePerSecond(), settings.burst())));
        Duration wait = held.bucket().tryTake();
        return wait.isZero() ? RateLimitDecision.ALLOWED : RateLimitDecision.refused(wait);
    }

    @Override
    public boolean answersFromMemory() {
        return true;
    }

    private record Held(RateLimitSettings settings, TokenBucket bucket) {
    }
}
