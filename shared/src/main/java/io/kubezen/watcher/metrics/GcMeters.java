package io.kubezen.watcher.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of Observation GC, one definition for the controller's GC in a cluster and the local sink's GC alike,
 * so that both export the same series with the same tags and help.
 */
public final class GcMeters {

    /** The {@code reason} of deletions by GC. */
    public static final String TTL = "ttl";
    /** The {@code outcome} of a run that went through every Observation. */
    public static final String COMPLETED = "completed";
    /** The {@code outcome} of a run that stopped early because leadership ended. */
    public static final String STOPPED = "stopped";
    /** The {@code outcome} of a run that failed; it is tried again at the next interval. */
    public static final String FAILED = "failed";

    private GcMeters() {
    }

    /** {@link MetricNames#OBSERVATIONS_DELETED}: Observations deleted, by {@code reason}. */
    public static Counter deleted(MeterRegistry registry, String reason) {
        return Counter.builder(MetricNames.OBSERVATIONS_DELETED)
                .description("Observations deleted by GC (ttl) or the cleanup endpoint (manual)")
                .tag(MetricNames.TAG_REASON, reason)
                .register(registry);
    }

    /** {@link MetricNames#GC_RUNS}: runs, by {@code outcome}. */
    public static Counter runs(MeterRegistry registry, String outcome) {
        return Counter.builder(MetricNames.GC_RUNS).description("GC runs by how they ended")
                .tag(MetricNames.TAG_OUTCOME, outcome).register(registry);
    }

    /** {@link MetricNames#GC_DURATION}: how long each run took. */
    public static Timer duration(MeterRegistry registry) {
        return Timer.builder(MetricNames.GC_DURATION).description("Time one GC run took").register(registry);
    }
}
