package io.kubezen.watcher.ingester.wiring;

import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code zen-watcher.redis.*}. Without a URI the ingester runs on its embedded, in-memory stores.
 *
 * @param uri               env {@code ZEN_WATCHER_REDIS_URI}, for example {@code redis://redis:6379/0}
 * @param commandTimeout    how long a Redis command may take before the sender gets a 503
 * @param keyPrefix         in front of every key and channel
 * @param maxReconnectDelay the longest pause between reconnect attempts
 */
@ConfigurationProperties(RedisProperties.PREFIX)
public record RedisProperties(
        @Nullable String uri,
        @NotNull @Bindable(defaultValue = "2s") Duration commandTimeout,
        @NotBlank @Bindable(defaultValue = RedisConnectionOptions.DEFAULT_KEY_PREFIX) String keyPrefix,
        @NotNull @Bindable(defaultValue = "2s") Duration maxReconnectDelay) {

    public static final String PREFIX = "zen-watcher.redis";
    public static final String URI = PREFIX + ".uri";

    RedisConnectionOptions toOptions() {
        return new RedisConnectionOptions(uri, commandTimeout, keyPrefix, maxReconnectDelay);
    }
}
