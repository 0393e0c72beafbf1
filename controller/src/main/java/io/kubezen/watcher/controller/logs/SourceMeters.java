package io.kubezen.watcher.controller.logs;

import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.pipeline.Admitted;
import io.kubezen.watcher.pipeline.PipelineResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The meters of one logs source, registered when it starts so that dashboards see zero rather than nothing. The
 * stream gauges are removed when the source stops; the counters stay, as counters do.
 */
public final class SourceMeters {

    private final String source;
    private final MeterRegistry registry;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Gauge openGauge;
    private final Gauge waitingGauge;
    private final Counter read;
    private final Counter matched;
    private final Counter throttled;
    private final Counter streamFailures;

    public SourceMeters(String source, MeterRegistry registry) {
        this.source = source;
        this.registry = registry;
        this.openGauge = Gauge.builder(MetricNames.LOG_STREAMS_OPEN, open, AtomicInteger::get)
                .tag(MetricNames.TAG_SOURCE, source).register(registry);
        this.waitingGauge = Gauge.builder(MetricNames.LOG_STREAMS_WAITING, waiting, AtomicInteger::get)
                .tag(MetricNames.TAG_SOURCE, source).register(registry);
        this.read = registry.counter(MetricNames.LOG_LINES_READ, MetricNames.TAG_SOURCE, source);
        this.matched = registry.counter(MetricNames.LOG_LINES_MATCHED, MetricNames.TAG_SOURCE, source);
        this.throttled = registry.counter(MetricNames.LOG_LINES_THROTTLED, MetricNames.TAG_SOURCE, source);
        this.streamFailures = registry.counter(MetricNames.ERRORS, MetricNames.TAG_STAGE, "logs",
                MetricNames.TAG_ERROR_TYPE, "stream_failed");
    }

    public void streamOpened() {
        open.incrementAndGet();
    }

    public void streamClosed() {
        open.decrementAndGet();
    }

    public void waitingForStream(boolean isWaiting) {
        if (isWaiting) {
            waiting.incrementAndGet();
        } else {
            waiting.decrementAndGet();
        }
    }

    public void streamFailed() {
        streamFailures.increment();
    }

    public void lineThrottled() {
        throttled.increment();
    }

    void lineRead(PipelineResult result, Admitted admitted) {
        read.increment();
        if (result.received() == 0) {
            return;
        }
        matched.increment(result.received());
        registry.counter(MetricNames.EVENTS_RECEIVED, MetricNames.TAG_SOURCE, source).increment(result.received());
        registry.counter(MetricNames.EVENTS_QUEUED, MetricNames.TAG_SOURCE, source).increment(admitted.queued().size());
        if (admitted.duplicates() > 0) {
            registry.counter(MetricNames.EVENTS_DISCARDED, MetricNames.TAG_SOURCE, source,
                    MetricNames.TAG_REASON, "duplicate").increment(admitted.duplicates());
        }
        if (result.filteredTotal() > 0) {
            registry.counter(MetricNames.EVENTS_DISCARDED, MetricNames.TAG_SOURCE, source,
                    MetricNames.TAG_REASON, "filtered").increment(result.filteredTotal());
        }
    }

    /** Removes the gauges of a source that stopped, so no stale stream count is scraped. */
    public void remove() {
        registry.remove(openGauge);
        registry.remove(waitingGauge);
    }
}
