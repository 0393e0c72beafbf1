package io.kubezen.watcher.ingester.wiring;

import io.kubezen.watcher.ingester.limit.InFlightBudget;
import io.kubezen.watcher.metrics.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The receiver's bound on request bodies in processing, with its gauge. */
@Requires(condition = ReceiverRole.class)
@Factory
class InFlightBudgetFactory {

    private static final Logger LOG = LoggerFactory.getLogger(InFlightBudgetFactory.class);

    @Singleton
    InFlightBudget inFlightBudget(ReceiverProperties properties, MeterRegistry registry) {
        long maxHeap = Runtime.getRuntime().maxMemory();
        long maxBytes = properties.inFlightBound(maxHeap);
        LOG.info("Request bodies in flight are bounded to {} bytes ({}, the heap may grow to {} bytes)", maxBytes,
                properties.maxInFlightBytes() != null ? "zen-watcher.receiver.max-in-flight-bytes" : "derived from the heap",
                maxHeap);
        InFlightBudget budget = new InFlightBudget(maxBytes, properties.maxInFlightWait());
        Gauge.builder(MetricNames.REQUESTS_IN_FLIGHT_BYTES, budget, InFlightBudget::inFlightBytes)
                .strongReference(true).register(registry);
        return budget;
    }
}
