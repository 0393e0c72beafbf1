package io.kubezen.watcher.ingester.wiring;

import io.kubezen.watcher.ingester.limit.InFlightBudget;
import io.kubezen.watcher.metrics.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The receiver's bound on request bodies in processing, with its gauge. */
@Requires(condition = ReceiverRole.class)
@Factory
class InFlightBudgetFactory {

    @Singleton
    InFlightBudget inFlightBudget(ReceiverProperties properties, MeterRegistry registry) {
        InFlightBudget budget = new InFlightBudget(properties.maxInFlightBytes(), properties.maxInFlightWait());
        Gauge.builder(MetricNames.REQUESTS_IN_FLIGHT_BYTES, budget, InFlightBudget::inFlightBytes)
                .strongReference(true).register(registry);
        return budget;
    }
}
