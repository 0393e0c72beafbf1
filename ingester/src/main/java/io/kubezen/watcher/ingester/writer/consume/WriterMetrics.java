package io.kubezen.watcher.ingester.writer.consume;

import io.kubezen.watcher.ingester.writer.FailureReason;
import io.kubezen.watcher.ingester.writer.WriteResult.Outcome;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.model.ObservationSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The writer's counters; tags are the fixed outcome and reason words of {@link WriteResult}. Every known tag
 * combination exists at zero from the start: an alert on {@code increase()} of a series that only appears with
 * its first failure would miss that failure. Created Observations are also counted by source, category and
 * severity; a writer does not know the sources in advance, so those series appear with their first Observation,
 * and the chart's alert on them also catches a series that is new.
 */
public final class WriterMetrics {

    private final MeterRegistry registry;
    private final Timer batchDuration;

    public WriterMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchDuration = registry.timer(MetricNames.WRITE_DURATION);
        registerAtZero();
    }

    private void registerAtZero() {
        registry.counter(MetricNames.OBSERVATIONS_WRITTEN, MetricNames.TAG_RESULT, word(Outcome.CREATED));
        registry.counter(MetricNames.OBSERVATIONS_WRITTEN, MetricNames.TAG_RESULT, word(Outcome.ALREADY_EXISTS));
        for (Outcome outcome : new Outcome[] {Outcome.UPDATED, Outcome.UNCHANGED, Outcome.GONE}) {
            registry.counter(MetricNames.STATUS_UPDATES, MetricNames.TAG_RESULT, word(outcome));
        }
        for (FailureReason reason : FailureReason.values()) {
            if (reason.permanent()) {
                failures(reason.wireName(), word(Outcome.PERMANENT));
                deadLetters(reason.wireName());
            } else {
                failures(reason.wireName(), word(Outcome.RETRYABLE));
                retries(reason);
            }
        }
        failures(QueueWriter.UNDECODABLE, word(Outcome.PERMANENT));
        deadLetters(QueueWriter.UNDECODABLE);
        deadLetters(QueueWriter.MAX_DELIVERIES);
        registry.counter(MetricNames.STATUS_UPDATES_DEFERRED);
    }

    void result(WriteResult result) {
        String outcome = word(result.outcome());
        if (result.outcome() == Outcome.CREATED || result.outcome() == Outcome.ALREADY_EXISTS) {
            registry.counter(MetricNames.OBSERVATIONS_WRITTEN, MetricNames.TAG_RESULT, outcome).increment();
        } else if (result.settled()) {
            registry.counter(MetricNames.STATUS_UPDATES, MetricNames.TAG_RESULT, outcome).increment();
        } else {
            failures(result.reason().wireName(), outcome).increment();
        }
    }

    void created(ObservationSpec spec) {
        registry.counter(MetricNames.OBSERVATIONS_CREATED, MetricNames.TAG_SOURCE, spec.source(),
                MetricNames.TAG_CATEGORY, spec.category().wireName(),
                MetricNames.TAG_SEVERITY, spec.severity().wireName()).increment();
    }

    void failed(String reason, Outcome outcome) {
        failures(reason, word(outcome)).increment();
    }

    /** For the retrying sink: counts each retry by the reason the last attempt failed. */
    public void retried(FailureReason reason) {
        retries(reason).increment();
    }

    /** A status update read before it was due, left pending because the writer held {@code max-held} already. */
    void deferred() {
        registry.counter(MetricNames.STATUS_UPDATES_DEFERRED).increment();
    }

    void watchHeld(Supplier<Number> held) {
        Gauge.builder(MetricNames.STATUS_UPDATES_HELD, held).register(registry);
    }

    void deadLettered(String reason) {
        deadLetters(reason).increment();
    }

    Timer batchDuration() {
        return batchDuration;
    }

    private Counter failures(String reason, String outcome) {
        return registry.counter(MetricNames.WRITE_FAILURES,
                MetricNames.TAG_REASON, reason, MetricNames.TAG_OUTCOME, outcome);
    }

    private Counter retries(FailureReason reason) {
        return registry.counter(MetricNames.WRITE_RETRIES, MetricNames.TAG_REASON, reason.wireName());
    }

    private Counter deadLetters(String reason) {
        return registry.counter(MetricNames.DEAD_LETTERS, MetricNames.TAG_REASON, reason);
    }

    private static String word(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
