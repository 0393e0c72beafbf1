package io.kubezen.watcher.controller.informer;

import io.kubezen.watcher.controller.handover.HandoverStore;

/**
 * Remembers, per informer source and object, the findings already handed to the pipeline, so that a resync, a
 * controller restart or a leader takeover hands over only what is new. Shared by every controller replica (the
 * Redis one), because the next leader must know what the last one emitted. {@code put} replaces what is
 * remembered for the object, called only after its new findings are queued; {@code forget} is called when the
 * object is gone (or holds no findings), so its key does not outlive it.
 */
public interface FindingStore extends HandoverStore<ObjectKey, ObjectFindings> {
}
