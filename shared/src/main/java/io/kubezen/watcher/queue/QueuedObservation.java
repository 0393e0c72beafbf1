package io.kubezen.watcher.queue;

import io.kubezen.watcher.model.Observation;

import java.time.Instant;
import java.util.Objects;

/**
 * An accepted event on its way to the writer.
 *
 * @param fingerprint its dedup fingerprint
 * @param firstSeen   the first-seen time of its dedup record; with the fingerprint it names the Observation, so
 *                    a redelivered entry maps to the same resource and the write stays idempotent
 */
public record QueuedObservation(Observation observation, String fingerprint, Instant firstSeen) implements QueueItem {

    public QueuedObservation {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(firstSeen, "firstSeen");
    }

    @Override
    public String source() {
        return observation.spec().source();
    }
}
