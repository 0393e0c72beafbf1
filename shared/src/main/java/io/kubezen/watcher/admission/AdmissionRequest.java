package io.kubezen.watcher.admission;

import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.store.SourceNames;

import java.time.Duration;
import java.util.Objects;

/**
 * One event to admit: deduplicate (when it has a window) and queue.
 *
 * @param source      the Ingester (source) name
 * @param fingerprint identifies "the same event" within the source; with the source it also picks the queue shard
 * @param observation what the writer creates for a first occurrence; its namespace is where a status update goes
 * @param window      the dedup window, see {@link io.kubezen.watcher.dedup.DedupWindows}; null when the source does
 *                    not deduplicate, and every occurrence is queued
 */
public record AdmissionRequest(String source, String fingerprint, Observation observation, Duration window) {

    public AdmissionRequest {
        SourceNames.check(source);
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new IllegalArgumentException("fingerprint must not be blank");
        }
        Objects.requireNonNull(observation, "observation");
        if (window != null && window.toMillis() <= 0) {
            throw new IllegalArgumentException("window must be at least 1 ms, was " + window);
        }
    }

    public boolean deduplicates() {
        return window != null;
    }

    /** The dedup half of this request; only for one that {@linkplain #deduplicates() deduplicates}. */
    public DedupRequest dedup() {
        return new DedupRequest(source, fingerprint, window);
    }
}
