package io.kubezen.watcher.admission;

import io.kubezen.watcher.dedup.DedupResult;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Decides for each event whether it is new and queues what follows from that, in one atomic step per event: a
 * first occurrence, or an event of a source that does not deduplicate, is appended to the queue as an
 * {@link io.kubezen.watcher.queue.QueuedObservation}; a repeat that the dedup rules schedule a status update for
 * (see {@link io.kubezen.watcher.dedup.DedupStore}) appends a {@link io.kubezen.watcher.queue.StatusHint}; any other
 * repeat is only counted. Because deciding and appending cannot be separated, no crash or store failure can leave a
 * record that claims an event nobody queued. The receive path and the controller's informer sources call it for
 * every batch that passed the filter; the writers read the result through
 * {@link io.kubezen.watcher.queue.EventQueue}. Thread-safe; see {@code DESIGN.md} in this package.
 */
public interface AdmissionStore {

    /**
     * Admits the batch, in order: a repeat later in the batch is a duplicate of the earlier event. The stage
     * completes once everything it decided to queue is durably in the queue. On failure it fails with a
     * {@link io.kubezen.watcher.store.StoreUnavailableException} (a {@link io.kubezen.watcher.queue.QueueFullException}
     * when there is no room); then some events of the batch may have been admitted, each fully, and the sender's
     * retry finds them duplicates. The stage may complete on a Redis client's I/O thread, so whoever chains on it
     * must not block.
     *
     * @return one result per request, in request order; null for a request without a dedup window, which was queued
     */
    CompletionStage<List<DedupResult>> admitAsync(List<AdmissionRequest> batch);
}
