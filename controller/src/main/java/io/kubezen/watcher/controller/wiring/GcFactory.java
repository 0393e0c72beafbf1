package io.kubezen.watcher.controller.wiring;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.controller.gc.CollectionScope;
import io.kubezen.watcher.controller.gc.GcDuty;
import io.kubezen.watcher.controller.gc.ObservationStore;
import io.kubezen.watcher.controller.gc.Sweeper;
import io.kubezen.watcher.controller.gc.kubernetes.KubernetesObservationStore;
import io.kubezen.watcher.throttle.TokenBucket;
import io.kubezen.watcher.wiring.GcProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.function.Supplier;

/** GC as a leader duty, and the sweeper it shares with the cleanup endpoint (one delete rate limit for both). */
@Factory
final class GcFactory {

    @Singleton
    ObservationStore observationStore(ApiClient client) {
        return new KubernetesObservationStore(client);
    }

    @Singleton
    Sweeper sweeper(ObservationStore store, CollectionScope scope, GcProperties properties, Clock clock,
                    MeterRegistry registry) {
        return valid(() -> new Sweeper(store, scope, new TokenBucket(properties.qps(), properties.burst(), clock),
                properties.pageSize(), registry));
    }

    @Singleton
    @Requires(property = GcProperties.PREFIX + ".enabled", notEquals = "false")
    GcDuty gcDuty(Sweeper sweeper, GcProperties properties, Clock clock, MeterRegistry registry) {
        return new GcDuty(sweeper, properties.ttlPolicy(), properties.interval(), clock, registry);
    }

    private static <T> T valid(Supplier<T> create) {
        try {
            return create.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid configuration under " + GcProperties.PREFIX + ": "
                    + e.getMessage(), e);
        }
    }
}
