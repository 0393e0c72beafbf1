package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.controller.informer.WorkQueueOptions;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

import java.time.Duration;

/**
 * {@code zen-watcher.informer.*}: how the leader works off the informer sources' changes. The sources themselves
 * are configured under {@code zen-watcher.informers.<name>}, in the shape of an Ingester spec.
 *
 * @param workers          sync workers per source
 * @param retryBaseDelay   first delay of an object whose sync failed (Redis away); doubles per failure
 * @param retryMaxDelay    cap of that per-object backoff
 * @param retryQps         retries per second per source, whatever the per-object backoff says
 * @param retryBurst       retries at once before {@code retryQps} applies
 * @param defaultNamespace where Observations go when their source names no destination namespace
 */
@ConfigurationProperties(InformerProperties.PREFIX)
public record InformerProperties(
        @Bindable(defaultValue = "2") int workers,
        @Bindable(defaultValue = "500ms") Duration retryBaseDelay,
        @Bindable(defaultValue = "5m") Duration retryMaxDelay,
        @Bindable(defaultValue = "10") int retryQps,
        @Bindable(defaultValue = "100") int retryBurst,
        @NotBlank @Bindable(defaultValue = "zen-system") String defaultNamespace) {

    public static final String PREFIX = "zen-watcher.informer";

    WorkQueueOptions toOptions() {
        try {
            return new WorkQueueOptions(workers, retryBaseDelay, retryMaxDelay, retryQps, retryBurst);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid configuration under " + PREFIX + ": " + e.getMessage(), e);
        }
    }
}
