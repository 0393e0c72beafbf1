package io.kubezen.watcher.wiring;

import io.kubezen.watcher.model.TtlPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code zen-watcher.gc.*}: deleting Observations past their TTL. The controller's leader collects in the cluster;
 * a writer on the local sink collects its file with {@code enabled}, {@code interval} and {@code default-ttl}.
 *
 * @param enabled    false: the leader never collects (the cleanup endpoint still works), nor does the local sink
 * @param interval   time between runs; the first runs when leadership is acquired, or when the local sink opens
 * @param defaultTtl for Observations without {@code spec.ttlSecondsAfterCreation}; 60s to 365d
 * @param pageSize   Observations listed per request, which bounds GC's memory
 * @param qps        deletes per second, shared by GC and the cleanup endpoint
 * @param burst      deletes allowed at once before {@code qps} applies
 */
@ConfigurationProperties(GcProperties.PREFIX)
public record GcProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "1h") Duration interval,
        @Bindable(defaultValue = "7d") Duration defaultTtl,
        @Bindable(defaultValue = "500") int pageSize,
        @Bindable(defaultValue = "10") double qps,
        @Bindable(defaultValue = "20") int burst) {

    public static final String PREFIX = "zen-watcher.gc";

    public GcProperties {
        if (interval == null || interval.isZero() || interval.isNegative()) {
            throw invalid("interval must be positive, was " + interval);
        }
    }

    /** The policy of {@code default-ttl}; a value out of bounds fails with a message that names the prefix. */
    public TtlPolicy ttlPolicy() {
        try {
            return new TtlPolicy(defaultTtl);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("Invalid configuration under " + PREFIX + ": " + problem);
    }
}
