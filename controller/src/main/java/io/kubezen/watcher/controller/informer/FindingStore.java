package io.kubezen.watcher.controller.informer;

import java.util.Optional;

/**
 * Remembers, per informer source and object, the findings already handed to the pipeline, so that a resync, a
 * controller restart or a leader takeover hands over only what is new. Shared by every controller replica (the
 * Redis one), because the next leader must know what the last one emitted. Implementations are thread-safe; the
 * Redis one throws {@link io.kubezen.watcher.store.StoreUnavailableException} when Redis cannot be reached.
 */
public interface FindingStore {

    Optional<ObjectFindings> get(String source, ObjectKey object);

    /** Replaces what is remembered for the object. Called only after its new findings are queued. */
    void put(String source, ObjectKey object, ObjectFindings findings);

    /** Called when the object is gone (or holds no findings), so its key does not outlive it. */
    void forget(String source, ObjectKey object);
}
