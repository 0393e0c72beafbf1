package io.kubezen.watcher.ingester.writer.consume;

import io.kubezen.watcher.ingester.writer.FailureReason;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.metrics.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Locale;

/** The writer's counters; tags are the fixed outcome and reason words of {@link WriteResult}. */
public final class WriterMetrics {

    private final MeterRegistry registry;
    private final Timer batchDuration;

    public WriterMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchDuration = registry.timer(MetricNames.WRITE_DURATION);
    }

    void result(WriteResult result) {
        String outcome = result.outcome().name().toLowerCase(Locale.ROOT);
        if (result.written()) {
            registry.counter(MetricNames.OBSERVATIONS_WRITTEN, MetricNames.TAG_RESULT, outcome).increment();
        } else {
            failed(result.reason().wireName(), outcome);
        }
    }

    void failed(String reason, String outcome) {
        registry.counter(MetricNames.WRITE_FAILURES, MetricNames.TAG_REASON, reason, MetricNames.TAG_OUTCOME, outcome)
                .increment();
    }

    /** For the retrying sink: counts each retry by the reason the last attempt failed. */
    public void retried(FailureReason reason) {
        registry.counter(MetricNames.WRITE_RETRIES, MetricNames.TAG_REASON, reason.wireName()).increment();
    }

    void deadLettered(String reason) {
        registry.counter(MetricNames.DEAD_LETTERS, MetricNames.TAG_REASON, reason).increment();
    }

    Timer batchDuration() {
        return batchDuration;
    }
}
