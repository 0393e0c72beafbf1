package io.kubezen.watcher.ingester.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code zen-watcher.store.*}: sizes of the queue and of the embedded dedup store, and how often repeats reach an
 * Observation's status.
 *
 * @param queueCapacity         entries the queue holds before appends are refused with 503 (never trimmed)
 * @param memoryDedupMaxEntries records the embedded dedup store keeps; the oldest go first when full
 * @param statusInterval        at most one status update per Observation per interval, covering every repeat in it
 */
@ConfigurationProperties("zen-watcher.store")
public record StoreProperties(
        @Min(1) @Bindable(defaultValue = "1000000") long queueCapacity,
        @Min(1) @Bindable(defaultValue = "100000") int memoryDedupMaxEntries,
        @NotNull @Bindable(defaultValue = "30s") Duration statusInterval) {

    public StoreProperties {
        if (statusInterval != null && (statusInterval.isNegative() || statusInterval.toMillis() < 1000)) {
            throw new IllegalArgumentException("zen-watcher.store.status-interval must be at least 1s, was "
                    + statusInterval);
        }
    }
}
