package io.kubezen.watcher.ingester.limit.memory;

import io.kubezen.watcher.ingester.limit.RateLimitDecision;
import io.kubezen.watcher.ingester.limit.RateLimitSettings;
import io.kubezen.watcher.ingester.limit.RateLimiter;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import static io.kubezen.watcher.ingester.limit.RateLimitSettings.MICRO_TOKENS_PER_TOKEN;

/**
 * Token buckets in this process: right for the embedded mode and a single replica. With several
 * replicas each would grant the full rate; use the Redis limiter there. The arithmetic is the same as
 * the Redis script's, and both pass the same contract tests.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public RateLimitDecision tryAcquire(String source, RateLimitSettings settings) {
        long now = clock.millis();
        RateLimitDecision[] decision = new RateLimitDecision[1];
        // compute() runs atomically per key, so concurrent requests of one source never share a token.
        buckets.compute(source, (key, bucket) -> {
            Bucket refilled = (bucket == null ? new Bucket(settings.capacity(), now) : bucket).refill(settings, now);
            if (refilled.microTokens >= MICRO_TOKENS_PER_TOKEN) {
                decision[0] = RateLimitDecision.ALLOWED;
                return new Bucket(refilled.microTokens - MICRO_TOKENS_PER_TOKEN, refilled.refilledAt);
            }
            long perMilli = settings.microTokensPerMilli();
            long waitMillis = (MICRO_TOKENS_PER_TOKEN - refilled.microTokens + perMilli - 1) / perMilli;
            decision[0] = RateLimitDecision.refused(Duration.ofMillis(waitMillis));
            return refilled;
        });
        return decision[0];
    }

    private record Bucket(long microTokens, long refilledAt) {

        Bucket refill(RateLimitSettings settings, long now) {
            long capacity = settings.capacity();
            if (now <= refilledAt) {
                // A clock that steps back refills nothing, and never moves the refill time back.
                return new Bucket(Math.min(microTokens, capacity), refilledAt);
            }
            long perMilli = settings.microTokensPerMilli();
            long elapsed = now - refilledAt;
            long added = elapsed >= capacity / perMilli + 1 ? capacity : elapsed * perMilli;
            return new Bucket(Math.min(capacity, microTokens + added), now);
        }
    }
}
