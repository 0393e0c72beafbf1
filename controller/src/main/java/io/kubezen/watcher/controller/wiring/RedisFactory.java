package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.dedup.TrafficBuckets;
import io.kubezen.watcher.dedup.redis.RedisDedupWindows;
import io.kubezen.watcher.dedup.redis.RedisTrafficCounter;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.wiring.RedisProperties;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The controller's Redis parts, only when {@code zen-watcher.redis.uri} is set. Connecting is lazy. */
@Factory
@Requires(property = RedisProperties.URI)
final class RedisFactory {

    @Singleton
    @Bean(preDestroy = "close")
    RedisConnector redisConnector(RedisProperties properties) {
        return RedisConnector.create(properties.toOptions());
    }

    @Singleton
    RedisTrafficCounter trafficCounter(RedisConnector connector, Clock clock) {
        return new RedisTrafficCounter(connector, clock, TrafficBuckets.DEFAULT_RETENTION);
    }

    @Singleton
    @Bean(preDestroy = "close")
    RedisDedupWindows dedupWindows(RedisConnector connector, Clock clock) {
        return new RedisDedupWindows(connector, clock, RedisDedupWindows.DEFAULT_CACHE_TTL);
    }
}
