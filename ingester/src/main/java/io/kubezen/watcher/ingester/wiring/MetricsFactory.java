package io.kubezen.watcher.ingester.wiring;

import io.kubezen.watcher.metrics.EventTypeLabels;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.metrics.ObservedEvents;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Set;

/**
 * Latency timers publish histogram buckets, so that Prometheus can compute p50/p99 across replicas; a
 * percentile computed in each process could not be aggregated. Receivers count what their sources observed.
 */
@Factory
class MetricsFactory {

    private static final Set<String> HISTOGRAMS = Set.of(MetricNames.REQUEST_DURATION, MetricNames.WRITE_DURATION);

    @Singleton
    @Requires(condition = ReceiverRole.class)
    ObservedEvents observedEvents(MeterRegistry registry, Clock clock,
                                  @Value("${" + EventTypeLabels.PER_SOURCE_KEY + ":" + EventTypeLabels.DEFAULT_PER_SOURCE + "}")
                                  int eventTypesPerSource) {
        return new ObservedEvents(registry, clock, new EventTypeLabels(eventTypesPerSource));
    }

    @Singleton
    MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (HISTOGRAMS.contains(id.getName())) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
                }
                return config;
            }
        };
    }
}
