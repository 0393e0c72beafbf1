package io.kubezen.watcher.ingester.wiring;

import io.kubezen.watcher.admission.AdmissionStore;
import io.kubezen.watcher.admission.memory.InMemoryAdmissionStore;
import io.kubezen.watcher.admission.redis.RedisAdmissionStore;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.DedupWindows;
import io.kubezen.watcher.dedup.TrafficBuckets;
import io.kubezen.watcher.dedup.TrafficCounter;
import io.kubezen.watcher.dedup.memory.InMemoryDedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupWindows;
import io.kubezen.watcher.dedup.memory.InMemoryTrafficCounter;
import io.kubezen.watcher.dedup.redis.RedisDedupStore;
import io.kubezen.watcher.dedup.redis.RedisDedupWindows;
import io.kubezen.watcher.dedup.redis.RedisTrafficCounter;
import io.kubezen.watcher.ingester.limit.RateLimiter;
import io.kubezen.watcher.ingester.limit.memory.InMemoryRateLimiter;
import io.kubezen.watcher.ingester.limit.redis.RedisRateLimiter;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.queue.ShardedEventQueue;
import io.kubezen.watcher.queue.memory.InMemoryEventQueue;
import io.kubezen.watcher.queue.redis.RedisEventQueue;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.wiring.RedisProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Chooses the stores and the rate limiter: Redis when {@code zen-watcher.redis.uri} is set, so that every ingester replica shares
 * dedup state and queue; otherwise the embedded in-memory ones, for a single process.
 */
@Factory
class StoreFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Requires(property = RedisProperties.URI)
    @Bean(preDestroy = "close")
    RedisConnector redisConnector(RedisProperties properties) {
        return RedisConnector.create(properties.toOptions());
    }

    @Singleton
    @Requires(property = RedisProperties.URI)
    DedupStore redisDedupStore(RedisConnector connector, Clock clock, StoreProperties properties) {
        return new RedisDedupStore(connector, clock, properties.statusInterval());
    }

    @Singleton
    @Requires(property = RedisProperties.URI)
    AdmissionStore redisAdmissionStore(RedisConnector connector, Clock clock, StoreProperties properties,
                                       RedisProperties redis, MeterRegistry registry) {
        RedisAdmissionStore store = new RedisAdmissionStore(connector, clock, properties.statusInterval(),
                RedisEventQueue.shardCapacity(properties.queueCapacity(), connector.keys().shards()), redis.replicaAcks());
        FunctionCounter.builder(MetricNames.ADMISSION_RESENT, store, RedisAdmissionStore::resentEvents)
                .register(registry);
        return store;
    }

    @Singleton
    @Requires(property = RedisProperties.URI)
    @Bean(preDestroy = "close")
    RedisDedupWindows redisDedupWindows(RedisConnector connector, Clock clock) {
        return new RedisDedupWindows(connector, clock, RedisDedupWindows.DEFAULT_CACHE_TTL);
    }

    @Singleton
    @Requires(property = RedisProperties.URI)
    TrafficCounter redisTrafficCounter(RedisConnector connector, Clock clock) {
        return new RedisTrafficCounter(connector, clock, TrafficBuckets.DEFAULT_RETENTION);
    }

    @Singleton
    @Requires(property = RedisProperties.URI)
    @Bean(preDestroy = "close")
    ShardedEventQueue redisEventQueue(RedisConnector connector, StoreProperties properties) {
        return RedisEventQueue.sharded(connector, properties.queueCapacity());
    }

    @Singleton
    @Requires(property = RedisProperties.URI)
    RateLimiter redisRateLimiter(RedisConnector connector, Clock clock) {
        return new RedisRateLimiter(connector, clock);
    }

    @Singleton
    @Requires(missingProperty = RedisProperties.URI)
    RateLimiter memoryRateLimiter(Clock clock) {
        return new InMemoryRateLimiter(clock);
    }

    @Singleton
    @Requires(missingProperty = RedisProperties.URI)
    InMemoryDedupStore memoryDedupStore(Clock clock, StoreProperties properties) {
        return new InMemoryDedupStore(clock, properties.memoryDedupMaxEntries(), properties.statusInterval());
    }

    @Singleton
    @Requires(missingProperty = RedisProperties.URI)
    DedupWindows memoryDedupWindows() {
        return new InMemoryDedupWindows();
    }

    @Singleton
    @Requires(missingProperty = RedisProperties.URI)
    TrafficCounter memoryTrafficCounter(Clock clock) {
        return new InMemoryTrafficCounter(clock, TrafficBuckets.DEFAULT_RETENTION);
    }

    @Singleton
    @Requires(missingProperty = RedisProperties.URI)
    InMemoryEventQueue memoryEventQueue(StoreProperties properties, Clock clock) {
        return new InMemoryEventQueue(properties.queueCapacity(), clock);
    }

    @Singleton
    @Requires(missingProperty = RedisProperties.URI)
    AdmissionStore memoryAdmissionStore(InMemoryDedupStore records, InMemoryEventQueue queue, Clock clock) {
        return new InMemoryAdmissionStore(records, queue, clock);
    }
}
