package io.kubezen.watcher.ingester.receive;

import io.kubezen.watcher.filter.FilterReason;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.pipeline.PipelineResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * The receive path's counters. Tags are the configured source name (the path's {@code {source}} only once it
 * matched a configured source, so a scan of random paths cannot inflate cardinality) and fixed words. The error
 * counters exist at zero from the start, so that an alert on their increase sees the first error.
 */
@Singleton
class ReceiveMetrics {

    private final MeterRegistry registry;

    ReceiveMetrics(MeterRegistry registry) {
        this.registry = registry;
        storeErrors();
    }

    void received(String source, PipelineResult result, int queued, int duplicates) {
        registry.counter(MetricNames.EVENTS_RECEIVED, MetricNames.TAG_SOURCE, source).increment(result.received());
        registry.counter(MetricNames.EVENTS_QUEUED, MetricNames.TAG_SOURCE, source).increment(queued);
        if (duplicates > 0) {
            discarded(source, "duplicate", duplicates);
        }
        if (result.filteredTotal() > 0) {
            discarded(source, "filtered", result.filteredTotal());
            result.filtered().forEach((reason, count) -> registry.counter(MetricNames.EVENTS_FILTERED,
                    MetricNames.TAG_SOURCE, source, MetricNames.TAG_FILTER, word(reason)).increment(count));
        }
    }

    void storeFailure() {
        storeErrors().increment();
    }

    private void discarded(String source, String reason, int count) {
        registry.counter(MetricNames.EVENTS_DISCARDED, MetricNames.TAG_SOURCE, source,
                MetricNames.TAG_REASON, reason).increment(count);
    }

    private Counter storeErrors() {
        return registry.counter(MetricNames.ERRORS, MetricNames.TAG_STAGE, "store",
                MetricNames.TAG_ERROR_TYPE, "unavailable");
    }

    private static String word(FilterReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }
}
