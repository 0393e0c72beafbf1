package io.kubezen.watcher.controller.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code zen-watcher.gc.*}: deleting Observations past their TTL.
 *
 * @param enabled    false: the leader never collects; the cleanup endpoint still works
 * @param interval   time between runs; the first runs when leadership is acquired
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
            throw new IllegalArgumentException("Invalid configuration under " + PREFIX
                    + ": interval must be positive, was " + interval);
        }
    }
}
