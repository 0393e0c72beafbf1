package io.kubezen.watcher.ingester.wiring;

import io.kubezen.watcher.ingester.limit.InFlightBudget;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code zen-watcher.receiver.*}.
 *
 * @param defaultNamespace             where Observations go when their source names no destination namespace
 * @param allowUnauthenticatedBuiltins lets the built-in sources ({@code /ingest/falco}, ...) accept requests
 *                                     without credentials; for local trials only, announced at start-up
 * @param maxDetailBytes               bound on each detail value of an Observation, the raw payload included
 * @param maxInlineBodyBytes           largest body handled on the server's event loop, when it is not encoded
 *                                     and nothing on its way can wait; others go to the blocking pool; 0: all do
 * @param maxInFlightBytes             bound on the bodies being parsed or waiting for the store at once
 *                                     ({@link InFlightBudget}); null: derived from the maximum heap, see
 *                                     {@link #inFlightBound}
 * @param maxInFlightWait              how long a request waits for its share of that bound before a 503
 */
@ConfigurationProperties("zen-watcher.receiver")
public record ReceiverProperties(
        @NotBlank @Bindable(defaultValue = "zen-system") String defaultNamespace,
        @Bindable(defaultValue = "false") boolean allowUnauthenticatedBuiltins,
        @Min(256) @Bindable(defaultValue = "16384") int maxDetailBytes,
        @Min(0) @Bindable(defaultValue = "16384") int maxInlineBodyBytes,
        @Nullable @Min(65_536) Long maxInFlightBytes,
        @NotNull @Bindable(defaultValue = "10s") Duration maxInFlightWait) {

    /** The configured bound, or else {@link InFlightBudget#defaultMaxBytes} of a heap of {@code maxHeapBytes}. */
    public long inFlightBound(long maxHeapBytes) {
        return maxInFlightBytes != null ? maxInFlightBytes : InFlightBudget.defaultMaxBytes(maxHeapBytes);
    }
}
