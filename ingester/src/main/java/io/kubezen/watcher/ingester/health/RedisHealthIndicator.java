package io.kubezen.watcher.ingester.health;

import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.wiring.RedisProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;

/**
 * Readiness follows Redis: while it cannot be reached every ingest would answer 503, so the load balancer
 * should prefer another replica. Liveness does not, because restarting would not bring Redis back.
 */
@Singleton
@Readiness
@Requires(property = RedisProperties.URI)
class RedisHealthIndicator implements HealthIndicator {

    private static final String NAME = "redis";

    private final RedisConnector connector;

    RedisHealthIndicator(RedisConnector connector) {
        this.connector = connector;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic());
    }

    private HealthResult check() {
        try {
            String pong = connector.shared().sync().ping();
            return HealthResult.builder(NAME, HealthStatus.UP).details(Map.of("ping", pong)).build();
        } catch (RuntimeException e) {
            return HealthResult.builder(NAME, HealthStatus.DOWN).details(Map.of("error", String.valueOf(e.getMessage()))).build();
        }
    }
}
