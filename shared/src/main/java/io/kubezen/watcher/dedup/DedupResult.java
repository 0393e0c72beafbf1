package io.kubezen.watcher.dedup;

import java.time.Instant;

/**
 * The outcome of recording one event.
 *
 * @param firstOccurrence true when this call created the record (none existed, or it had expired): the event is new
 * @param record          the record after this occurrence was counted
 * @param statusDueAt     set when this repeat is the first since the record's last status update was scheduled: a
 *                        {@link io.kubezen.watcher.queue.StatusHint} due then is queued; null otherwise
 */
public record DedupResult(boolean firstOccurrence, DedupRecord record, Instant statusDueAt) {

    /** A result that schedules no status update. */
    public DedupResult(boolean firstOccurrence, DedupRecord record) {
        this(firstOccurrence, record, null);
    }
}
