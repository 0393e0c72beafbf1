package io.kubezen.watcher.ingester.limit.redis;

import io.kubezen.watcher.ingester.http.UnavailableException;
import io.kubezen.watcher.ingester.limit.RateLimitDecision;
import io.kubezen.watcher.ingester.limit.RateLimitSettings;
import io.kubezen.watcher.ingester.limit.RateLimiter;
import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisScript;
import io.kubezen.watcher.store.StoreUnavailableException;
import io.lettuce.core.ScriptOutputType;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Token buckets in Redis, so that every ingester replica spends one shared budget per source. Each
 * request is one atomic script call on one key ({@link io.kubezen.watcher.redis.RedisKeys#rateLimit}), which
 * keeps it Redis Cluster safe. See token-bucket.lua for the arithmetic.
 *
 * <p>Time comes from the caller's {@link Clock}, not from Redis {@code TIME}: tests can then step time
 * without sleeping, and the script does not depend on how Redis replicates scripts that read the
 * clock. The script never moves a bucket's time backwards, so replica clock skew (kept small by NTP)
 * can only delay a refill, never grant extra tokens.
 *
 * <p>A Redis failure surfaces as {@link UnavailableException}: the request is refused, not let through unmetered.
 */
public final class RedisRateLimiter implements RateLimiter {

    private static final RedisScript SCRIPT = RedisScript.resource(RedisRateLimiter.class, "token-bucket.lua");

    private final RedisConnector connector;
    private final Clock clock;

    public RedisRateLimiter(RedisConnector connector, Clock clock) {
        this.connector = connector;
        this.clock = clock;
    }

    @Override
    public RateLimitDecision tryAcquire(String source, RateLimitSettings settings) {
        String[] keys = {connector.keys().rateLimit(source)};
        List<Long> result;
        try {
            result = RedisCalls.await(SCRIPT.run(connector.shared().async(), ScriptOutputType.MULTI, keys,
                    Long.toString(settings.microTokensPerMilli()), Long.toString(settings.capacity()),
                    Long.toString(clock.millis())), "rate limit of " + source);
        } catch (StoreUnavailableException e) {
            throw new UnavailableException(source, "the rate limit store", e);
        }
        return result.get(0) == 1L
                ? RateLimitDecision.ALLOWED
                : RateLimitDecision.refused(Duration.ofMillis(result.get(1)));
    }
}
