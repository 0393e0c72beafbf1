package io.kubezen.watcher.ingester.receive;

import io.kubezen.watcher.filter.FilterReason;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.pipeline.PipelineResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The receive path's counters. Tags are the configured source name (the path's {@code {source}} only once it
 * matched a configured source, so a scan of random paths cannot inflate cardinality) and fixed words. The error
 * counters exist at zero from the start, so that an alert on their increase sees the first error. Each source's
 * counters are looked up in the registry once and then kept: a lookup builds and sorts the tags, which every request
 * would pay for; a counter still appears only once it first counts, as it would from the registry.
 */
@Singleton
class ReceiveMetrics {

    private static final String DUPLICATE = "duplicate";
    private static final String FILTERED = "filtered";

    private final MeterRegistry registry;
    private final Map<String, SourceCounters> sources = new ConcurrentHashMap<>();

    ReceiveMetrics(MeterRegistry registry) {
        this.registry = registry;
        storeErrors();
    }

    void received(String source, PipelineResult result, int queued, int duplicates) {
        SourceCounters counters = sources.computeIfAbsent(source, SourceCounters::new);
        counters.received.increment(result.received());
        counters.queued.increment(queued);
        if (duplicates > 0) {
            counters.discarded(DUPLICATE).increment(duplicates);
        }
        int filtered = result.filteredTotal();
        if (filtered > 0) {
            counters.discarded(FILTERED).increment(filtered);
            result.filtered().forEach((reason, count) -> counters.filtered(reason).increment(count));
        }
    }

    void storeFailure() {
        storeErrors().increment();
    }

    private Counter storeErrors() {
        return registry.counter(MetricNames.ERRORS, MetricNames.TAG_STAGE, "store",
                MetricNames.TAG_ERROR_TYPE, "unavailable");
    }

    private final class SourceCounters {

        private final String source;
        private final Counter received;
        private final Counter queued;
        private final Map<String, Counter> discarded = new ConcurrentHashMap<>();
        private final Map<FilterReason, Counter> filtered = new ConcurrentHashMap<>();

        SourceCounters(String source) {
            this.source = source;
            this.received = registry.counter(MetricNames.EVENTS_RECEIVED, MetricNames.TAG_SOURCE, source);
            this.queued = registry.counter(MetricNames.EVENTS_QUEUED, MetricNames.TAG_SOURCE, source);
        }

        Counter discarded(String reason) {
            return discarded.computeIfAbsent(reason, word -> registry.counter(MetricNames.EVENTS_DISCARDED,
                    MetricNames.TAG_SOURCE, source, MetricNames.TAG_REASON, word));
        }

        Counter filtered(FilterReason reason) {
            return filtered.computeIfAbsent(reason, key -> registry.counter(MetricNames.EVENTS_FILTERED,
                    MetricNames.TAG_SOURCE, source, MetricNames.TAG_FILTER, key.wireName()));
        }
    }
}
