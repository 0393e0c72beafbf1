package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.model.Observation;

/**
 * An event that passed the filter, ready for dedup and the queue.
 *
 * @param observation with {@code spec.fingerprint} and {@code spec.ttlSecondsAfterCreation} set
 * @param fingerprint the same as {@code observation.spec().fingerprint()}, at hand for the dedup key
 * @param dedup       the source's dedup settings
 */
public record IngestedEvent(Observation observation, String fingerprint, DedupPolicy dedup) {
}
