package io.kubezen.watcher.controller.gc;

import io.kubezen.watcher.store.Page;

/**
 * The stored Observations that zen-watcher manages (label {@code app.kubernetes.io/managed-by=zen-watcher}),
 * for GC and the cleanup endpoint. Listing goes page by page, so memory stays bounded by the page size.
 * Failures to reach the store are {@link io.kubezen.watcher.store.StoreUnavailableException}s.
 */
public interface ObservationStore {

    /**
     * One page, in the store's stable order, of the Observations {@code selector} matches. Pass the page's
     * {@code nextCursor} back for the next one. The pages of one listing show the store as it was at the first
     * page, so deleting while listing neither skips nor repeats anything.
     *
     * @param cursor null for the first page
     */
    Page<StoredObservation> list(ObservationSelector selector, String cursor, int limit);

    /**
     * Deletes the Observation if it is still the one listed (same uid). Returns false when it was already gone
     * or replaced by a newer one of the same name, which is not an error.
     */
    boolean delete(StoredObservation observation);
}
