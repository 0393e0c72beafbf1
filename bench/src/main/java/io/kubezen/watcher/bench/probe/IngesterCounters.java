package io.kubezen.watcher.bench.probe;

import io.kubezen.watcher.metrics.MetricNames;

import java.util.Map;

/**
 * What the ingester itself counted for one source between two scrapes of its {@code /prometheus}.
 *
 * @param rejected requests answered 4xx or 5xx
 */
public record IngesterCounters(double received, double duplicates, double queued, double rejected) {

    public static IngesterCounters between(PrometheusSamples before, PrometheusSamples after, String source) {
        Map<String, String> bySource = Map.of(MetricNames.TAG_SOURCE, source);
        Map<String, String> duplicate = Map.of(MetricNames.TAG_SOURCE, source, MetricNames.TAG_REASON, "duplicate");
        return new IngesterCounters(
                delta(before, after, MetricNames.EVENTS_RECEIVED, bySource),
                delta(before, after, MetricNames.EVENTS_DISCARDED, duplicate),
                delta(before, after, MetricNames.EVENTS_QUEUED, bySource),
                delta(before, after, MetricNames.REQUESTS_REJECTED, bySource));
    }

    /** Percentage of the received events that were duplicates; 50 when the load mix worked end to end. */
    public double duplicatePercent() {
        return received == 0 ? 0 : duplicates * 100 / received;
    }

    /** Micrometer's dotted counter name as the Prometheus registry exposes it. */
    public static String counter(String micrometerName) {
        return micrometerName.replace('.', '_') + "_total";
    }

    private static double delta(PrometheusSamples before, PrometheusSamples after, String name, Map<String, String> labels) {
        return after.sum(counter(name), labels) - before.sum(counter(name), labels);
    }
}
