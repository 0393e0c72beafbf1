package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.admission.AdmissionStore;
import io.kubezen.watcher.admission.redis.RedisAdmissionStore;
import io.kubezen.watcher.dedup.TrafficBuckets;
import io.kubezen.watcher.dedup.redis.RedisDedupWindows;
import io.kubezen.watcher.dedup.redis.RedisTrafficCounter;
import io.kubezen.watcher.queue.redis.RedisEventQueue;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.wiring.RedisProperties;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** The controller's Redis parts, only when {@code zen-watcher.redis.uri} is set. Connecting is lazy. */
@Factory
@Requires(property = RedisProperties.URI)
final class RedisFactory {

    @Singleton
    @Bean(preDestroy = "close")
    RedisConnector redisConnector(RedisProperties properties) {
        return RedisConnector.create(properties.toOptions());
    }

    /** The same admission step, capacity and status interval as the ingesters', over the same Redis: the informer and logs
     * duties admit their events through it. */
    @Singleton
    AdmissionStore admissionStore(RedisConnector connector, Clock clock, RedisProperties redis,
                                  @Value("${zen-watcher.store.status-interval:30s}") Duration statusInterval,
                                  @Value("${zen-watcher.store.queue-capacity:1000000}") long capacity) {
        return new RedisAdmissionStore(connector, clock, statusInterval,
                RedisEventQueue.shardCapacity(capacity, connector.keys().shards()), redis.replicaAcks());
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
