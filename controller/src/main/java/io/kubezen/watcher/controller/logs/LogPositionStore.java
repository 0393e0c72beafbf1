package io.kubezen.watcher.controller.logs;

import io.kubezen.watcher.controller.handover.HandoverStore;

/**
 * Remembers, per logs source and container, how far the container's log was handled, so that a reconnect, a
 * controller restart or a leader takeover resumes right after it. Shared by every controller replica (the Redis
 * one), because the next leader must know where this one stopped. {@code put} is called after the lines up to the
 * position were handed to the queue (or matched nothing); {@code forget} when the pod is gone, so its positions do
 * not outlive it.
 */
public interface LogPositionStore extends HandoverStore<ContainerKey, LogPosition> {
}
