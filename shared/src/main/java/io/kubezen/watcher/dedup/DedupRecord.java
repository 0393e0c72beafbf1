package io.kubezen.watcher.dedup;

import java.time.Duration;
import java.time.Instant;

/**
 * What the store knows about one fingerprint of one source. Times have millisecond precision.
 *
 * @param count   occurrences since {@code firstSeen}, including the first
 * @param ttlLeft how long until the record expires and the next occurrence counts as new
 */
public record DedupRecord(String source, String fingerprint, Instant firstSeen, Instant lastSeen, long count,
                          Duration ttlLeft) {
}
