package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code zen-watcher.redis.*}: where the controller finds the Redis the ingesters share.
 *
 * @param uri absent: no Redis, so the dedup window tuner is off
 */
@ConfigurationProperties(RedisProperties.PREFIX)
public record RedisProperties(
        @Nullable String uri,
        @Bindable(defaultValue = "2s") Duration commandTimeout,
        @Bindable(defaultValue = RedisConnectionOptions.DEFAULT_KEY_PREFIX) String keyPrefix) {

    public static final String PREFIX = "zen-watcher.redis";
    public static final String URI = PREFIX + ".uri";

    RedisConnectionOptions toOptions() {
        return RedisConnectionOptions.of(uri).withCommandTimeout(commandTimeout).withKeyPrefix(keyPrefix);
    }
}
