package io.kubezen.watcher.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Redis; the apps bind it from {@code zen-watcher.redis.*}.
 *
 * @param uri               a Lettuce URI, for example {@code redis://redis:6379/0}
 * @param commandTimeout    how long a command may take before the caller gets a
 *                          {@link io.kubezen.watcher.store.StoreUnavailableException}; also the connect timeout.
 *                          Short, because a webhook sender waiting on us should get a fast 503 and retry.
 * @param keyPrefix         put in front of every key and channel, so several installs can share one Redis
 * @param maxReconnectDelay the longest pause between reconnect attempts after Redis went away; it bounds
 *                          how long we keep answering 503 after Redis is back
 */
public record RedisConnectionOptions(String uri, Duration commandTimeout, String keyPrefix, Duration maxReconnectDelay) {

    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
    public static final String DEFAULT_KEY_PREFIX = "zw:";
    public static final Duration DEFAULT_MAX_RECONNECT_DELAY = Duration.ofSeconds(2);

    public RedisConnectionOptions {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        requirePositive(commandTimeout, "commandTimeout");
        requirePositive(maxReconnectDelay, "maxReconnectDelay");
    }

    /** The defaults for everything but the URI. */
    public static RedisConnectionOptions of(String uri) {
        return new RedisConnectionOptions(uri, DEFAULT_COMMAND_TIMEOUT, DEFAULT_KEY_PREFIX, DEFAULT_MAX_RECONNECT_DELAY);
    }

    public RedisConnectionOptions withCommandTimeout(Duration timeout) {
        return new RedisConnectionOptions(uri, timeout, keyPrefix, maxReconnectDelay);
    }

    public RedisConnectionOptions withKeyPrefix(String prefix) {
        return new RedisConnectionOptions(uri, commandTimeout, prefix, maxReconnectDelay);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
