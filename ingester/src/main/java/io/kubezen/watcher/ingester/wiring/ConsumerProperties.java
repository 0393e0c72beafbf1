package io.kubezen.watcher.ingester.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code zen-watcher.queue.*}: how a writer consumes the queue.
 *
 * @param group         the consumer group all writers share, so each entry goes to one of them
 * @param consumer      this writer's name in the group; unset: {@code POD_NAME}, else the host name
 * @param batchSize     entries read at once
 * @param maxInFlight   writes of a batch sent to the API server at the same time
 * @param block         how long a read waits for new entries
 * @param claimIdle     an entry read but not acknowledged for this long belongs to a writer that died, and
 *                      is claimed by another
 * @param claimInterval how often a writer looks for such entries
 * @param maxDeliveries deliveries after which an entry that still cannot be written becomes a dead letter
 * @param drainTimeout  on shutdown, how long the batch in flight may take to finish
 * @param maxHeld       status updates a writer holds in memory until they are due; one it reads beyond that stays
 *                      pending in the queue, and the claim takes it again once it has been idle for
 *                      {@code claimIdle}, by when it is due
 */
@ConfigurationProperties("zen-watcher.queue")
public record ConsumerProperties(
        @NotBlank @Bindable(defaultValue = "zw-writers") String group,
        @Nullable String consumer,
        @Min(1) @Bindable(defaultValue = "100") int batchSize,
        @Min(1) @Bindable(defaultValue = "8") int maxInFlight,
        @NotNull @Bindable(defaultValue = "2s") Duration block,
        @NotNull @Bindable(defaultValue = "60s") Duration claimIdle,
        @NotNull @Bindable(defaultValue = "30s") Duration claimInterval,
        @Min(1) @Bindable(defaultValue = "10") int maxDeliveries,
        @NotNull @Bindable(defaultValue = "30s") Duration drainTimeout,
        @Min(0) @Bindable(defaultValue = "100000") int maxHeld) {
}
