package io.kubezen.watcher.controller.logs;

import java.util.Optional;

/**
 * Remembers, per logs source and container, how far the container's log was handled, so that a reconnect, a
 * controller restart or a leader takeover resumes right after it. Shared by every controller replica (the Redis
 * one), because the next leader must know where this one stopped. Implementations are thread-safe; the Redis one
 * throws {@link io.kubezen.watcher.store.StoreUnavailableException} when Redis cannot be reached.
 */
public interface LogPositionStore {

    Optional<LogPosition> get(String source, ContainerKey container);

    /** Called after the lines up to {@code position} were handed to the queue (or matched nothing). */
    void put(String source, ContainerKey container, LogPosition position);

    /** Called when the pod is gone, so its positions do not outlive it. */
    void forget(String source, ContainerKey container);
}
