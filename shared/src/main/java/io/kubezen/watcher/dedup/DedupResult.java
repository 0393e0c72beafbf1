package io.kubezen.watcher.dedup;

import java.time.Instant;

/**
 * The outcome of recording one event.
 *
 * @param firstOccurrence true when this call created the record (none existed, or it had expired): the event is new
 * @param unqueued        true when the record existed but nobody has confirmed its event queued yet
 *                        ({@link DedupStore#markQueued}): whoever created it may have died between recording and
 *                        queueing, so this occurrence is queued again. It carries the record's first-seen time and so
 *                        names the same Observation; a second queue entry for it meets AlreadyExists at the writer.
 * @param record          the record after this occurrence was counted
 * @param statusDueAt     set when this repeat is the first since the record's last status update was scheduled: the
 *                        caller queues a {@link io.kubezen.watcher.queue.StatusHint} due then; null otherwise
 */
public record DedupResult(boolean firstOccurrence, boolean unqueued, DedupRecord record, Instant statusDueAt) {

    /** A result of a record whose event is known to be queued, or of the call that created it. */
    public DedupResult(boolean firstOccurrence, DedupRecord record) {
        this(firstOccurrence, false, record, null);
    }

    /** Whether the caller must queue this occurrence; otherwise it is a duplicate and is discarded. */
    public boolean mustQueue() {
        return firstOccurrence || unqueued;
    }
}
