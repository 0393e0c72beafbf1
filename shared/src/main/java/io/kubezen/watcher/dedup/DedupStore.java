package io.kubezen.watcher.dedup;

import io.kubezen.watcher.store.Page;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Remembers which events were seen recently, so that a repeat within its window is discarded. The admission step
 * keeps the records, recording and queueing in one step by the rules of {@link #record} (see
 * {@link io.kubezen.watcher.admission.AdmissionStore}); the writer reads them for an Observation's status, and the
 * admin API lists, shows and forgets them. Implementations are thread-safe. The Redis one throws
 * {@link io.kubezen.watcher.store.StoreUnavailableException} when Redis cannot be reached.
 */
public interface DedupStore {

    /**
     * How often at most an Observation's status is brought up to its record. A record stays readable for two
     * intervals after its window ends, so the last status update of a window still finds its final count.
     */
    Duration DEFAULT_STATUS_INTERVAL = Duration.ofSeconds(30);

    /**
     * Counts one occurrence of each request, in order, and says for each whether it was the first, without queueing
     * anything. Each request is atomic on its own: of any number of concurrent callers (in any number of processes
     * sharing the store) recording the same fingerprint, exactly one is told it is first, and a request repeated
     * later in the same batch is a duplicate. A record's window runs from its first occurrence and is not extended
     * by duplicates. The first repeat of each status interval schedules a status update
     * ({@link DedupResult#statusDueAt()}).
     *
     * @return one result per request, in request order
     */
    List<DedupResult> record(List<DedupRequest> batch);

    default DedupResult record(DedupRequest request) {
        return record(List.of(request)).get(0);
    }

    /** The live record of a fingerprint; empty when there is none or its window has ended. */
    Optional<DedupRecord> get(String source, String fingerprint);

    /**
     * The record that began at {@code firstSeen}, for the writer that brings its Observation's status up to date:
     * while its window lasts, and for two status intervals after, even when a new record of the same fingerprint
     * has begun since. Its {@link DedupRecord#ttlLeft()} is zero once its window has ended.
     */
    default Optional<DedupRecord> find(String source, String fingerprint, Instant firstSeen) {
        return findAll(List.of(new DedupRecordId(source, fingerprint, firstSeen))).get(0);
    }

    /**
     * {@link #find} for each record, in the order given: a writer reads the records of a whole batch at once, which
     * the Redis store does in one round trip.
     */
    List<Optional<DedupRecord>> findAll(List<DedupRecordId> records);

    /** Deletes the record, so the next occurrence counts as new. Returns whether there was one. */
    boolean forget(String source, String fingerprint);

    /**
     * Lists the live records of a source, about {@code limit} per page, in no particular order; a page may
     * hold fewer, even none, while more follow. Records that exist for the whole listing appear at least
     * once; records created or expiring meanwhile may or may not.
     *
     * @param cursor null for the first page, then the previous page's {@link Page#nextCursor()}
     */
    Page<DedupRecord> list(String source, String cursor, int limit);
}
