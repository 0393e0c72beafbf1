package io.kubezen.watcher.dedup;

import io.kubezen.watcher.store.Page;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Remembers which events were seen recently, so that a repeat within its window is discarded. Called by the
 * receive path for every event that passed the filter; the admin API lists, shows and forgets records.
 * Implementations are thread-safe. The Redis one throws
 * {@link io.kubezen.watcher.store.StoreUnavailableException} when Redis cannot be reached.
 */
public interface DedupStore {

    /**
     * How often at most an Observation's status is brought up to its record. A record stays readable for two
     * intervals after its window ends, so the last status update of a window still finds its final count.
     */
    Duration DEFAULT_STATUS_INTERVAL = Duration.ofSeconds(30);

    /**
     * Counts one occurrence of each request, in order, and says for each whether it was the first. Each
     * request is atomic on its own: of any number of concurrent callers (in any number of processes sharing
     * the store) recording the same fingerprint, exactly one is told it is first. Until the record is
     * {@linkplain #markQueued marked queued}, the others are told it is {@linkplain DedupResult#unqueued()
     * unqueued} rather than a duplicate, and so is a request repeated later in the same batch. A record's window
     * runs from its first occurrence and is not extended by duplicates.
     *
     * @return one result per request, in request order
     */
    List<DedupResult> record(List<DedupRequest> batch);

    /**
     * {@link #record(List)} without waiting, for the receive path, which should not hold a thread per request
     * while Redis answers. Failures complete the stage as {@code record} would throw them. The stage may
     * complete on a Redis client's I/O thread, so whoever chains on it must not block.
     */
    default CompletionStage<List<DedupResult>> recordAsync(List<DedupRequest> batch) {
        try {
            return CompletableFuture.completedFuture(record(batch));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    default DedupResult record(DedupRequest request) {
        return record(List.of(request)).get(0);
    }

    /**
     * Notes that the events of these records are durably queued, so that later occurrences within the window are
     * duplicates. Until a record is marked, every later occurrence is {@link DedupResult#unqueued()}: an
     * acknowledged retry can then never be lost to a record whose creator died before queueing. Marking a record
     * that expired or was forgotten does nothing; it never creates one.
     */
    void markQueued(String source, List<String> fingerprints);

    /** {@link #markQueued} without waiting, with the same completion rules as {@link #recordAsync}. */
    default CompletionStage<Void> markQueuedAsync(String source, List<String> fingerprints) {
        try {
            markQueued(source, fingerprints);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Withdraws the status updates the last {@link #record} scheduled for these records, because the caller could
     * not queue them: the next repeat schedules one again. Never fails; a record that is gone stays gone.
     */
    CompletionStage<Void> cancelStatusAsync(String source, List<String> fingerprints);

    /** The live record of a fingerprint; empty when there is none or its window has ended. */
    Optional<DedupRecord> get(String source, String fingerprint);

    /**
     * The record that began at {@code firstSeen}, for the writer that brings its Observation's status up to date:
     * while its window lasts, and for two status intervals after, even when a new record of the same fingerprint
     * has begun since. Its {@link DedupRecord#ttlLeft()} is zero once its window has ended.
     */
    Optional<DedupRecord> find(String source, String fingerprint, Instant firstSeen);

    /** Deletes the record, so the next occurrence counts as new. Returns whether there was one. */
    boolean forget(String source, String fingerprint);

    /** {@link #forget} without waiting, with the same completion rules as {@link #recordAsync}. */
    default CompletionStage<Boolean> forgetAsync(String source, String fingerprint) {
        try {
            return CompletableFuture.completedFuture(forget(source, fingerprint));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Lists the live records of a source, about {@code limit} per page, in no particular order; a page may
     * hold fewer, even none, while more follow. Records that exist for the whole listing appear at least
     * once; records created or expiring meanwhile may or may not.
     *
     * @param cursor null for the first page, then the previous page's {@link Page#nextCursor()}
     */
    Page<DedupRecord> list(String source, String cursor, int limit);
}
