package io.kubezen.watcher.queue;

import java.time.Instant;
import java.util.Objects;

/**
 * Asks a writer to bring the status of one Observation up to its dedup record: the count of repeats and the
 * last-seen time. The dedup store schedules one hint per record per status interval, at the first repeat of
 * the interval, and the hint is due an interval later, so the writer's one status write covers every repeat
 * of that interval. See {@code DESIGN.md} in the {@code writer} package of the ingester.
 *
 * @param firstSeen the record's first-seen time; with the fingerprint it names the Observation
 * @param namespace the namespace the repeat was placed in, which is the Observation's
 * @param dueAt     when to read the record and write the status
 * @param lastSeen  the record's last-seen time when the hint was scheduled; used if the record is gone by then
 * @param count     the record's count when the hint was scheduled, likewise
 */
public record StatusHint(String source, String fingerprint, Instant firstSeen, String namespace, Instant dueAt,
                         Instant lastSeen, long count) implements QueueItem {

    public StatusHint {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (count < 1) {
            throw new IllegalArgumentException("a record counts at least its first occurrence, not " + count);
        }
    }
}
