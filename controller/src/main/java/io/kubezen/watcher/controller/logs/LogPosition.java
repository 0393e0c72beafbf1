package io.kubezen.watcher.controller.logs;

import java.time.Instant;
import java.util.Objects;

/**
 * How far a container's log was handled: the timestamp of the last line handled and how many lines carried that
 * timestamp. Lines can share a timestamp (the runtime's clock is coarse on some nodes) and {@code sinceTime} has
 * whole seconds only, so a resumed stream starts at the second and skips exactly the lines already handled:
 * nothing is handled twice and nothing is skipped.
 *
 * @param linesAtTime at least 1
 */
public record LogPosition(Instant time, long linesAtTime) {

    public LogPosition {
        Objects.requireNonNull(time, "time");
        if (linesAtTime < 1) {
            throw new IllegalArgumentException("linesAtTime must be at least 1, was " + linesAtTime);
        }
    }

    /** The position after one more line of {@code lineTime}, which is not before this position's time. */
    public LogPosition next(Instant lineTime) {
        return lineTime.equals(time) ? new LogPosition(time, linesAtTime + 1) : new LogPosition(lineTime, 1);
    }

    /**
     * Whether a resumed stream's line was handled already.
     *
     * @param seenAtTime how many lines of {@code lineTime} the resumed stream read before this one
     */
    public boolean covers(Instant lineTime, long seenAtTime) {
        return lineTime.isBefore(time) || (lineTime.equals(time) && seenAtTime < linesAtTime);
    }
}
