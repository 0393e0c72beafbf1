package io.kubezen.watcher.ingester.health;

import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.wiring.RedisProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Readiness follows Redis: while it cannot be reached every ingest would answer 503, so the load balancer
 * should prefer another replica. Liveness does not, because restarting would not bring Redis back.
 */
@Singleton
@Readiness
@Requires(property = RedisProperties.URI)
class RedisHealthIndicator extends RoundTripHealthIndicator {

    private final RedisConnector connector;

    RedisHealthIndicator(RedisConnector connector) {
        super("redis");
        this.connector = connector;
    }

    @Override
    Map<String, Object> roundTrip() {
        return Map.of("ping", connector.shared().sync().ping());
    }
}
