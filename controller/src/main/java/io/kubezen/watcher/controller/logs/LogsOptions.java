package io.kubezen.watcher.controller.logs;

import java.time.Duration;

/**
 * How the leader streams container logs.
 *
 * @param maxLinesPerSecond per stream; faster lines are read later (the log keeps them), never dropped
 * @param lineBurst         lines a stream may read at once before {@code maxLinesPerSecond} applies
 * @param reconnectDelay    before a stream that ended while its container runs is opened again; doubles after
 *                          each failed stream
 * @param maxReconnectDelay cap of that doubling
 * @param checkpointLines   unmatched lines read between two writes of the position
 */
public record LogsOptions(int maxLinesPerSecond, int lineBurst, Duration reconnectDelay, Duration maxReconnectDelay,
                          int checkpointLines) {

    public LogsOptions {
        if (maxLinesPerSecond < 1 || lineBurst < 1 || checkpointLines < 1) {
            throw new IllegalArgumentException("max-lines-per-second, line-burst and checkpoint-lines must be at "
                    + "least 1");
        }
        if (reconnectDelay.isNegative() || reconnectDelay.isZero() || maxReconnectDelay.compareTo(reconnectDelay) < 0) {
            throw new IllegalArgumentException("reconnect-delay must be positive and max-reconnect-delay at least as long");
        }
    }
}
