package io.kubezen.watcher.dedup;

import java.time.Instant;
import java.util.Objects;

/**
 * One record of a fingerprint: the one that began at {@code firstSeen}. A fingerprint has a new record in each
 * window, and the writer reads the one its Observation was created for.
 */
public record DedupRecordId(String source, String fingerprint, Instant firstSeen) {

    public DedupRecordId {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(firstSeen, "firstSeen");
    }
}
