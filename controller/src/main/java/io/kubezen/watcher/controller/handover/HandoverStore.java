package io.kubezen.watcher.controller.handover;

import java.util.Optional;

/**
 * What a leader-only source remembers per source and per thing it reads, so that the next leader continues where
 * this one stopped. Shared by every controller replica (the Redis one). Implementations are thread-safe; the
 * Redis one throws {@link io.kubezen.watcher.store.StoreUnavailableException} when Redis cannot be reached.
 *
 * @param <K> what the source reads, for example one object or one container
 * @param <V> what is remembered about it
 */
public interface HandoverStore<K, V> {

    Optional<V> get(String source, K key);

    /** Replaces what is remembered; called only once what it records was handed to the queue. */
    void put(String source, K key, V value);

    /** Called when the thing is gone, so its record does not outlive it. */
    void forget(String source, K key);
}
