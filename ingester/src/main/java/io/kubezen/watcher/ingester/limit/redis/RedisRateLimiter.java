package io.kubezen.watcher.ingester.limit.redis;

import io.kubezen.watcher.ingester.limit.RateLimitDecision;
import io.kubezen.watcher.ingester.limit.RateLimitSettings;
import io.kubezen.watcher.ingester.limit.RateLimiter;
import io.kubezen.watcher.ingester.limit.RateLimiterUnavailableException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Token buckets in Redis, so that every ingester replica spends one shared budget per source. Each
 * request is one atomic script call on one key ({@code <prefix>ratelimit:<source>}), which keeps it
 * Redis Cluster safe. See token-bucket.lua for the arithmetic.
 *
 * <p>Time comes from the caller's {@link Clock}, not from Redis {@code TIME}: tests can then step time
 * without sleeping, and the script does not depend on how Redis replicates scripts that read the
 * clock. The script never moves a bucket's time backwards, so replica clock skew (kept small by NTP)
 * can only delay a refill, never grant extra tokens.
 *
 * <p>A Redis failure surfaces as {@link RateLimiterUnavailableException} after the connection's command
 * timeout; configure the client to reject commands while disconnected so that an outage fails fast.
 */
public final class RedisRateLimiter implements RateLimiter {

    public static final String DEFAULT_KEY_PREFIX = "zw:";

    private static final String SCRIPT = load("token-bucket.lua");

    private final RedisCommands<String, String> commands;
    private final String keyPrefix;
    private final Clock clock;
    private final String sha;

    public RedisRateLimiter(StatefulRedisConnection<String, String> connection, String keyPrefix, Clock clock) {
        this.commands = connection.sync();
        this.keyPrefix = keyPrefix;
        this.clock = clock;
        this.sha = commands.digest(SCRIPT);
    }

    @Override
    public RateLimitDecision tryAcquire(String source, RateLimitSettings settings) {
        String[] keys = {key(source)};
        String[] args = {Long.toString(settings.microTokensPerMilli()), Long.toString(settings.capacity()),
                Long.toString(clock.millis())};
        List<Long> result;
        try {
            result = run(keys, args);
        } catch (RedisException e) {
            throw new RateLimiterUnavailableException(source, e);
        }
        return result.get(0) == 1L
                ? RateLimitDecision.ALLOWED
                : RateLimitDecision.refused(Duration.ofMillis(result.get(1)));
    }

    /** The key of a source's bucket, for operators inspecting Redis. */
    public String key(String source) {
        return keyPrefix + "ratelimit:" + source;
    }

    private List<Long> run(String[] keys, String[] args) {
        try {
            return commands.evalsha(sha, ScriptOutputType.MULTI, keys, args);
        } catch (RedisNoScriptException e) {
            // First call on this server, or its script cache was flushed: EVAL caches it again.
            return commands.eval(SCRIPT, ScriptOutputType.MULTI, keys, args);
        }
    }

    private static String load(String name) {
        try (InputStream in = RedisRateLimiter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
