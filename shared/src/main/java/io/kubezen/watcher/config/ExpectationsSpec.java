package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Duration;
import java.util.Optional;

/**
 * What the operator expects of a source's traffic, for alerting: the processes that serve the source export it
 * as a metric beside the time of the source's last event, and the chart's alert compares the two. Nothing in the
 * pipeline reads it.
 *
 * @param silentAfterSeconds seconds without any event after which the source counts as silent; absent: never,
 *                           right for sources that are quiet by nature
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExpectationsSpec(Long silentAfterSeconds) {

    public ExpectationsSpec {
        if (silentAfterSeconds != null && silentAfterSeconds < 1) {
            throw new IllegalArgumentException("expectations.silentAfterSeconds must be at least 1, was "
                    + silentAfterSeconds);
        }
    }

    /** The threshold of {@code expectations}, which may be null. */
    public static Optional<Duration> silentAfter(ExpectationsSpec expectations) {
        return expectations == null || expectations.silentAfterSeconds() == null ? Optional.empty()
                : Optional.of(Duration.ofSeconds(expectations.silentAfterSeconds()));
    }
}
