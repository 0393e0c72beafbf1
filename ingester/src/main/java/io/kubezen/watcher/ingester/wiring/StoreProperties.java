package io.kubezen.watcher.ingester.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * {@code zen-watcher.store.*}: sizes of the queue and of the embedded dedup store.
 *
 * @param queueCapacity         entries the queue holds before appends are refused with 503 (never trimmed)
 * @param memoryDedupMaxEntries records the embedded dedup store keeps; the oldest go first when full
 */
@ConfigurationProperties("zen-watcher.store")
public record StoreProperties(
        @Min(1) @Bindable(defaultValue = "1000000") long queueCapacity,
        @Min(1) @Bindable(defaultValue = "100000") int memoryDedupMaxEntries) {
}
