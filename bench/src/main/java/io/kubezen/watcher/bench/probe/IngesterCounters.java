package io.kubezen.watcher.bench.probe;

import io.kubezen.watcher.metrics.MetricNames;

import java.util.Map;

/**
 * What the ingester itself counted for one source between two scrapes of its {@code /prometheus}, and what its
 * JVM allocated and paused for collections meanwhile (Micrometer's JVM binders; the allocation is counted at each
 * young collection, so it is exact to within one young generation).
 *
 * @param rejected         requests answered 4xx or 5xx
 * @param allocatedBytes   bytes the JVM allocated
 * @param gcPauseSeconds   time the JVM stood still for garbage collection
 */
public record IngesterCounters(double received, double duplicates, double queued, double rejected,
                               double allocatedBytes, double gcPauseSeconds) {

    static final String ALLOCATED = "jvm_gc_memory_allocated_bytes_total";
    static final String GC_PAUSES = "jvm_gc_pause_seconds_sum";

    public static IngesterCounters between(PrometheusSamples before, PrometheusSamples after, String source) {
        Map<String, String> bySource = Map.of(MetricNames.TAG_SOURCE, source);
        Map<String, String> duplicate = Map.of(MetricNames.TAG_SOURCE, source, MetricNames.TAG_REASON, "duplicate");
        return new IngesterCounters(
                delta(before, after, counter(MetricNames.EVENTS_RECEIVED), bySource),
                delta(before, after, counter(MetricNames.EVENTS_DISCARDED), duplicate),
                delta(before, after, counter(MetricNames.EVENTS_QUEUED), bySource),
                delta(before, after, counter(MetricNames.REQUESTS_REJECTED), bySource),
                delta(before, after, ALLOCATED, Map.of()),
                delta(before, after, GC_PAUSES, Map.of()));
    }

    /** Kilobytes the JVM allocated per received event. */
    public double allocatedKilobytesPerEvent() {
        return perEvent(allocatedBytes / 1000);
    }

    /** Microseconds of collection pauses per received event. */
    public double gcPauseMicrosPerEvent() {
        return perEvent(gcPauseSeconds * 1_000_000);
    }

    /** Percentage of the received events that were duplicates; 50 when the load mix worked end to end. */
    public double duplicatePercent() {
        return perEvent(duplicates * 100);
    }

    private double perEvent(double total) {
        return received == 0 ? 0 : total / received;
    }

    /** Micrometer's dotted counter name as the Prometheus registry exposes it. */
    public static String counter(String micrometerName) {
        return micrometerName.replace('.', '_') + "_total";
    }

    private static double delta(PrometheusSamples before, PrometheusSamples after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
