package io.kubezen.watcher.dedup;

/**
 * The outcome of recording one event.
 *
 * @param firstOccurrence true when no record existed (or it had expired): the event is new and goes on;
 *                        false when it is a duplicate within the window and is discarded
 * @param record          the record after this occurrence was counted
 */
public record DedupResult(boolean firstOccurrence, DedupRecord record) {
}
