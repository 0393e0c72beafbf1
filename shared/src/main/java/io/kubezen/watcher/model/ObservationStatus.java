package io.kubezen.watcher.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * The {@code status} of an Observation. {@code processed} and {@code lastProcessedAt} are zen-watcher's;
 * the first/last-seen times and the duplicate count are ours, taken from the dedup record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObservationStatus(
        Boolean processed,
        Instant lastProcessedAt,
        Instant firstSeen,
        Instant lastSeen,
        Long duplicateCount,
        List<Condition> conditions) {
}
