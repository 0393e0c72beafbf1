package io.kubezen.watcher.ingester.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;

/**
 * Readiness that follows a dependency the app cannot serve without: one blocking round trip to it per check, off
 * the event loop; UP with what it answered, DOWN with why it could not be reached.
 */
abstract class RoundTripHealthIndicator implements HealthIndicator {

    private final String name;

    RoundTripHealthIndicator(String name) {
        this.name = name;
    }

    /** What the dependency answered, as the result's details; throws when it cannot be reached. */
    abstract Map<String, Object> roundTrip() throws Exception;

    @Override
    public final Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic());
    }

    private HealthResult check() {
        try {
            return HealthResult.builder(name, HealthStatus.UP).details(roundTrip()).build();
        } catch (Exception e) {
            return HealthResult.builder(name, HealthStatus.DOWN)
                    .details(Map.of("error", String.valueOf(e.getMessage()))).build();
        }
    }
}
