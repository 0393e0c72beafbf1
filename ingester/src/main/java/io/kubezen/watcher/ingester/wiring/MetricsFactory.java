package io.kubezen.watcher.ingester.wiring;

import io.kubezen.watcher.metrics.MetricNames;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Latency timers publish histogram buckets, so that Prometheus can compute p50/p99 across replicas; a
 * percentile computed in each process could not be aggregated.
 */
@Factory
class MetricsFactory {

    private static final Set<String> HISTOGRAMS = Set.of(MetricNames.REQUEST_DURATION, MetricNames.WRITE_DURATION);

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
