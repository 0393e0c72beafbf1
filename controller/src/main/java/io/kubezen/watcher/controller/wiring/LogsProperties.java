package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.controller.logs.LogsOptions;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code zen-watcher.logs.*}: whether the leader follows logs-type sources, and how hard.
 *
 * @param enabled           off by default, because following pod logs needs read access to pods and their logs,
 *                          which the chart grants only with {@code controller.logsSources.enabled}
 * @param maxStreams        log streams open at once over every logs source; more containers wait their turn
 * @param maxLinesPerSecond per stream; faster lines are read later, never dropped
 * @param lineBurst         lines a stream reads at once before the rate applies
 * @param reconnectDelay    before reopening a stream that ended while its container runs; doubles while streams fail
 * @param maxReconnectDelay cap of that doubling
 * @param checkpointLines   unmatched lines between two writes of a container's position
 */
@ConfigurationProperties(LogsProperties.PREFIX)
public record LogsProperties(
        @Bindable(defaultValue = "false") boolean enabled,
        @Bindable(defaultValue = "200") int maxStreams,
        @Bindable(defaultValue = "200") int maxLinesPerSecond,
        @Bindable(defaultValue = "1000") int lineBurst,
        @Bindable(defaultValue = "1s") Duration reconnectDelay,
        @Bindable(defaultValue = "30s") Duration maxReconnectDelay,
        @Bindable(defaultValue = "100") int checkpointLines) {

    public static final String PREFIX = "zen-watcher.logs";

    LogsOptions toOptions() {
        if (maxStreams < 1) {
            throw new IllegalArgumentException("Invalid configuration under " + PREFIX + ": max-streams must be at "
                    + "least 1, was " + maxStreams);
        }
        try {
            return new LogsOptions(maxLinesPerSecond, lineBurst, reconnectDelay, maxReconnectDelay, checkpointLines);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid configuration under " + PREFIX + ": " + e.getMessage(), e);
        }
    }
}
